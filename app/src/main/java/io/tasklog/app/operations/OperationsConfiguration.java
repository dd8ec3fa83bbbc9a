package io.tasklog.app.operations;

import io.tasklog.projections.rebuild.RebuildableProjection;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What operators use: processor status, dead letters and projection rebuilds. */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {

    /** A Kafka admin client of our own for end offsets (Spring's KafkaAdmin opens and closes one per call). */
    @Bean(destroyMethod = "close")
    Admin operationsKafkaAdmin(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    @Bean
    ProcessorMonitor processorMonitor(EventProcessingConfiguration processing, JdbcClient jdbc,
                                      @Qualifier("serializer") Serializer serializer, EventStore eventStore,
                                      Admin operationsKafkaAdmin, @Value("${axon.kafka.default-topic}") String topic) {
        return new ProcessorMonitor(processing, jdbc, serializer,
                new TokenPositions(eventStore, operationsKafkaAdmin, topic));
    }

    @Bean
    DeadLetters deadLetters(EventProcessingConfiguration processing, JdbcClient jdbc,
                            @Qualifier("serializer") Serializer serializer) {
        return new DeadLetters(processing, jdbc, serializer);
    }

    @Bean(destroyMethod = "close")
    ProjectionRebuilds projectionRebuilds(List<RebuildableProjection> projections, JdbcClient jdbc,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration axon,
                                          PlatformTransactionManager transactionManager,
                                          @Value("${tasklog.operations.rebuild-chunk-size:20000}") int chunkSize) {
        return new ProjectionRebuilds(projections,
                new StoredEventChunks(jdbc, eventSerializer,
                        axon.upcasterChain() != null ? axon.upcasterChain() : new EventUpcasterChain()),
                new ShadowTables(jdbc), new RebuildState(jdbc), jdbc, new TransactionTemplate(transactionManager),
                chunkSize);
    }
}
