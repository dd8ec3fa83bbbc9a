package io.tasklog.app.evolution;

import static java.util.Map.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklog.api.task.NextOccurrenceCreatedEvent;
import io.tasklog.api.task.Recurrence;
import io.tasklog.api.task.RecurrenceAnchor;
import io.tasklog.api.task.SeriesLink;
import io.tasklog.api.task.TaskBecameOverdueEvent;
import io.tasklog.api.task.TaskBecameRecurringEvent;
import io.tasklog.api.task.TaskCompletedEvent;
import io.tasklog.api.task.TaskCreatedEvent;
import io.tasklog.api.task.TaskDeletedEvent;
import io.tasklog.api.task.TaskDetails;
import io.tasklog.api.task.TaskField;
import io.tasklog.api.task.TaskPriority;
import io.tasklog.api.task.TaskReminderDueEvent;
import io.tasklog.api.task.TaskReminderSnoozedEvent;
import io.tasklog.api.task.TaskReopenedEvent;
import io.tasklog.api.task.TaskUpdatedEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The golden events: stored forms of every task event, exactly as the event store holds them
 * (src/test/resources/golden-events, one file per stored form: the row's columns, with the payload and
 * metadata JSON inlined), and the value each must read as with today's code. A file is never edited once
 * committed; a changed event gets a new file next to the old ones (see the README, "Event evolution").
 */
final class GoldenEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String OWNER = "5b0c8f7e-3f57-4b0e-9d51-2f6a1c7e9a10";
    static final Instant DUE = Instant.parse("2025-03-14T16:00:00Z");

    private static final TaskDetails WATER_THE_PLANTS = new TaskDetails("Water the plants",
            "Balcony and kitchen, \"all\" of them", TaskPriority.HIGH, List.of("home", "garden"), DUE,
            "Europe/Berlin", 30, new Recurrence("FREQ=WEEKLY;BYDAY=FR", RecurrenceAnchor.DUE));

    /** What each golden file must read as (after upcasting), by file name. */
    static final Map<String, Object> EXPECTED = Map.ofEntries(
            entry("TaskCreatedEvent.json", new TaskCreatedEvent("0b7d3c52-7f0e-4c55-8f0a-6d1f1d7c2a01", OWNER,
                    WATER_THE_PLANTS, new SeriesLink("9e3f6a1b-2c4d-4e5f-8a9b-0c1d2e3f4a50",
                            "7c6b5a49-3827-4615-9504-a3b2c1d0e9f8", 2))),
            entry("TaskCreatedEvent.plain.json", new TaskCreatedEvent("0b7d3c52-7f0e-4c55-8f0a-6d1f1d7c2a02", OWNER,
                    new TaskDetails("Call the bank", null, TaskPriority.NONE, List.of(), null, null, 0, null), null)),
            entry("TaskUpdatedEvent.json", new TaskUpdatedEvent("0b7d3c52-7f0e-4c55-8f0a-6d1f1d7c2a03", OWNER,
                    Set.of(TaskField.TITLE, TaskField.PRIORITY, TaskField.DUE_AT, TaskField.REMIND_BEFORE_MINUTES,
                            TaskField.RECURRENCE, TaskField.TAGS),
                    new TaskDetails("Water the plants (all)", null, TaskPriority.URGENT, List.of("home"),
                            Instant.parse("2025-03-15T08:30:00.123456Z"), null, 15, null))),
            entry("TaskUpdatedEvent.recurrence.json", new TaskUpdatedEvent("0b7d3c52-7f0e-4c55-8f0a-6d1f1d7c2a04",
                    OWNER, Set.of(TaskField.RECURRENCE, TaskField.TIME_ZONE, TaskField.DESCRIPTION),
                    new TaskDetails(null, "Every day after I did it", null, null, null, "America/New_York", null,
                            new Recurrence("FREQ=DAILY;INTERVAL=2", RecurrenceAnchor.COMPLETION)))),
            entry("TaskCompletedEvent.json", new TaskCompletedEvent("0b7d3c52-7f0e-4c55-8f0a-6d1f1d7c2a05", OWNER,
                    Instant.parse("2025-03-14T15:59:58.500Z"))),
            entry("TaskReopenedEvent.json", new TaskReopenedEvent("0b7d3c52-7f0e-4c55-8f0a-6d1f1d7c2a06", OWNER)),
            entry("TaskDeletedEvent.json", new TaskDeletedEvent("0b7d3c52-7f0e-4c55-8f0a-6d1f1d7c2a07", OWNER)),
            entry("TaskBecameRecurringEvent.json", new TaskBecameRecurringEvent("0b7d3c52-7f0e-4c55-8f0a-6d1f1d7c2a08",
                    OWNER, WATER_THE_PLANTS, new SeriesLink("0b7d3c52-7f0e-4c55-8f0a-6d1f1d7c2a08", null, 1))),
            entry("NextOccurrenceCreatedEvent.json", new NextOccurrenceCreatedEvent(
                    "0b7d3c52-7f0e-4c55-8f0a-6d1f1d7c2a09", OWNER, "3f2e1d0c-b9a8-5765-8432-10fedcba9876",
                    Instant.parse("2025-03-21T16:00:00Z"))),
            // before revision 2: the "upcoming" key had no lead time; the upcaster adds the event's own
            entry("TaskReminderDueEvent.no-revision.upcoming.json", new TaskReminderDueEvent(
                    "0b7d3c52-7f0e-4c55-8f0a-6d1f1d7c2a10", OWNER, "Water the plants", DUE, "Europe/Berlin", 30,
                    "0b7d3c52-7f0e-4c55-8f0a-6d1f1d7c2a10:upcoming:2025-03-14T16:00:00Z:30")),
            entry("TaskReminderDueEvent.no-revision.snoozed.json", new TaskReminderDueEvent(
                    "0b7d3c52-7f0e-4c55-8f0a-6d1f1d7c2a11", OWNER, "Water the plants", DUE, "Europe/Berlin", 30,
                    "0b7d3c52-7f0e-4c55-8f0a-6d1f1d7c2a11:snoozed:2025-03-14T15:45:00Z")),
            entry("TaskReminderDueEvent.revision-2.json", new TaskReminderDueEvent(
                    "0b7d3c52-7f0e-4c55-8f0a-6d1f1d7c2a12", OWNER, "Water the plants", DUE, "Europe/Berlin", 60,
                    "0b7d3c52-7f0e-4c55-8f0a-6d1f1d7c2a12:upcoming:2025-03-14T16:00:00Z:60")),
            entry("TaskReminderSnoozedEvent.json", new TaskReminderSnoozedEvent("0b7d3c52-7f0e-4c55-8f0a-6d1f1d7c2a13",
                    OWNER, "d4c3b2a1-0f9e-4d8c-b7a6-958473625140", Instant.parse("2025-03-14T15:45:00Z"))),
            entry("TaskBecameOverdueEvent.json", new TaskBecameOverdueEvent("0b7d3c52-7f0e-4c55-8f0a-6d1f1d7c2a14",
                    OWNER, "Water the plants", DUE, "Europe/Berlin",
                    "0b7d3c52-7f0e-4c55-8f0a-6d1f1d7c2a14:overdue:2025-03-14T16:00:00Z")));

    private GoldenEvents() {
    }

    /** A golden file: one row of domain_event_entry. */
    record StoredEvent(String file, String eventIdentifier, String aggregateType, String aggregateIdentifier,
                       long sequenceNumber, String timestamp, String payloadType, String payloadRevision,
                       byte[] payload, byte[] metaData) {

        DomainEventData<byte[]> asEntry() {
            return new GenericDomainEventEntry<>(aggregateType, aggregateIdentifier, sequenceNumber, eventIdentifier,
                    timestamp, payloadType, payloadRevision, payload, metaData);
        }
    }

    static List<StoredEvent> all() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:golden-events/*.json");
            return Arrays.stream(files).map(GoldenEvents::read)
                    .sorted(Comparator.comparing(StoredEvent::file)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StoredEvent read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            JsonNode row = JSON.readTree(in);
            return new StoredEvent(file.getFilename(), row.get("eventIdentifier").asText(),
                    row.get("aggregateType").asText(), row.get("aggregateIdentifier").asText(),
                    row.get("sequenceNumber").asLong(), row.get("timestamp").asText(),
                    row.get("payloadType").asText(), row.get("payloadRevision").textValue(),
                    // stored as compact JSON: what the inlined, pretty-printed object is written as again
                    JSON.writeValueAsBytes(row.get("payload")), JSON.writeValueAsBytes(row.get("metaData")));
        } catch (IOException e) {
            throw new UncheckedIOException(file.getFilename(), e);
        }
    }
}
