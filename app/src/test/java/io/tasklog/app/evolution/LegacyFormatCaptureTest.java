package io.tasklog.app.evolution;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tasklog.api.task.TaskEvent;
import io.tasklog.api.task.TaskReminderDueEvent;
import io.tasklog.app.web.JsonConfiguration;
import io.tasklog.command.eventstore.AxonJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/** TEMPORARY generator: the golden files, written as Axon wrote them with the web ObjectMapper before this change. */
@SpringBootTest(classes = {JacksonAutoConfiguration.class, JsonConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LegacyFormatCaptureTest {

    @Autowired
    ObjectMapper web;

    @Test
    void capture() throws Exception {
        Serializer legacy = JacksonSerializer.builder().objectMapper(web).build();
        Serializer current = AxonJson.serializer(new AnnotationRevisionResolver(), getClass().getClassLoader());
        Path dir = Path.of("src/test/resources/golden-events");
        Files.createDirectories(dir);
        ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        long seq = 1;
        Instant at = Instant.parse("2025-03-10T09:15:27.318Z");
        for (Map.Entry<String, Object> golden : new java.util.TreeMap<>(GoldenEvents.EXPECTED).entrySet()) {
            String file = golden.getKey();
            TaskEvent event = (TaskEvent) golden.getValue();
            boolean noRevision = file.contains("no-revision");
            boolean revision2 = file.contains("revision-2");
            if (noRevision && file.contains("upcoming")) {
                TaskReminderDueEvent r = (TaskReminderDueEvent) event;
                event = new TaskReminderDueEvent(r.taskId(), r.ownerId(), r.title(), r.dueAt(), r.timeZone(),
                        r.remindBeforeMinutes(), r.taskId() + ":upcoming:" + r.dueAt());
            }
            Serializer serializer = revision2 ? current : legacy;
            SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
            boolean system = file.startsWith("TaskReminderDue") || file.startsWith("TaskBecameOverdue");
            String trace = UUID.nameUUIDFromBytes(("trace" + file).getBytes()).toString();
            MetaData metaData = system ? MetaData.with("traceId", trace).and("correlationId", trace)
                    : MetaData.with("traceId", trace).and("correlationId", trace).and("userId", GoldenEvents.OWNER);
            ObjectNode row = pretty.createObjectNode();
            row.put("eventIdentifier", UUID.nameUUIDFromBytes(file.getBytes()).toString());
            row.put("aggregateType", "TaskAggregate");
            row.put("aggregateIdentifier", event.taskId());
            row.put("sequenceNumber", file.startsWith("TaskCreatedEvent") ? 0 : seq++);
            row.put("timestamp", at.plusSeconds(seq * 3671).toString());
            row.put("payloadType", payload.getType().getName());
            row.put("payloadRevision", revision2 ? payload.getType().getRevision() : null);
            row.set("payload", pretty.readTree(payload.getData()));
            row.set("metaData", pretty.readTree(serializer.serialize(metaData, byte[].class).getData()));
            Files.writeString(dir.resolve(file), pretty.writeValueAsString(row) + "\n", StandardCharsets.UTF_8);
            System.out.println("CAPTURE " + file + " " + new String(payload.getData(), StandardCharsets.UTF_8));
        }
    }
}
