package io.tasklog.query.stream;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.web.embedded.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Streams write their events on a bounded pool of their own rather than Spring MVC's fallback of a
 * new thread per write; and since every open stream holds a connection, Tomcat's per-connection socket buffers
 * are kept small (see {@link #smallSocketBuffers()}).
 */
@Configuration(proxyBeanMethods = false)
public class StreamWebConfiguration implements WebMvcConfigurer {

    /** Bytes of each connection's socket read and write buffer (Tomcat's default: 8 KiB each). */
    static final int SOCKET_BUFFER_BYTES = 2048;

    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("stream-write-");
        executor.setCorePoolSize(4);
        executor.setMaxPoolSize(32);
        executor.setQueueCapacity(10_000);
        executor.setDaemon(true);
        executor.initialize();
        configurer.setTaskExecutor(executor);
    }

    /**
     * Tomcat gives every connection a socket read and a socket write buffer (8 KiB each), and sizes the request
     * header buffer as the header limit plus the read buffer: with 10,000 open streams that is ~240 MB of heap.
     * 2 KiB each cost nothing in throughput: an SSE event or a small answer fits, a larger answer is written from
     * the response's own buffer straight to the socket, and a request's body is read into its larger buffers.
     */
    @Bean
    TomcatConnectorCustomizer smallSocketBuffers() {
        return connector -> {
            set(connector, "socket.appReadBufSize", SOCKET_BUFFER_BYTES);
            set(connector, "socket.appWriteBufSize", SOCKET_BUFFER_BYTES);
        };
    }

    private static void set(Connector connector, String property, int value) {
        if (!connector.setProperty(property, Integer.toString(value))) {
            throw new IllegalStateException("Tomcat's connector has no property " + property);
        }
    }
}
