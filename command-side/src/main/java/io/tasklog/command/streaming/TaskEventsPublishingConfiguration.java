package io.tasklog.command.streaming;

import io.tasklog.api.MessageMetadata;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.tasklog.api.stream.Topics;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.cloudevent.CloudEventKafkaMessageConverter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.tracing.SpanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Streams every stored event to topic {@code task-events}. The publisher ({@link TaskEventsKafkaPublisher})
 * runs as a tracking processor over the event store, which makes the store its outbox: commands succeed
 * while Kafka is down, and everything stored is published once it is back.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicProperties.class)
public class TaskEventsPublishingConfiguration {

    /**
     * The publisher starts at the very beginning of the store and NOT as a replay: Axon's default first
     * token is a replay token, and the publisher ignores replayed events (it is never reset), which would
     * silently drop every event stored before the publisher first ran.
     */
    @Autowired
    void configurePublisher(EventProcessingConfigurer processing, TopicProperties topics) {
        String group = TaskEventsKafkaPublisher.PROCESSING_GROUP;
        processing.registerTrackingEventProcessorConfiguration(group,
                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken)
                        .andBatchSize(topics.publisherBatchSize()));
        // a failed send must stop the processor (it retries), never be logged and skipped
        processing.registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance());
    }

    @Bean(destroyMethod = "close")
    Producer<String, CloudEvent> taskEventsProducer(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "tasklog-task-events");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
        return new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer());
    }

    @Bean
    TaskEventsKafkaPublisher taskEventsKafkaPublisher(Producer<String, CloudEvent> taskEventsProducer,
                                                      KafkaMessageConverter<String, CloudEvent> kafkaMessageConverter,
                                                      @Value("${axon.kafka.default-topic}") String topic,
                                                      SpanFactory spanFactory) {
        return new TaskEventsKafkaPublisher(taskEventsProducer, kafkaMessageConverter, topic, 15_000, spanFactory);
    }

    /**
     * Events as CloudEvents (binary mode, JSON data), typed by their external names. CloudEvents extension
     * names allow only lower-case letters and digits, so Axon metadata keys are mapped; an unmapped key that
     * is not a valid name would stop publishing, which is why every metadata key Tasklog adds must be mapped here.
     */
    @Bean
    KafkaMessageConverter<String, CloudEvent> kafkaMessageConverter(@Qualifier("eventSerializer") Serializer serializer,
                                                                    org.axonframework.config.Configuration axon,
                                                                    TopicProperties topics) {
        KafkaMessageConverter<String, CloudEvent> cloudEvents = CloudEventKafkaMessageConverter.builder()
                .serializer(serializer)
                // the same upcasters as the event store's: records published long ago read like stored events
                .upcasterChain(axon.upcasterChain() != null ? axon.upcasterChain() : new EventUpcasterChain())
                .addMetadataMapper(MessageMetadata.USER_ID, Topics.ACTOR_EXTENSION)
                .sourceSupplier(event -> URI.create(Topics.TASK_EVENTS_SOURCE))
                .subjectSupplier(event -> event instanceof DomainEventMessage<?> domain
                        ? Optional.of(domain.getAggregateIdentifier()) : Optional.empty())
                .dataContentTypeSupplier(event -> Optional.of("application/json"))
                .build();
        return new SequencePreservingConverter(
                new ExternalTypeNameConverter(cloudEvents, topics.externalTypeNames()),
                // Axon's correlation keys, mapped by the converter itself, and ours; OpenTelemetry's
                // traceparent/tracestate are valid extension names and travel as they are
                Set.of(MessageMetadata.USER_ID, "traceId", "correlationId"));
    }

    /** The topic's declaration; {@link TaskEventsTopicGuard} creates or checks it (KafkaAdmin leaves it alone). */
    @Bean
    NewTopic taskEventsTopic(TopicProperties topics, @Value("${axon.kafka.default-topic}") String name) {
        return TopicBuilder.name(name)
                .partitions(topics.taskEventsPartitions())
                .replicas(topics.replicationFactor())
                // Kept forever: projections rebuild (replay) from this topic.
                .config("retention.ms", "-1")
                .build();
    }
}
