package io.tasklog.command.eventstore;

import java.time.Duration;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tracking tokens of every processor (the Kafka publisher's and the projections') live in PostgreSQL.
 * Declared explicitly: the Kafka extension would otherwise offer its Kafka-backed token store.
 */
@Configuration(proxyBeanMethods = false)
public class TokenStoreConfiguration {

    /** A node that stops without releasing its claims hands its segments over after this long. */
    @Bean
    TokenStore tokenStore(EntityManagerProvider entityManagerProvider, @Qualifier("serializer") Serializer serializer,
                          @Value("${tasklog.processors.claim-timeout:PT10S}") Duration claimTimeout) {
        return JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .build();
    }
}
