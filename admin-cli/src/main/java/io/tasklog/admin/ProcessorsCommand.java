package io.tasklog.admin;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code processors}: GET /api/admin/processors as a table — is every processor running, how far behind, anything parked? */
@Command(name = "processors", mixinStandardHelpOptions = true,
        description = "List the event processors: status, replaying, segments, lag (events behind the head), dead letters.")
final class ProcessorsCommand extends AdminCommand {

    @Mixin
    JsonOption format;

    @Override
    public Integer call() {
        JsonNode processors = api().get("/api/admin/processors");
        if (format.json) {
            Json.print(out(), processors);
            return OK;
        }
        Table table = new Table("NAME", "STATUS", "REPLAYING", "SEGMENTS", "LAG", "DEAD LETTERS");
        for (JsonNode processor : processors) {
            table.row(Json.cell(processor, "name"), Json.cell(processor, "status"),
                    processor.path("replaying").asBoolean() ? "yes" : "no",
                    count(processor.get("segments")), count(processor.get("lag")), count(processor.get("deadLetters")));
        }
        if (table.isEmpty()) {
            out().println("No event processors.");
        } else {
            table.print(out());
        }
        return OK;
    }

    /** A number as a number (right-aligned); segments may also come as a list of segments, shown as how many. */
    private static Object count(JsonNode value) {
        if (value == null || value.isNull()) {
            return "-";
        }
        if (value.isArray()) {
            return value.size();
        }
        return value.isIntegralNumber() ? (Object) value.asLong() : value.asText();
    }
}
