package io.tasklog.admin;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every command shares: the logged-in API, the output stream, and exit code 0 when all went well. */
abstract class AdminCommand implements Callable<Integer> {

    static final int OK = 0;

    @ParentCommand
    TasklogAdmin admin;

    @Spec
    CommandSpec spec;

    AdminApi api() {
        return admin.api(spec);
    }

    Io io() {
        return admin.io();
    }

    PrintStream out() {
        return io().out();
    }
}
