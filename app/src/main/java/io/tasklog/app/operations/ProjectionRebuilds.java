package io.tasklog.app.operations;

import io.tasklog.projections.rebuild.RebuildableProjection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a projection's read model from the event store while the live one keeps serving: the events are
 * folded into shadow copies of its tables, chunk by chunk (each chunk one transaction, its position stored,
 * so a rebuild can be interrupted and resumed), then the copies replace the live tables in one short
 * transaction that first folds whatever was stored meanwhile. The live processor goes on from its own
 * position afterwards; events it sees again are older than the rebuilt rows and change nothing.
 *
 * <p>The source is the event store, not topic {@code task-events}: the store is the record kept forever and
 * the only source that also works when the topic is lost (the disaster-recovery case), and reading it
 * needs no consumer group, offsets or partitions to coordinate with the live processors.
 *
 * <p>{@code from = start} rebuilds every task; {@code from = <instant>} re-folds (from their first event)
 * only the tasks that changed since then, and keeps every other row as the live table has it at the swap.
 */
public class ProjectionRebuilds implements AutoCloseable {

    static final String FROM_START = "start";
    static final String FROM_RESUME = "resume";

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    private final Map<String, RebuildableProjection> projections;
    private final StoredEventChunks events;
    private final ShadowTables shadows;
    private final RebuildState state;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final int chunkSize;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> daemon(r, "projection-rebuild"));
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> daemon(r, "projection-rebuild-reader"));

    ProjectionRebuilds(List<RebuildableProjection> projections, StoredEventChunks events, ShadowTables shadows,
                       RebuildState state, JdbcClient jdbc, TransactionTemplate transactions, int chunkSize) {
        this.projections = projections.stream()
                .collect(Collectors.toMap(RebuildableProjection::processingGroup, Function.identity()));
        this.events = events;
        this.shadows = shadows;
        this.state = state;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.chunkSize = chunkSize;
    }

    public boolean supports(String group) {
        return projections.containsKey(group);
    }

    /**
     * Starts (or, with {@code from = resume}, continues) a rebuild in the background.
     *
     * @throws IllegalArgumentException for a processor that cannot be rebuilt or an unreadable {@code from}
     * @throws RebuildConflictException when one is already running, or there is nothing to resume
     */
    public ReplayProgress start(String group, String from, boolean dryRun) {
        RebuildableProjection projection = projection(group);
        if (FROM_RESUME.equals(from)) {
            if (dryRun || !shadowsExist(projection) || !state.claimForResume(group)) {
                throw new RebuildConflictException("There is no interrupted rebuild of '" + group + "' to resume");
            }
        } else {
            Instant since = FROM_START.equals(from) ? null : parseInstant(from);
            begin(projection, from, dryRun, since);
        }
        runner.submit(() -> run(projection));
        return progress(group).orElseThrow();
    }

    /** Stops a running rebuild after its current chunk; its position is kept for a resume. */
    public void interrupt(String group) {
        projection(group);
        if (!state.interrupt(group)) {
            throw new RebuildConflictException("No rebuild of '" + group + "' is running");
        }
    }

    public Optional<ReplayProgress> progress(String group) {
        return state.find(group).map(ProjectionRebuilds::progressOf);
    }

    private void begin(RebuildableProjection projection, String from, boolean dryRun, Instant since) {
        String group = projection.processingGroup();
        long head = events.headIndex();
        if (!state.claim(group, from, dryRun, since, head, 0)) {
            throw new RebuildConflictException("A rebuild of '" + group + "' is already running");
        }
        transactions.executeWithoutResult(tx -> {
            if (!dryRun) {
                projection.tablesByTaskColumn().keySet().forEach(shadows::create);
            }
            jdbc.sql("delete from projection_rebuild_task where processing_group = ?").param(group).update();
            if (since != null) {
                jdbc.sql("""
                                insert into projection_rebuild_task (processing_group, task_id)
                                select distinct ?, aggregate_identifier from domain_event_entry
                                where cast(time_stamp as timestamptz) >= ? and global_index <= ?""")
                        .param(group).param(java.sql.Timestamp.from(since)).param(head).update();
            }
            jdbc.sql("update projection_rebuild set total = ? where processing_group = ?")
                    .param(events.count(group, since != null, head)).param(group).update();
        });
    }

    private void run(RebuildableProjection projection) {
        String group = projection.processingGroup();
        try {
            RebuildState.Row row = state.find(group).orElseThrow();
            RebuildTimings timings = new RebuildTimings();
            RebuildableProjection.Session session = row.dryRun() ? null : projection.open(ShadowTables::shadowOf);
            if (foldUpTo(session, row, row.headIndex(), timings) && (row.dryRun() || swap(projection, session, timings))) {
                state.finish(group, ReplayProgress.COMPLETED, row.dryRun() ? "dry run: events read, nothing folded" : null);
                log.info("Rebuilt projection {}{}: {}", group, row.dryRun() ? " (dry run)" : "", timings);
            }
        } catch (RuntimeException e) {
            log.error("Rebuild of projection {} failed", group, e);
            state.finish(group, ReplayProgress.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * Folds chunk after chunk up to {@code upTo} (with {@code session}; none: a dry run, read only); false when the
     * rebuild was interrupted meanwhile. The next chunk is read and deserialised on a second thread while this one
     * folds and writes the current one (reading needs no transaction: the events below the head never change).
     */
    private boolean foldUpTo(RebuildableProjection.Session session, RebuildState.Row row, long upTo, RebuildTimings timings) {
        String group = row.group();
        Future<StoredEventChunks.Chunk> next = readAhead(group, row.isPartial(), row.lastIndex(), upTo);
        try {
            while (true) {
                long waitStart = System.nanoTime();
                StoredEventChunks.Chunk chunk = await(next);
                timings.waited(System.nanoTime() - waitStart);
                timings.read(chunk);
                if (chunk.rows() == 0) {
                    return true;
                }
                next = readAhead(group, row.isPartial(), chunk.lastIndex(), upTo);
                long start = System.nanoTime();
                Boolean running = transactions.execute(tx -> {
                    // a chunk and its position commit together: a crash may lose the last few, the resume redoes them
                    jdbc.sql("set local synchronous_commit = off").update();
                    // The shadow tables grow from empty without statistics, and a plan made while they were small
                    // (a sequential scan, kept as the generic plan of a prepared statement) turns each lookup by
                    // task id into a scan of the whole table: five times slower at 200,000 rows. Use the indexes.
                    jdbc.sql("set local enable_seqscan = off").update();
                    return foldChunk(session, group, chunk, timings);
                });
                timings.chunk(System.nanoTime() - start);
                if (!Boolean.TRUE.equals(running)) {
                    return false;
                }
            }
        } finally {
            next.cancel(true);
        }
    }

    private Future<StoredEventChunks.Chunk> readAhead(String group, boolean partial, long after, long upTo) {
        return reader.submit(() -> events.next(group, partial, after, upTo, chunkSize));
    }

    private static StoredEventChunks.Chunk await(Future<StoredEventChunks.Chunk> chunk) {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading events", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    /**
     * One chunk (not empty) in the caller's transaction, folded by {@code session} (none: a dry run, read only);
     * false when the rebuild is no longer running.
     */
    private boolean foldChunk(RebuildableProjection.Session session, String group, StoredEventChunks.Chunk chunk,
                              RebuildTimings timings) {
        long start = System.nanoTime();
        if (session != null) {
            session.fold(chunk.events());
        }
        long folded = System.nanoTime();
        boolean running = state.advance(group, chunk.lastIndex(), chunk.rows());
        timings.fold(folded - start, System.nanoTime() - folded);
        return running;
    }

    /**
     * The short stop-the-world moment: with the live tables locked (readers wait, for about as long as the
     * last events take to fold), fold what was stored since, keep the untouched rows of a partial rebuild,
     * and put the copies in place.
     */
    private boolean swap(RebuildableProjection projection, RebuildableProjection.Session session, RebuildTimings timings) {
        long start = System.nanoTime();
        Map<String, String> tables = projection.tablesByTaskColumn();
        tables.keySet().forEach(shadows::addSecondaryIndexes);
        long indexed = System.nanoTime();
        Boolean swapped = transactions.execute(tx -> {
            tables.keySet().stream().sorted().forEach(shadows::lockLive);
            RebuildState.Row row = state.find(projection.processingGroup()).orElseThrow();
            if (!ReplayProgress.RUNNING.equals(row.state())) {
                return false;
            }
            if (!catchUp(session, row, timings)) {
                return false;
            }
            if (row.isPartial()) {
                tables.forEach((table, taskColumn) -> keepUntouchedRows(projection.processingGroup(), table, taskColumn));
            }
            tables.keySet().forEach(shadows::replaceLive);
            return true;
        });
        timings.swap(indexed - start, System.nanoTime() - indexed);
        return Boolean.TRUE.equals(swapped);
    }

    private boolean catchUp(RebuildableProjection.Session session, RebuildState.Row row, RebuildTimings timings) {
        long position = row.lastIndex();
        while (true) {
            StoredEventChunks.Chunk chunk = events.next(row.group(), row.isPartial(), position, Long.MAX_VALUE, chunkSize);
            timings.read(chunk);
            if (chunk.rows() == 0) {
                return true;
            }
            if (!foldChunk(session, row.group(), chunk, timings)) {
                return false;
            }
            position = chunk.lastIndex();
        }
    }

    private void keepUntouchedRows(String group, String table, String taskColumn) {
        jdbc.sql("insert into " + ShadowTables.shadowOf(table) + " select * from " + table + " l where not exists"
                        + " (select 1 from projection_rebuild_task t where t.processing_group = ? and t.task_id = l."
                        + taskColumn + ")")
                .param(group).update();
    }

    private boolean shadowsExist(RebuildableProjection projection) {
        return projection.tablesByTaskColumn().keySet().stream().allMatch(shadows::exists);
    }

    private RebuildableProjection projection(String group) {
        RebuildableProjection projection = projections.get(group);
        if (projection == null) {
            throw new IllegalArgumentException("'" + group + "' is not a projection that can be rebuilt; one of: "
                    + String.join(", ", projections.keySet().stream().sorted().toList()));
        }
        return projection;
    }

    private static Instant parseInstant(String from) {
        try {
            return Instant.parse(from);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'from' must be \"start\", \"resume\" or an ISO-8601 instant such as"
                    + " 2026-01-31T09:00:00Z, not '" + from + "'");
        }
    }

    private static ReplayProgress progressOf(RebuildState.Row row) {
        Instant end = row.finishedAt() != null ? row.finishedAt() : row.heartbeatAt();
        double seconds = Math.max(0.001, Duration.between(row.startedAt(), end).toMillis() / 1000.0);
        double rate = row.folded() / seconds;
        long left = Math.max(0, row.total() - row.folded());
        Duration eta = rate > 0 ? Duration.ofMillis((long) (left / rate * 1000)) : null;
        return new ReplayProgress(row.effectiveState(), row.from(), row.dryRun(), row.folded(), row.total(),
                Math.round(rate * 10) / 10.0, ReplayProgress.RUNNING.equals(row.effectiveState()) ? eta : Duration.ZERO,
                row.startedAt(), row.finishedAt(), row.message());
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        runner.shutdownNow();
        reader.shutdownNow();
    }

    /** A rebuild cannot start, resume or stop in the state it is in (409). */
    public static class RebuildConflictException extends ErrorResponseException {
        RebuildConflictException(String message) {
            super(HttpStatus.CONFLICT);
            setTitle("Rebuild not possible now");
            setDetail(message);
        }

        @Override
        public String getMessage() {
            return getBody().getDetail();
        }
    }
}
