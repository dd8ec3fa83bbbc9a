package io.tasklog.api.task;

/** Links an occurrence of a recurring task to its series and to the occurrence it was created from. */
public record SeriesLink(String seriesId, String previousOccurrenceId, int occurrenceNumber) {
}
