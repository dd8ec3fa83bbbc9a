package io.tasklog.api.task;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The keys that identify a reminder: the aggregate remembers the keys it has fired (so none fires twice)
 * and notifications are unique by key. The format is stored in events forever, so it is named here only.
 *
 * <ul>
 *   <li>upcoming: {@code <taskId>:upcoming:<dueAt>:<remindBeforeMinutes>} — a reminder belongs to a due date
 *       and a lead time; changing either makes a new reminder. ({@link TaskReminderDueEvent}s stored
 *       before revision 2 have keys without the lead time, see {@link #dueAtOfLeadlessUpcoming}.)</li>
 *   <li>overdue: {@code <taskId>:overdue:<dueAt>}</li>
 *   <li>snoozed: {@code <taskId>:snoozed:<until>}</li>
 * </ul>
 * Instants are written as {@link Instant#toString()}.
 */
public final class ReminderKeys {

    private static final String UPCOMING = ":upcoming:";

    private ReminderKeys() {
    }

    public static String upcoming(String taskId, Instant dueAt, int remindBeforeMinutes) {
        return taskId + UPCOMING + dueAt + ":" + remindBeforeMinutes;
    }

    public static String overdue(String taskId, Instant dueAt) {
        return taskId + ":overdue:" + dueAt;
    }

    public static String snoozed(String taskId, Instant until) {
        return taskId + ":snoozed:" + until;
    }

    /**
     * The due date of an "upcoming" key in the format without lead time ({@code <taskId>:upcoming:<dueAt>}),
     * or empty for any other key (a current upcoming key, a snooze key, another task's key).
     */
    public static Optional<Instant> dueAtOfLeadlessUpcoming(String taskId, String key) {
        String prefix = taskId + UPCOMING;
        if (key == null || !key.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(key.substring(prefix.length())));
        } catch (DateTimeParseException notJustADueDate) {
            return Optional.empty();
        }
    }
}
