package io.tasklog.projections.notifications;

import io.tasklog.api.notification.NotificationType;
import io.tasklog.api.notification.NotificationView;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification} and {@code notification_read} tables. */
@Repository
public class NotificationRepository {

    private static final String SELECT = """
            select n.id, n.task_id, n.type, n.title, n.body, n.created_at, r.read_at
            from notification n left join notification_read r on r.notification_id = n.id
            """;

    public static final String TABLE = "notification";

    private final JdbcClient jdbc;

    public NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the notification unless its reminder key is known; returns the id when it was new. */
    Optional<String> insert(NewNotification n) {
        return insert(TABLE, n);
    }

    /**
     * Stores the notification in {@code table} (the live one or a rebuild's shadow copy). The id derives from
     * the reminder key, so a rebuilt notification keeps its id and with it the owner's read mark.
     */
    Optional<String> insert(String table, NewNotification n) {
        String id = UUID.nameUUIDFromBytes(n.reminderKey().getBytes(StandardCharsets.UTF_8)).toString();
        int inserted = jdbc.sql("""
                        insert into %s (id, user_id, task_id, type, title, body, created_at, reminder_key)
                        values (:id, :user, :task, :type, :title, :body, :createdAt, :key)
                        on conflict (reminder_key) do nothing""".formatted(table))
                .param("id", id).param("user", n.userId()).param("task", n.taskId())
                .param("type", n.type().name().toLowerCase(Locale.ROOT)).param("title", n.title())
                .param("body", n.body()).param("createdAt", Timestamp.from(n.createdAt())).param("key", n.reminderKey())
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    public Optional<NotificationView> find(String userId, String id) {
        return jdbc.sql(SELECT + " where n.id = :id and n.user_id = :user")
                .param("id", id).param("user", userId).query(NotificationRepository::view).optional();
    }

    /** The user's notifications, newest first, after the (createdAt, id) position when given. */
    public List<NotificationView> page(String userId, boolean unreadOnly, Instant afterCreated, String afterId, int limit) {
        String sql = SELECT + " where n.user_id = :user"
                + (unreadOnly ? " and r.read_at is null" : "")
                + (afterId != null ? " and (n.created_at, n.id) < (:afterCreated, :afterId)" : "")
                + " order by n.created_at desc, n.id desc limit :limit";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("user", userId).param("limit", limit);
        if (afterId != null) {
            statement = statement.param("afterCreated", Timestamp.from(afterCreated)).param("afterId", afterId);
        }
        return statement.query(NotificationRepository::view).list();
    }

    public long unreadCount(String userId) {
        return jdbc.sql("""
                        select count(*) from notification n
                        where n.user_id = :user
                          and not exists (select 1 from notification_read r where r.notification_id = n.id)""")
                .param("user", userId).query(Long.class).single();
    }

    /** Marks one of the user's notifications read (idempotent); false when the user has no such notification. */
    public boolean markRead(String userId, String id, Instant at) {
        return jdbc.sql("""
                        insert into notification_read (notification_id, user_id, read_at)
                        select n.id, n.user_id, :at from notification n where n.id = :id and n.user_id = :user
                        on conflict (notification_id) do nothing""")
                .param("id", id).param("user", userId).param("at", Timestamp.from(at)).update() == 1
                || find(userId, id).isPresent();
    }

    /** Marks all of the user's notifications read; returns how many were unread. */
    public int markAllRead(String userId, Instant at) {
        return jdbc.sql("""
                        insert into notification_read (notification_id, user_id, read_at)
                        select n.id, n.user_id, :at from notification n where n.user_id = :user
                        on conflict (notification_id) do nothing""")
                .param("user", userId).param("at", Timestamp.from(at)).update();
    }

    private static NotificationView view(ResultSet rs, int row) throws SQLException {
        Timestamp readAt = rs.getTimestamp("read_at");
        return new NotificationView(rs.getString("id"), rs.getString("task_id"),
                NotificationType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)), rs.getString("title"),
                rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
                readAt == null ? null : readAt.toInstant());
    }
}
