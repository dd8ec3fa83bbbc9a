package io.tasklog.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dead-letters}: every parked event, following the API's cursor pages to the end. */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = "List the dead letters (events a processor parked after failing), all pages.")
final class DeadLettersCommand extends AdminCommand {

    /** A cause is a one-line summary in the table; --json has it whole. */
    private static final int CAUSE_WIDTH = 80;

    @Option(names = "--processor", paramLabel = "PROCESSOR", description = "only this processor's dead letters")
    String processor;

    @Mixin
    JsonOption format;

    @Override
    public Integer call() {
        ArrayNode items = fetchAll();
        if (format.json) {
            Json.print(out(), items);
            return OK;
        }
        if (items.isEmpty()) {
            out().println("No dead letters" + (processor == null ? "." : " for " + processor + "."));
            return OK;
        }
        Table table = new Table("ID", "PROCESSOR", "SEQUENCE", "EVENT TYPE", "ATTEMPTS", "ENQUEUED AT", "CAUSE");
        for (JsonNode item : items) {
            String cause = Json.text(item, "cause");
            table.row(Json.cell(item, "id"), Json.cell(item, "processor"), Json.cell(item, "sequence"),
                    Json.cell(item, "eventType"), item.path("attempts").isNumber() ? item.get("attempts").asLong() : "-",
                    Json.cell(item, "enqueuedAt"), cause == null ? "-" : Problems.abbreviate(cause, CAUSE_WIDTH));
        }
        table.print(out());
        out().println(items.size() + (items.size() == 1 ? " dead letter" : " dead letters"));
        return OK;
    }

    private ArrayNode fetchAll() {
        ArrayNode all = Json.MAPPER.createArrayNode();
        String cursor = null;
        do {
            JsonNode page = api().get("/api/admin/dead-letters" + AdminApi.query("processor", processor, "cursor", cursor));
            page.path("items").forEach(all::add);
            String next = Json.text(page, "nextCursor");
            // a server handing out the same cursor again would loop forever: stop instead
            cursor = next == null || next.isEmpty() || Objects.equals(next, cursor) ? null : next;
        } while (cursor != null);
        return all;
    }
}
