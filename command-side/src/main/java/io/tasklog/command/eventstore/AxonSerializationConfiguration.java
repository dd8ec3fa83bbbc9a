package io.tasklog.command.eventstore;

import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * What Axon stores is written and read with {@link AxonJson}, never with the web ObjectMapper that Axon's
 * auto-configuration would otherwise pick up. Declaring the three serializers by the names Axon looks for
 * ({@code serializer}, {@code messageSerializer}, {@code eventSerializer}) makes its auto-configuration
 * use them everywhere: event store and snapshots, sagas, tokens, deadlines, the Kafka converter. The
 * mapper is deliberately not a bean: an ObjectMapper bean would replace Spring Boot's web mapper.
 */
@Configuration(proxyBeanMethods = false)
public class AxonSerializationConfiguration {

    @Bean
    @Primary
    public Serializer serializer(RevisionResolver revisionResolver) {
        return AxonJson.serializer(revisionResolver, getClass().getClassLoader());
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(@Qualifier("serializer") Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(@Qualifier("serializer") Serializer serializer) {
        return serializer;
    }

    /** Axon adds every EventUpcaster bean to the chain of the event store (and Configuration#upcasterChain). */
    @Bean
    public EventUpcaster taskEventUpcasters() {
        return TaskEventUpcasters.chain();
    }
}
