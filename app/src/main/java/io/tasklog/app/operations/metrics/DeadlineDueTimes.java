package io.tasklog.app.operations.metrics;

import com.github.kagkarlsson.scheduler.event.ExecutionChain;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import java.util.Optional;

/**
 * Knows, while db-scheduler runs a deadline, when that deadline was due. Neither the deadline's Axon
 * message (stamped when it is handled) nor the reminder event can tell: an "upcoming" reminder whose
 * lead time had already begun when it was scheduled is due at once, not at due date − lead time, and
 * measuring against the latter would count it minutes late. The deadline runs on this thread, so the
 * reminder events it applies are published here too.
 */
final class DeadlineDueTimes implements ExecutionInterceptor {

    private final ThreadLocal<Instant> dueOfRunningExecution = new ThreadLocal<>();

    @Override
    public CompletionHandler<?> execute(TaskInstance<?> taskInstance, ExecutionContext context, ExecutionChain chain) {
        dueOfRunningExecution.set(context.getExecution().getExecutionTime());
        try {
            return chain.proceed(taskInstance, context);
        } finally {
            dueOfRunningExecution.remove();
        }
    }

    /** When the deadline running on this thread was due; empty outside a deadline. */
    Optional<Instant> ofRunningDeadline() {
        return Optional.ofNullable(dueOfRunningExecution.get());
    }
}
