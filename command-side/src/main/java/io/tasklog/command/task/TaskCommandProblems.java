package io.tasklog.command.task;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the aggregate's refusals into RFC 7807 problems. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TaskCommandProblems {

    @ExceptionHandler(TaskRuleViolationException.class)
    ProblemDetail ruleViolated(TaskRuleViolationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid task");
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler({TaskNotFoundException.class, AggregateNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such task");
        problem.setTitle("Task not found");
        return problem;
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail staleVersion(ConflictingAggregateVersionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                "The task changed since version " + e.getExpectedVersion() + "; it is now at version "
                        + e.getActualVersion() + ". Reload it and try again.");
        problem.setTitle("Task changed elsewhere");
        problem.setProperty("currentVersion", e.getActualVersion());
        return problem;
    }
}
