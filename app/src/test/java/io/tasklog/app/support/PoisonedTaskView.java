package io.tasklog.app.support;

import io.tasklog.api.task.TaskCreatedEvent;
import io.tasklog.projections.taskview.TaskViewProjection;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A fault the dead-letter tests switch on: in the task-view processor, before the real projection, the
 * creation of a task whose title holds {@link #SQL_POISON} fails on an SQL error (which aborts PostgreSQL's
 * transaction) and one holding {@link #JAVA_POISON} on an exception. Inactive unless a test arms it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ProcessingGroup(TaskViewProjection.PROCESSING_GROUP)
public class PoisonedTaskView {

    public static final String SQL_POISON = "[sql-poison]";
    public static final String JAVA_POISON = "[java-poison]";
    public static final AtomicBoolean ARMED = new AtomicBoolean();

    private final JdbcClient jdbc;

    public PoisonedTaskView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TaskCreatedEvent event) {
        if (!ARMED.get()) {
            return;
        }
        if (event.details().title().contains(SQL_POISON)) {
            jdbc.sql("select 1 / 0").query(Integer.class).single();
        }
        if (event.details().title().contains(JAVA_POISON)) {
            throw new IllegalStateException("poisoned task " + event.taskId());
        }
    }
}
