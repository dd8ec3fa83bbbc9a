package io.tasklog.app.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Runs tools for the SDK: as the caller, with the result rendered by the API's ObjectMapper (so it is the REST
 * body's JSON, as text and as {@code structuredContent}), and any failure as a tool error ({@code isError: true})
 * carrying the REST problem: "title: detail" as text, the problem object as structured content. A failed call
 * changes nothing: every write is one command, refused as a whole.
 */
@Component
class ToolCalls {

    private final ObjectMapper mapper;
    private final RestProblems problems;

    ToolCalls(ObjectMapper mapper, RestProblems problems) {
        this.mapper = mapper;
        this.problems = problems;
    }

    SyncToolSpecification specification(McpTool tool) {
        return SyncToolSpecification.builder()
                .tool(tool.definition())
                .callHandler((exchange, request) -> call(tool, McpCaller.userId(exchange), request.arguments()))
                .build();
    }

    CallToolResult call(McpTool tool, String userId, Map<String, Object> arguments) {
        try {
            return success(tool.call().apply(userId, new ToolArguments(arguments, mapper)));
        } catch (RuntimeException e) {
            return failure(problems.of(e, tool.restCounterparts()));
        }
    }

    private CallToolResult success(Object result) {
        JsonNode json = mapper.valueToTree(result);
        return CallToolResult.builder()
                .addTextContent(text(json))
                .structuredContent(mapper.convertValue(json, Map.class))
                .isError(false)
                .build();
    }

    private CallToolResult failure(ProblemDetail problem) {
        return CallToolResult.builder()
                .addTextContent(problem.getTitle() + ": " + problem.getDetail())
                .structuredContent(mapper.convertValue(problem, Map.class))
                .isError(true)
                .build();
    }

    private String text(JsonNode json) {
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Input schemas are JSON text in the tool classes; this turns one into the SDK's form. */
    static McpSchema.Tool tool(String name, String title, String description, String inputSchema, ObjectMapper mapper) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> schema = mapper.readValue(inputSchema, Map.class);
            return McpSchema.Tool.builder().name(name).title(title).description(description).inputSchema(schema).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad input schema of tool " + name, e);
        }
    }
}
