package io.tasklog.command.eventstore;

import io.tasklog.api.MessageMetadata;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Event store behaviour of the write side: who acted, and snapshots of long-lived tasks. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SnapshotProperties.class)
public class EventStoreConfiguration {

    /** Copies the acting user from each command onto the events it causes: the history's "who". */
    @Bean
    public CorrelationDataProvider userIdCorrelation() {
        return new SimpleCorrelationDataProvider(MessageMetadata.USER_ID);
    }

    /** Snapshots are written after the command's commit, on their own thread, so commands never wait on them. */
    @Bean(destroyMethod = "shutdown")
    public ExecutorService snapshotExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "task-snapshotter");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    public SpringAggregateSnapshotterFactoryBean snapshotter(ExecutorService snapshotExecutor) {
        SpringAggregateSnapshotterFactoryBean factory = new SpringAggregateSnapshotterFactoryBean();
        factory.setExecutor(snapshotExecutor);
        return factory;
    }

    @Bean
    public SnapshotTriggerDefinition taskSnapshotTrigger(Snapshotter snapshotter, SnapshotProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.threshold());
    }
}
