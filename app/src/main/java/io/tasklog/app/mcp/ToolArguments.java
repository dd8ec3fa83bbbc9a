package io.tasklog.app.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tasklog.app.web.ApiProblems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A tool call's arguments, read with the API's own JSON rules (strict types, lower-case enums, ISO-8601 instants).
 * The SDK's schema validation is off, so that a bad argument is answered in the words the HTTP API uses for the
 * same mistake ("'status' must be one of open, completed, all, not 'done'") rather than a schema validator's.
 */
final class ToolArguments {

    private final Map<String, Object> values;
    private final ObjectMapper mapper;

    ToolArguments(Map<String, Object> values, ObjectMapper mapper) {
        this.values = values == null ? Map.of() : values;
        this.mapper = mapper;
    }

    /** Refuses arguments the tool does not take: a misspelt one would otherwise be silently ignored. */
    ToolArguments takingOnly(Set<String> names) {
        values.keySet().stream().filter(name -> !names.contains(name)).sorted().findFirst().ifPresent(name -> {
            throw invalid("unknown argument '" + name + "'; this tool takes " + String.join(", ", names.stream().sorted().toList()));
        });
        return this;
    }

    String requiredText(String name) {
        String value = optional(name, String.class);
        if (value == null || value.isBlank()) {
            throw invalid("'" + name + "' is required");
        }
        return value;
    }

    <T> T optional(String name, Class<T> type) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            return mapper.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw new ToolArgumentException(ApiProblems.invalidParameter(name, value, type));
        }
    }

    /** A list argument of which a client may also send a single value. */
    <T> List<T> optionalList(String name, Class<T> type) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        return items.stream().map(item -> {
            try {
                return mapper.convertValue(item, type);
            } catch (IllegalArgumentException e) {
                throw new ToolArgumentException(ApiProblems.invalidParameter(name, item, type));
            }
        }).toList();
    }

    /** The arguments but the named ones, as a JSON object (the task fields of create and update). */
    ObjectNode without(String... names) {
        Map<String, Object> rest = new LinkedHashMap<>(values);
        for (String name : names) {
            rest.remove(name);
        }
        return mapper.valueToTree(rest);
    }

    private static ToolArgumentException invalid(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        return new ToolArgumentException(problem);
    }
}
