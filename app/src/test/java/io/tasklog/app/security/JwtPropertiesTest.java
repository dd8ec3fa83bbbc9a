package io.tasklog.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The application does not start without a usable signing key, and says what to set. */
class JwtPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(BindsJwtProperties.class);

    @Test
    void noSecretFailsTheStartWithAClearMessage() {
        context.run(started -> assertThat(started).getFailure().rootCause()
                .hasMessageContaining("tasklog.security.jwt-secret (env TASKLOG_SECURITY_JWT_SECRET) is not set")
                .hasMessageContaining("openssl rand -base64 32"));
        context.withPropertyValues("tasklog.security.jwt-secret=  ")
                .run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining("is not set"));
    }

    @Test
    void aShortOrMalformedSecretFailsTheStart() {
        context.withPropertyValues("tasklog.security.jwt-secret=c2hvcnQ=") // "short"
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("at least 32 bytes, not 5"));
        context.withPropertyValues("tasklog.security.jwt-secret=not base64!")
                .run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining("not valid base64"));
    }

    @Test
    void aSecretOf32BytesStartsWithTheDefaultIssuer() {
        context.withPropertyValues("tasklog.security.jwt-secret=dGFza2xvZy10ZXN0LXNoYXJlZC1zZWNyZXQtMzItYnl0ZXMtbG9uZyE=")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started.getBean(JwtProperties.class).issuer()).isEqualTo("tasklog");
                    assertThat(started.getBean(JwtProperties.class).signingKey()).hasSizeGreaterThanOrEqualTo(32);
                });
    }

    @Test
    void theKeyIsCheckedBeforeAnyBeanIsCreated() {
        new ApplicationContextRunner().withUserConfiguration(SigningKeyCheck.class, TouchesTheOutsideWorld.class)
                .run(started -> assertThat(started).getFailure()
                        .hasMessageContaining("Failed to bind properties under 'tasklog.security'")
                        .rootCause().hasMessageContaining("tasklog.security.jwt-secret (env TASKLOG_SECURITY_JWT_SECRET) is not set"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(JwtProperties.class)
    static class BindsJwtProperties {
    }

    /** Stands for the database migration and the Kafka clients: must not be reached without a key. */
    @Configuration(proxyBeanMethods = false)
    static class TouchesTheOutsideWorld {
        @org.springframework.context.annotation.Bean
        Object migration() {
            throw new AssertionError("a bean was created before the signing key was checked");
        }
    }
}
