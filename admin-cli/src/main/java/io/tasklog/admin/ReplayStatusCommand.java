package io.tasklog.admin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code replay-status}: attach to a replay already running on the server (after Ctrl-C, --detach, or from another shell). */
@Command(name = "replay-status", mixinStandardHelpOptions = true,
        description = "Watch a running replay again: progress bar until it ends, then the summary.")
final class ReplayStatusCommand extends AdminCommand {

    @Mixin
    ProcessorArgument processor;

    @Override
    public Integer call() {
        ReplayWatcher watcher = new ReplayWatcher(api(), io(), processor.name);
        ReplayProgress now = watcher.poll();
        if (now.finished()) {
            out().println(processor.name + " is not replaying (status " + (now.status() == null ? "unknown" : now.status()) + ")"
                    + (now.state() == null ? "." : "; its last replay " + now.state() + " at position " + now.position() + "."));
            return OK;
        }
        return watcher.watch(now, null);
    }
}
