package io.tasklog.projections.config;

import io.tasklog.projections.notifications.NotificationProjection;
import io.tasklog.projections.recentevents.McpContextProjection;
import io.tasklog.projections.taskview.TaskViewProjection;
import java.util.List;

/** The read-model processors (processing groups) of this module: one place that names them all. */
public final class Projections {

    /** Every projection fed from {@code task-events}; a projection added later is added here. */
    public static final List<String> GROUPS = List.of(TaskViewProjection.PROCESSING_GROUP,
            NotificationProjection.PROCESSING_GROUP, McpContextProjection.PROCESSING_GROUP);

    private Projections() {
    }

    public static boolean isProjection(String processingGroup) {
        return GROUPS.contains(processingGroup);
    }
}
