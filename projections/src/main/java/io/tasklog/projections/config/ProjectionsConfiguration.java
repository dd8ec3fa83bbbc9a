package io.tasklog.projections.config;

import io.tasklog.api.stream.Topics;
import io.tasklog.projections.notifications.NotificationProjection;
import io.tasklog.projections.taskview.TaskViewProjection;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

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
        for (String group : new String[] {TaskViewProjection.PROCESSING_GROUP, NotificationProjection.PROCESSING_GROUP}) {
            processing.registerTrackingEventProcessor(group, config -> taskEvents,
                    config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                            .andInitialTrackingToken(StreamableMessageSource::createTailToken)
                            .andBatchSize(batchSize));
        }
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
