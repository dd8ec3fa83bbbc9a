package io.tasklog.projections.config;

import io.tasklog.api.stream.Topics;
import io.tasklog.projections.deadletters.CountingEnqueuePolicy;
import io.tasklog.projections.deadletters.SavepointPerEvent;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import javax.sql.DataSource;

/**
 * Projections read topic {@code task-events} (not the event store), tracking their position in PostgreSQL.
 * A batch is one transaction: larger batches raise throughput, smaller ones cut the latency of the
 * batch's first events ({@code tasklog.processors.projection-batch-size}).
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionsConfiguration {

    @Autowired
    void registerProjectionProcessors(EventProcessingConfigurer processing,
                                      StreamableKafkaMessageSource<String, byte[]> taskEvents,
                                      @Value("${tasklog.processors.projection-batch-size:50}") int batchSize) {
        for (String group : Projections.GROUPS) {
            processing.registerTrackingEventProcessor(group, config -> taskEvents,
                    config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                            .andInitialTrackingToken(StreamableMessageSource::createTailToken)
                            .andBatchSize(batchSize));
            parkFailedEvents(processing, group);
        }
    }

    /**
     * An event a projection cannot handle is parked in PostgreSQL with its cause; later events of the same
     * task wait behind it (the default sequencing is per aggregate, i.e. per task), every other task flows on.
     */
    private static void parkFailedEvents(EventProcessingConfigurer processing, String group) {
        processing.registerDeadLetterQueue(group, config -> JpaSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .entityManagerProvider(config.getComponent(EntityManagerProvider.class))
                .transactionManager(config.getComponent(TransactionManager.class))
                .serializer(config.serializer())
                .eventSerializer(config.eventSerializer())
                .build());
        processing.registerDeadLetterPolicy(group, config -> new CountingEnqueuePolicy());
        // Without the cache every event costs a query ("is its task parked?"); the cache remembers the parked
        // tasks of the segment this node holds and is dropped when the segment moves to another node.
        processing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                (config, invoker) -> invoker.enableSequenceIdentifierCache());
    }

    /** Savepoints make parking possible after an SQL error (see {@link SavepointPerEvent}). */
    @Bean
    SavepointPerEvent savepointPerEvent(DataSource dataSource) {
        return new SavepointPerEvent(dataSource);
    }

    @Bean
    NewTopic taskUpdatesTopic(@Value("${tasklog.kafka.replication-factor:1}") short replicationFactor,
                              @Value("${tasklog.kafka.task-updates-topic:" + Topics.TASK_UPDATES + "}") String name) {
        return TopicBuilder.name(name)
                .partitions(3)
                .replicas(replicationFactor)
                .config("retention.ms", String.valueOf(24 * 60 * 60 * 1000))
                .build();
    }
}
