package io.tasklog.api.task;

/** Every task event names its task and its owner, so that any consumer can route and authorise it. */
public interface TaskEvent {

    String taskId();

    String ownerId();
}
