package io.tasklog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A large task history written straight into {@code domain_event_entry} with one {@code INSERT … SELECT} over
 * {@code generate_series}, in exactly the form the application's Axon serializer stores (compact JSON payloads,
 * {@code {"userId":…}} metadata, ISO-8601 millisecond time stamps, aggregate type {@code TaskAggregate}),
 * owned by real registered users.
 *
 * <p><b>Behind the processors.</b> The event-store processors (the Kafka publisher and the recurrence saga) must
 * not see a million new events: the publisher would push them all to Kafka and the projections would fold them,
 * loading the machine for an hour. So the seeded events get global indexes the processors have already passed:
 * <ol>
 *   <li>the index sequence is moved past the seeded range plus {@value #GAP_MARGIN} spare values;</li>
 *   <li>one real task is created through the API (the <i>fence</i>); its event gets the next index, and every
 *       event-store processor's token moves to it. Axon's gap-aware token records as gaps only the skipped
 *       indexes within 10,000 below it (its {@code maxGapOffset}), i.e. none of the seeded range;</li>
 *   <li>once every such token has reached the fence, the history is inserted below it. No processor reads
 *       below its token except its gaps, so the seeded events read as history that was published long ago;</li>
 *   <li>a minute later (Axon's gap timeout) a last task is created, at which the tokens drop the fence's gaps.</li>
 * </ol>
 * Before all that, one task is created and awaited: a processor that has no token yet would otherwise take every
 * index below the fence for a gap.
 * The index stays contiguous within the seeded range and the sequence is past it, so the app appends as usual.
 */
final class EventStoreSeed {

    /** Spare indexes between the seeded range and the fence: more than Axon's default maxGapOffset (10,000). */
    static final int GAP_MARGIN = 11_000;
    static final int EVENTS_PER_TASK = 5;
    /** Axon's default gap timeout, and a few seconds more. */
    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(65);
    /** For {@link #awaitTokensAt}: no gap at all is acceptable. */
    private static final long NO_GAPS = Long.MAX_VALUE - 1;
    private static final String TOKEN_TYPE = "org.axonframework.eventhandling.GapAwareTrackingToken";

    private final Connection db;

    EventStoreSeed(Connection db) {
        this.db = db;
    }

    /** What was seeded: the index range, how many tasks and events, and how long it took. */
    record Seeded(long firstIndex, long lastIndex, long fenceIndex, int tasks, long events, double seconds) {

        ObjectNode toJson() {
            ObjectNode json = Api.object();
            json.put("firstIndex", firstIndex).put("lastIndex", lastIndex).put("fenceIndex", fenceIndex)
                    .put("tasks", tasks).put("events", events).put("insertSeconds", Summary.round(seconds));
            return json;
        }
    }

    /**
     * Seeds {@code tasks} tasks of {@value #EVENTS_PER_TASK} events each, owned round-robin by {@code ownerIds};
     * {@code fence} creates one task through the API and returns its id.
     */
    Seeded seed(int tasks, int window, List<String> ownerIds, String runId, FenceTask fence, Duration tokenTimeout)
            throws SQLException, InterruptedException {
        long events = (long) tasks * EVENTS_PER_TASK;
        // A processor without a token yet would take everything below its first event as gaps: give it one first.
        awaitTokensAt(indexOf(fence.create()), -1, tokenTimeout);
        long base = queryLong("select greatest(coalesce((select max(global_index) from domain_event_entry), 0),"
                + " (select last_value from domain_event_entry_seq))");
        long last = base + events;
        queryLong("select setval('domain_event_entry_seq', " + (last + GAP_MARGIN) + ")");
        long fenceIndex = indexOf(fence.create());
        if (fenceIndex <= last + 10_000) {
            throw new IllegalStateException("the fence event got index " + fenceIndex + ", expected above " + (last + 10_000));
        }
        awaitTokensAt(fenceIndex, last, tokenTimeout);
        long fencedAt = System.nanoTime();

        long start = System.nanoTime();
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement(INSERT)) {
            int i = 1;
            insert.setLong(i++, base);
            insert.setInt(i++, tasks);
            insert.setInt(i++, window);
            insert.setArray(i++, db.createArrayOf("text", ownerIds.toArray()));
            insert.setArray(i++, db.createArrayOf("text", TaskGen.WORDS.toArray()));
            insert.setArray(i++, db.createArrayOf("text", TaskGen.TAGS.toArray()));
            insert.setArray(i++, db.createArrayOf("text", TaskGen.PRIORITIES));
            insert.setTimestamp(i++, Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)));
            insert.setString(i, runId);
            long inserted = insert.executeLargeUpdate();
            if (inserted != events) {
                throw new IllegalStateException("inserted " + inserted + " events, expected " + events);
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Statement statement = db.createStatement()) {
            statement.execute("analyze domain_event_entry");
        }
        // The fence left its 10,000 skipped indexes as gaps in the tokens, and every fetch asks for them. Axon drops
        // them at the first event it reads once the event after them is older than its gap timeout (60 s).
        Thread.sleep(Math.max(0, GAP_TIMEOUT.toMillis() - (System.nanoTime() - fencedAt) / 1_000_000));
        awaitTokensAt(indexOf(fence.create()), NO_GAPS, tokenTimeout);
        return new Seeded(base + 1, last, fenceIndex, tasks, events, seconds);
    }

    /** Creates one task through the API and returns its id. */
    @FunctionalInterface
    interface FenceTask {
        String create();
    }

    /**
     * Waits until every event-store processor's token (gap-aware, or none yet) is at {@code fenceIndex}; then none
     * may have a gap at or below {@code lastSeeded}.
     */
    private void awaitTokensAt(long fenceIndex, long lastSeeded, Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String behind;
        do {
            behind = null;
            int processors = 0;
            try (PreparedStatement query = db.prepareStatement("select processor_name, convert_from(token, 'UTF8')"
                    + " from token_entry where token_type is null or token_type = ?")) {
                query.setString(1, TOKEN_TYPE);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        processors++;
                        JsonNode token = rs.getString(2) == null ? Api.JSON.missingNode() : readJson(rs.getString(2));
                        long index = token.path("index").asLong(-1);
                        if (index < fenceIndex) {
                            behind = rs.getString(1) + " at " + index;
                        } else if (lowestGap(token) <= lastSeeded) {
                            throw new IllegalStateException(rs.getString(1) + "'s token has a gap at " + lowestGap(token)
                                    + (lastSeeded == NO_GAPS ? " after Axon's gap timeout"
                                    : ", inside the range to seed: it would publish seeded events"));
                        }
                    }
                }
            }
            if (processors == 0) {
                behind = "no event-store processor has a token yet";
            }
            if (behind != null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("event-store processors not at the fence (" + fenceIndex + ") after "
                            + timeout.toSeconds() + " s: " + behind);
                }
                Thread.sleep(200);
            }
        } while (behind != null);
    }

    private static long lowestGap(JsonNode token) {
        return token.path("gaps").isEmpty() ? Long.MAX_VALUE : token.path("gaps").get(0).asLong();
    }

    private long indexOf(String taskId) throws SQLException {
        return queryLong("select max(global_index) from domain_event_entry where aggregate_identifier = '"
                + taskId.replace("'", "") + "'");
    }

    private long queryLong(String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return Api.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable token " + text, e);
        }
    }

    /**
     * Task {@code t} (0-based) has events k = 0..4: created; updated (title); updated (priority and tags);
     * completed (6 in 10 tasks) or updated (description); then deleted (1 in 10), reopened (2 in 10, completed
     * ones) or updated (title and priority). Tasks are interleaved in windows of {@code window} tasks: the k-th
     * events of a window's tasks follow each other, so a task's life spans about 5 × window events, as when many
     * users work at once. Event time advances 30 s (and a few ms) per event from 400 days ago. Ids are derived
     * from the run id, so a rerun with another run id seeds different tasks.
     */
    private static final String INSERT = """
            insert into domain_event_entry (global_index, type, aggregate_identifier, sequence_number, event_identifier,
                                            time_stamp, payload_type, payload_revision, payload, meta_data)
            with p as (select ?::bigint as base, ?::int as tasks, ?::int as win, ?::text[] as owners, ?::text[] as words,
                              ?::text[] as tags, ?::text[] as priorities, ?::timestamptz as t0, ?::text as run),
            task as (
                select t, md5(p.run || '-task-' || t)::uuid::text as id,
                       p.owners[1 + t % cardinality(p.owners)] as owner,
                       least(p.win, p.tasks - (t / p.win) * p.win) as w,
                       p.words[1 + t % cardinality(p.words)] || ' ' || p.words[1 + (t / 7) % cardinality(p.words)] as title,
                       case when t % 4 = 0 then null
                            else to_char((p.t0 + make_interval(days => 400 + t % 90, hours => 16)) at time zone 'UTC',
                                         'YYYY-MM-DD"T"HH24:MI:SS"Z"') end as due,
                       case t % 3 when 0 then '[]'
                                  when 1 then '["' || p.tags[1 + t % 5] || '"]'
                                  else '["' || p.tags[1 + t % 5] || '","' || p.tags[6 + t % 15] || '"]' end as tag_json
                from p, generate_series(0, p.tasks - 1) as t
            ),
            ev as (
                select task.*, k, t % 10 as m,
                       p.base + 1 + (t / p.win)::bigint * p.win * 5 + k * task.w + t % p.win as gi
                from task, p, generate_series(0, 4) as k
            ),
            timed as (
                select ev.*, p.t0 + (ev.gi - p.base) * interval '30 seconds' + (ev.gi % 1000) * interval '1 millisecond' as ts,
                       '"taskId":"' || ev.id || '","ownerId":"' || ev.owner || '"' as head
                from ev, p
            ),
            typed as (
                select timed.*, case
                    when k = 0 then 'io.tasklog.api.task.TaskCreatedEvent'
                    when k = 3 and m < 6 then 'io.tasklog.api.task.TaskCompletedEvent'
                    when k = 4 and m = 0 then 'io.tasklog.api.task.TaskDeletedEvent'
                    when k = 4 and m in (1, 2) then 'io.tasklog.api.task.TaskReopenedEvent'
                    else 'io.tasklog.api.task.TaskUpdatedEvent' end as payload_type
                from timed
            )
            select gi, 'TaskAggregate', id, k, md5(p.run || '-event-' || gi)::uuid::text,
                   to_char(ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), payload_type, null,
                   convert_to('{' || head || case
                       when k = 0 then ',"details":{"title":"' || title || '","description":'
                           || case when t % 2 = 0 then '""' else '"Seeded task ' || t || ', see the notes"' end
                           || ',"priority":"' || p.priorities[1 + t % 5] || '","tags":' || tag_json
                           || ',"dueAt":' || coalesce('"' || due || '"', 'null')
                           || ',"timeZone":' || case when due is null then '"UTC"' else '"Europe/Berlin"' end
                           || ',"remindBeforeMinutes":' || case when due is null then 60 else (t % 3) * 15 end
                           || ',"recurrence":null},"series":null}'
                       when payload_type = 'io.tasklog.api.task.TaskCompletedEvent' then
                           ',"completedAt":"' || to_char(ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '"}'
                       when payload_type in ('io.tasklog.api.task.TaskDeletedEvent', 'io.tasklog.api.task.TaskReopenedEvent')
                           then '}'
                       else ',"changedFields":' || case k when 1 then '["title"]' when 2 then '["priority","tags"]'
                                                           when 3 then '["description"]' else '["title","priority"]' end
                           || ',"values":{"title":' || case when k in (1, 4) then '"' || title || ' (v' || k || ')"' else 'null' end
                           || ',"description":' || case when k = 3 then '"Notes of step ' || k || '"' else 'null' end
                           || ',"priority":' || case when k in (2, 4) then '"' || p.priorities[1 + (t + k) % 5] || '"' else 'null' end
                           || ',"tags":' || case when k = 2 then '["' || p.tags[1 + (t + k) % 20] || '"]' else 'null' end
                           || ',"dueAt":null,"timeZone":null,"remindBeforeMinutes":null,"recurrence":null}}'
                       end, 'UTF8'),
                   convert_to('{"userId":"' || owner || '"}', 'UTF8')
            from typed, p
            """;
}
