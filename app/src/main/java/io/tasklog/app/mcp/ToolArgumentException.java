package io.tasklog.app.mcp;

import org.springframework.http.ProblemDetail;

/** A tool argument that cannot be used, with the problem the equivalent HTTP request would have got. */
class ToolArgumentException extends RuntimeException {

    private final transient ProblemDetail problem;

    ToolArgumentException(ProblemDetail problem) {
        super(problem.getDetail());
        this.problem = problem;
    }

    ProblemDetail problem() {
        return problem;
    }
}
