package io.tasklog.query.task;

/** The caller has no (live) task with that id in the read model. */
class TaskViewNotFoundException extends RuntimeException {
}
