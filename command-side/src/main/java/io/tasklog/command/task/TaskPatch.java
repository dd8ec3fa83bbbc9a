package io.tasklog.command.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tasklog.api.task.TaskDetails;
import io.tasklog.api.task.TaskField;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON merge patch (RFC 7396) of a task: the fields present are changed, {@code null} clears one.
 * A plain record cannot tell "absent" from "null", so the body is read as a tree first.
 */
record TaskPatch(Set<TaskField> fields, TaskDetails values) {

    static TaskPatch read(JsonNode body, ObjectMapper mapper) {
        if (!(body instanceof ObjectNode object)) {
            throw new TaskRuleViolationException("body", "the body must be a JSON object");
        }
        Set<TaskField> fields = EnumSet.noneOf(TaskField.class);
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            fields.add(fieldNamed(name).orElseThrow(() ->
                    new TaskRuleViolationException(name, "unknown or read-only field: " + name)));
        }
        if (fields.isEmpty()) {
            throw new TaskRuleViolationException("body", "the patch names no field to change");
        }
        TaskRequest values = mapper.convertValue(object, TaskRequest.class);
        return new TaskPatch(fields, values.toDetails());
    }

    private static Optional<TaskField> fieldNamed(String name) {
        return Arrays.stream(TaskField.values()).filter(f -> f.jsonName().equals(name)).findFirst();
    }

    /** A full replacement (PUT) names every writable field. */
    static TaskPatch replacing(TaskRequest request) {
        return new TaskPatch(EnumSet.allOf(TaskField.class), request.toDetails());
    }

}
