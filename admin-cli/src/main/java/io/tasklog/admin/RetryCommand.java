package io.tasklog.admin;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code retry}: hand one dead letter, or all of them, back to its processor. */
@Command(name = "retry", mixinStandardHelpOptions = true,
        description = "Retry a dead letter (ID), or all of them (--all, optionally of one --processor).")
final class RetryCommand extends AdminCommand {

    @Parameters(paramLabel = "ID", arity = "0..1", description = "the dead letter's id (see dead-letters)")
    String id;

    @Option(names = "--all", description = "retry every dead letter")
    boolean all;

    @Option(names = "--processor", paramLabel = "PROCESSOR", description = "with --all: only this processor's")
    String processor;

    @Override
    public Integer call() {
        // checked here rather than with picocli groups, for one clear message per mistake
        if (all == (id != null)) {
            throw new ParameterException(spec.commandLine(), "Give either a dead letter ID or --all");
        }
        if (processor != null && !all) {
            throw new ParameterException(spec.commandLine(), "--processor goes with --all only");
        }
        if (!all) {
            api().post("/api/admin/dead-letters/" + AdminApi.segment(id) + "/retry");
            out().println("Retried dead letter " + id + ".");
            return OK;
        }
        JsonNode answer = api().post("/api/admin/dead-letters/retry-all" + AdminApi.query("processor", processor));
        JsonNode retried = answer.path("retried");
        out().println("Retried " + (retried.isNumber() ? retried.asLong() + " " : "all ") + "dead letters"
                + (processor == null ? "." : " of " + processor + "."));
        return OK;
    }
}
