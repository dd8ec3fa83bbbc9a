package io.tasklog.admin;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code replay-cancel}: DELETE /api/admin/processors/{name}/replay — interrupts the replay; the server keeps its position. */
@Command(name = "replay-cancel", mixinStandardHelpOptions = true,
        description = "Interrupt a running replay. The server keeps its position: 'replay PROCESSOR --resume' continues it.")
final class ReplayCancelCommand extends AdminCommand {

    @Mixin
    ProcessorArgument processor;

    @Override
    public Integer call() {
        JsonNode answer = api().delete(Replays.replayPath(processor.name));
        JsonNode position = answer.path("replay").path("position");
        out().println("Replay of " + processor.name + " interrupted" + (position.isNumber() ? " at position " + position.asLong() : "") + ".");
        out().println("  " + Replays.resumeHint(processor.name));
        return OK;
    }
}
