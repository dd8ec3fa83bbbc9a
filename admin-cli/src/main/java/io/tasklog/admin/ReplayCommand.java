package io.tasklog.admin;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code replay}: POST /api/admin/processors/{name}/replay {"from": "start"|instant|"resume"}, then watch it.
 * The replay runs on the server; this process only starts and watches it.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Rebuild a projection by replaying its processor, with a live progress bar.",
                "The replay runs on the server: Ctrl-C (or --detach) only stops watching."})
final class ReplayCommand extends AdminCommand {

    @Mixin
    ProcessorArgument processor;

    @ArgGroup(exclusive = true)
    Start start = new Start();

    @Option(names = "--detach", description = "start the replay and return at once, without watching")
    boolean detach;

    static final class Start {
        @Option(names = "--from", paramLabel = "start|INSTANT", converter = FromConverter.class,
                description = "replay from the first event (start, the default) or from an ISO-8601 instant")
        String from = "start";

        @Option(names = "--resume", description = "continue an interrupted replay from where the server stopped it")
        boolean resume;
    }

    @Override
    public Integer call() {
        AdminApi api = api();
        try {
            api.post(Replays.replayPath(processor.name), Map.of("from", start.resume ? "resume" : start.from));
        } catch (ApiException e) {
            // 409: one replay per processor at a time; most likely the operator wants to see that one
            throw e.status() == 409 ? e.withHint("a replay may already be running: " + Replays.watchHint(processor.name)) : e;
        }
        if (detach) {
            out().println("Replay of " + processor.name + " started on the server.");
            out().println("  " + Replays.watchHint(processor.name));
            out().println("  " + Replays.cancelHint(processor.name));
            return OK;
        }
        ReplayWatcher watcher = new ReplayWatcher(api, io(), processor.name);
        // a resumed replay continues from a position this process does not know: count from the first poll
        return watcher.watch(watcher.poll(), start.resume ? null : 0L);
    }

    /** Rejects a bad {@code --from} as a usage error (exit 2) before anything is sent. */
    static final class FromConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if ("start".equals(value)) {
                return value;
            }
            try {
                return Instant.parse(value).toString();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("expected 'start' or an ISO-8601 instant such as 2025-01-31T00:00:00Z, got '" + value + "'");
            }
        }
    }
}
