package io.tasklog.projections.rebuild;

import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * A read model that can be rebuilt from the event store into shadow copies of its tables while the live
 * tables keep serving (see the rebuild tool in the app). A projection added later implements this too.
 *
 * <p>A rebuild folds events only into the shadow tables it is given: it announces nothing on the stream,
 * raises no notification, fires no reminder and spawns no occurrence.
 */
public interface RebuildableProjection {

    /** The processing group whose read model this rebuilds, e.g. {@code task-view}. */
    String processingGroup();

    /** The tables this projection owns, each with the column that names the task a row belongs to. */
    Map<String, String> tablesByTaskColumn();

    /**
     * Folds a chunk of stored events, in store order, into the shadow tables ({@code tables.of("task_view")}
     * names the copy of {@code task_view}). Called in one transaction per chunk; must be idempotent, since
     * a chunk interrupted before its commit is folded again on resume.
     */
    void fold(List<? extends DomainEventMessage<?>> events, ShadowTables tables);

    /**
     * One rebuild's folding, chunk after chunk on one thread. A session may remember what it wrote (it is dropped
     * when the rebuild ends, fails or is interrupted; a resume opens a new one), so it need not read its own rows
     * back. By default each chunk is simply {@link #fold folded}.
     */
    default Session open(ShadowTables tables) {
        return events -> fold(events, tables);
    }

    /** Folds the chunks of one rebuild, in store order. */
    @FunctionalInterface
    interface Session {
        void fold(List<? extends DomainEventMessage<?>> events);
    }

    /** Names the shadow copy of each live table. */
    @FunctionalInterface
    interface ShadowTables {
        String of(String liveTable);
    }
}
