package io.tasklog.embedded;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaKraftBrokerTest {

    @Test
    void producesConsumesSurvivesStopAndRestartsOnTheSamePort() throws Exception {
        String threadsBefore = KafkaKraftBroker.nonDaemonThreads();
        Path logDir;
        try (KafkaKraftBroker broker = KafkaKraftBroker.temporary().start();
             KafkaProducer<String, String> producer = producer(broker)) {
            logDir = broker.logDirectory();
            String bootstrap = broker.bootstrapServers();
            assertThat(broker.createTopic("events", 1)).isTrue();
            assertThat(broker.createTopic("events", 1)).isFalse();

            producer.send(new ProducerRecord<>("events", "k", "before-stop")).get(10, TimeUnit.SECONDS);
            assertThat(consumeWithGroup(broker, "events", 1)).containsExactly("before-stop");

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            assertThat(FreePorts.isFree(broker.port())).as("client port freed").isTrue();
            assertThat(FreePorts.isFree(broker.controllerPort())).as("controller port freed").isTrue();
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("events", "k", "while-down")).get(10, TimeUnit.SECONDS))
                    .as("the producer sees the broker down")
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);

            broker.start();
            assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
            // the same producer reconnects by itself
            producer.send(new ProducerRecord<>("events", "k", "after-restart")).get(30, TimeUnit.SECONDS);
            assertThat(readAll(broker, "events", 2)).containsExactly("before-stop", "after-restart");
        }
        assertThat(logDir).doesNotExist();
        assertThat(KafkaKraftBroker.nonDaemonThreads()).as("no broker thread keeps the JVM alive").isEqualTo(threadsBefore);
    }

    @Test
    void fixedLogDirIsFormattedOnceAndReused(@TempDir Path tmp) throws Exception {
        Path logDir = tmp.resolve("kafka");
        String clusterId;
        int port;
        int controllerPort;
        try (KafkaKraftBroker broker = KafkaKraftBroker.persistent(logDir, 0, 0).start();
             KafkaProducer<String, String> producer = producer(broker)) {
            clusterId = broker.clusterId();
            port = broker.port();
            controllerPort = broker.controllerPort();
            broker.createTopic("kept", 1);
            producer.send(new ProducerRecord<>("kept", "k", "v1")).get(10, TimeUnit.SECONDS);
        }
        assertThat(logDir.resolve("meta.properties")).exists();
        try (KafkaKraftBroker broker = KafkaKraftBroker.persistent(logDir, port, controllerPort).start()) {
            assertThat(broker.clusterId()).isEqualTo(clusterId);
            assertThat(broker.createTopic("kept", 1)).isFalse();
            assertThat(readAll(broker, "kept", 1)).containsExactly("v1");
        }
    }

    private static KafkaProducer<String, String> producer(KafkaKraftBroker broker) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000,
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200),
                new StringSerializer(), new StringSerializer());
    }

    private static List<String> consumeWithGroup(KafkaKraftBroker broker, String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-group",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            return poll(consumer, expected);
        }
    }

    private static List<String> readAll(KafkaKraftBroker broker, String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            return poll(consumer, expected);
        }
    }

    private static List<String> poll(KafkaConsumer<String, String> consumer, int expected) {
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (values.size() < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                values.add(r.value());
            }
        }
        return values;
    }
}
