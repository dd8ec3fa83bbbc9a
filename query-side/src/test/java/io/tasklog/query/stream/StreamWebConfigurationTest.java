package io.tasklog.query.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

class StreamWebConfigurationTest {

    @Test
    void tomcatConnectionsGetSmallSocketBuffers() {
        Connector connector = new Connector("HTTP/1.1");
        assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("8192"); // Tomcat's default

        new StreamWebConfiguration().smallSocketBuffers().customize(connector);

        assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("2048");
        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("2048");
    }
}
