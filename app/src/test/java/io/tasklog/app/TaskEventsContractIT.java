package io.tasklog.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklog.app.support.IntegrationTest;
import io.tasklog.app.support.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** Topic task-events read the way a non-Axon consumer would: plain Kafka client, CloudEvents headers, JSON. */
class TaskEventsContractIT extends IntegrationTest {

    @Test
    void eachTaskEventIsACloudEventKeyedByTaskIdWithJsonData() throws Exception {
        String token = api.newUser();
        String id = api.createTask(token, "{\"title\":\"Contract check\",\"priority\":\"low\"}");
        api.post("/api/tasks/" + id + "/complete", token, null);

        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "contract-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("task-events"));
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < 2 && System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (id.equals(r.key())) {
                        records.add(r);
                    }
                });
            }
        }
        assertThat(records).hasSize(2);
        ConsumerRecord<String, byte[]> created = records.get(0);
        assertThat(header(created, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(created, "ce_type")).isEqualTo("io.tasklog.task.created.v1");
        assertThat(header(created, "ce_source")).isEqualTo("/tasklog/tasks");
        assertThat(header(created, "ce_subject")).isEqualTo(id);
        assertThat(header(created, "ce_axonmessageaggregateseq")).isEqualTo("0");
        assertThat(header(created, "ce_tasklogactor")).isNotBlank();
        JsonNode data = new ObjectMapper().readTree(created.value());
        assertThat(data.get("taskId").asText()).isEqualTo(id);
        assertThat(data.get("details").get("title").asText()).isEqualTo("Contract check");
        assertThat(data.get("details").get("priority").asText()).isEqualTo("low");
        assertThat(header(records.get(1), "ce_type")).isEqualTo("io.tasklog.task.completed.v1");
        assertThat(header(records.get(1), "ce_axonmessageaggregateseq")).isEqualTo("1");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
