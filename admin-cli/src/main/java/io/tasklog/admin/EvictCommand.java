package io.tasklog.admin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code evict}: DELETE /api/admin/dead-letters/{id} — drop a dead letter for good (its event stays in the store). */
@Command(name = "evict", mixinStandardHelpOptions = true,
        description = "Remove a dead letter without retrying it; later events of the same task stop waiting behind it.")
final class EvictCommand extends AdminCommand {

    @Parameters(paramLabel = "ID", description = "the dead letter's id (see dead-letters)")
    String id;

    @Override
    public Integer call() {
        api().delete("/api/admin/dead-letters/" + AdminApi.segment(id));
        out().println("Evicted dead letter " + id + ".");
        return OK;
    }
}
