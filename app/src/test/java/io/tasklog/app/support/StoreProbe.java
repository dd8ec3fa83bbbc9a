package io.tasklog.app.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Positive signals from the database that something asynchronous has happened, so that a test can then
 * assert that something else did <em>not</em> happen (instead of sleeping and hoping).
 */
public final class StoreProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    public StoreProbe(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits until the tracking processor has handled every event of the task stored so far, in every segment. */
    public void awaitProcessed(String processor, String taskId, Duration timeout) {
        long last = jdbc.sql("select max(global_index) from domain_event_entry where aggregate_identifier = ?")
                .param(taskId).query(Long.class).single();
        await().atMost(timeout).until(() -> jdbc.sql("select token from token_entry where processor_name = ?")
                        .param(processor).query((rs, n) -> rs.getBytes(1)).list(),
                tokens -> !tokens.isEmpty() && tokens.stream().allMatch(token -> handled(token, last)));
    }

    /** The types of the task's stored events, oldest first (simple class names). */
    public List<String> eventTypes(String taskId) {
        return jdbc.sql("select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number")
                .param(taskId).query(String.class).list().stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    /** Tasks created as occurrences of the series started by {@code seriesId} (found in the stored payloads). */
    public long occurrencesCreatedIn(String seriesId) {
        return jdbc.sql("select count(*) from domain_event_entry where payload_type like '%TaskCreatedEvent'"
                        + " and convert_from(payload, 'UTF8') like ?")
                .param("%\"seriesId\":\"" + seriesId + "\"%").query(Long.class).single();
    }

    /** Whether a token (gap-aware, as the JPA event store's processors keep them) is past {@code index}. */
    private static boolean handled(byte[] token, long index) {
        if (token == null) {
            return false;
        }
        try {
            JsonNode json = JSON.readTree(new String(token, StandardCharsets.UTF_8));
            for (JsonNode gap : json.path("gaps")) {
                if (gap.asLong() == index) {
                    return false;
                }
            }
            return json.path("index").asLong(-1) >= index;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
