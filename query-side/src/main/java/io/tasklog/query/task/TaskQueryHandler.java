package io.tasklog.query.task;

import io.tasklog.api.query.FindTaskQuery;
import io.tasklog.api.query.FindTasksQuery;
import io.tasklog.api.query.TaskPage;
import io.tasklog.api.task.TaskView;
import io.tasklog.projections.taskview.TaskViewQueries;
import io.tasklog.projections.taskview.TaskViewRepository;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers task queries from the {@code task_view} read model, for the asking user only. */
@Component
public class TaskQueryHandler {

    private final TaskViewQueries queries;
    private final TaskViewRepository views;

    public TaskQueryHandler(TaskViewQueries queries, TaskViewRepository views) {
        this.queries = queries;
        this.views = views;
    }

    @QueryHandler
    public TaskPage handle(FindTasksQuery query) {
        return queries.find(query);
    }

    @QueryHandler
    public Optional<TaskView> handle(FindTaskQuery query) {
        return views.findOwned(query.taskId(), query.userId());
    }
}
