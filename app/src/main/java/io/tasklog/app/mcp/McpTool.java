package io.tasklog.app.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/**
 * One tool: what clients are shown ({@code definition}: name, description, input schema), the REST controllers
 * whose HTTP endpoints do the same (their exception handlers describe the tool's failures, before the global
 * advice; none for the writes, whose problems all come from the advice), and the call itself.
 */
record McpTool(McpSchema.Tool definition, List<Object> restCounterparts, Call call) {

    /** The tool's work for the calling user; returns the result object (rendered as JSON like the REST body). */
    @FunctionalInterface
    interface Call {
        Object apply(String userId, ToolArguments arguments);
    }
}
