package io.tasklog.admin;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Failures end as one {@code error:} line (plus a {@code hint:} when there is one) and exit code 1, never a stack trace. */
final class ErrorReporter implements IExecutionExceptionHandler {

    static final int FAILED = 1;

    private final Io io;

    ErrorReporter(Io io) {
        this.io = io;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        if (exception instanceof ApiException api) {
            io.err().println("error: " + api.getMessage());
            if (api.hint() != null) {
                io.err().println("hint: " + api.hint());
            }
        } else {
            io.err().println("error: " + exception);
        }
        return FAILED;
    }
}
