package io.tasklog.app.operations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code projection_rebuild} rows: what each rebuild is at, shared by all instances. A rebuild whose
 * heartbeat stopped (its instance died) counts as interrupted and can be resumed or started anew.
 */
final class RebuildState {

    static final Duration STALE_AFTER = Duration.ofSeconds(30);

    private final JdbcClient jdbc;

    RebuildState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the group for a new rebuild; false when another one is running (and alive). */
    boolean claim(String group, String from, boolean dryRun, Instant since, long headIndex, long total) {
        return jdbc.sql("""
                        insert into projection_rebuild (processing_group, state, from_spec, dry_run, since, last_index,
                                                        head_index, folded, total, started_at, heartbeat_at)
                        values (:group, 'running', :from, :dryRun, :since, -1, :head, 0, :total, now(), now())
                        on conflict (processing_group) do update set state = 'running', from_spec = :from,
                            dry_run = :dryRun, since = :since, last_index = -1, head_index = :head, folded = 0,
                            total = :total,
                            started_at = now(), heartbeat_at = now(), finished_at = null, message = null
                        where projection_rebuild.state <> 'running' or projection_rebuild.heartbeat_at < :stale""")
                .param("group", group).param("from", from).param("dryRun", dryRun)
                .param("since", since == null ? null : Timestamp.from(since))
                .param("head", headIndex).param("total", total).param("stale", staleBefore())
                .update() == 1;
    }

    /** Claims an interrupted or failed rebuild to continue it where it stopped. */
    boolean claimForResume(String group) {
        return jdbc.sql("""
                        update projection_rebuild set state = 'running', heartbeat_at = now(), finished_at = null,
                            message = null
                        where processing_group = :group and state <> 'completed' and not dry_run
                          and (state <> 'running' or heartbeat_at < :stale)""")
                .param("group", group).param("stale", staleBefore()).update() == 1;
    }

    /** Records a folded chunk; false when the rebuild is no longer this run's (cancelled meanwhile). */
    boolean advance(String group, long lastIndex, long folded) {
        return jdbc.sql("""
                        update projection_rebuild set last_index = :last, folded = folded + :folded, heartbeat_at = now()
                        where processing_group = :group and state = 'running'""")
                .param("group", group).param("last", lastIndex).param("folded", folded).update() == 1;
    }

    void finish(String group, String state, String message) {
        jdbc.sql("""
                        update projection_rebuild set state = :state, message = :message, finished_at = now(),
                            heartbeat_at = now()
                        where processing_group = :group""")
                .param("group", group).param("state", state).param("message", message).update();
    }

    /** Asks a running rebuild to stop after its current chunk (one whose instance died reads as stopped already). */
    boolean interrupt(String group) {
        return jdbc.sql("update projection_rebuild set state = 'interrupted', finished_at = now(), message = :m"
                        + " where processing_group = :group and state = 'running' and heartbeat_at >= :stale")
                .param("group", group).param("m", "interrupted by an operator; resume with from=resume")
                .param("stale", staleBefore()).update() == 1;
    }

    Optional<Row> find(String group) {
        return jdbc.sql("select * from projection_rebuild where processing_group = ?").param(group)
                .query(RebuildState::row).optional();
    }

    private static Timestamp staleBefore() {
        return Timestamp.from(Instant.now().minus(STALE_AFTER));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp since = rs.getTimestamp("since");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Row(rs.getString("processing_group"), rs.getString("state"), rs.getString("from_spec"),
                rs.getBoolean("dry_run"), since == null ? null : since.toInstant(), rs.getLong("last_index"), rs.getLong("head_index"),
                rs.getLong("folded"), rs.getLong("total"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("heartbeat_at").toInstant(), finished == null ? null : finished.toInstant(),
                rs.getString("message"));
    }

    record Row(String group, String state, String from, boolean dryRun, Instant since, long lastIndex, long headIndex, long folded,
               long total, Instant startedAt, Instant heartbeatAt, Instant finishedAt, String message) {

        boolean isPartial() {
            return since != null;
        }

        /** Running, but its instance stopped beating: it was interrupted. */
        String effectiveState() {
            return ReplayProgress.RUNNING.equals(state) && heartbeatAt.isBefore(Instant.now().minus(STALE_AFTER))
                    ? ReplayProgress.INTERRUPTED : state;
        }
    }
}
