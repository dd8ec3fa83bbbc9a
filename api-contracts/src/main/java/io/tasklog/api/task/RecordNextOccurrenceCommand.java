package io.tasklog.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records on a recurring task that its next occurrence exists (sent by the recurrence saga). */
public record RecordNextOccurrenceCommand(@TargetAggregateIdentifier String taskId, String nextTaskId,
                                          java.time.Instant nextDueAt) {
}
