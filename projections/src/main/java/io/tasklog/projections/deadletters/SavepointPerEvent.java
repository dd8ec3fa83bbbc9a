package io.tasklog.projections.deadletters;

import io.tasklog.projections.config.Projections;
import java.sql.Connection;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs each projection event handler in a savepoint (a nested transaction). When a handler fails on an SQL
 * error, PostgreSQL aborts the whole transaction; without the savepoint the dead-letter queue could not even
 * park the event in it, and the batch would be retried forever. Rolled back to the savepoint, the failed
 * event's writes are undone, the event is parked, and the rest of the batch commits.
 */
public class SavepointPerEvent implements HandlerEnhancerDefinition {

    private final DataSource dataSource;

    public SavepointPerEvent(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        return isProjectionEventHandler(original) ? new InSavepoint<>(original) : original;
    }

    private static boolean isProjectionEventHandler(MessageHandlingMember<?> handler) {
        ProcessingGroup group = handler.declaringClass().getAnnotation(ProcessingGroup.class);
        return group != null && Projections.isProjection(group.value())
                && handler.canHandleMessageType(EventMessage.class);
    }

    /**
     * The JDBC connection of the processor's transaction, when there is one. (JPA's transaction manager
     * offers no savepoints through Hibernate, so they are set on the shared connection directly; the
     * projections write through JDBC only, so Hibernate holds nothing a rollback to a savepoint could undo.)
     */
    private Connection transactionalConnection() {
        if (!(TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder)) {
            return null;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        return DataSourceUtils.isConnectionTransactional(connection, dataSource) ? connection : null;
    }

    private final class InSavepoint<T> extends WrappedMessageHandlingMember<T> {

        private InSavepoint(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            Connection connection = transactionalConnection();
            if (connection == null) {
                return super.handle(message, target);
            }
            Savepoint savepoint = connection.setSavepoint();
            try {
                Object result = super.handle(message, target);
                connection.releaseSavepoint(savepoint);
                return result;
            } catch (Exception | Error e) {
                connection.rollback(savepoint);
                throw e;
            }
        }
    }
}
