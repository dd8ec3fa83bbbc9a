package io.tasklog.command.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tasklog.api.task.TaskDetails;
import io.tasklog.api.task.TaskField;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A JSON merge patch (RFC 7396) of a task: the fields present are changed, {@code null} clears one.
 * A plain record cannot tell "absent" from "null", so the body is read as a tree first.
 */
record TaskPatch(Set<TaskField> fields, TaskDetails values) {

    static TaskPatch read(JsonNode body, ObjectMapper mapper, Validator validator) {
        TaskPatch patch = fieldsOf(body, mapper, validator);
        if (patch.fields().isEmpty()) {
            throw new TaskRuleViolationException("body", "the patch names no field to change");
        }
        return patch;
    }

    /**
     * The writable fields a JSON object names, with their values, read and checked (types, list sizes) before
     * the task's own rules look at them; any other member is refused. Also what a create from JSON reads.
     */
    static TaskPatch fieldsOf(JsonNode body, ObjectMapper mapper, Validator validator) {
        if (!(body instanceof ObjectNode object)) {
            throw new TaskRuleViolationException("body", "the body must be a JSON object");
        }
        Set<TaskField> fields = EnumSet.noneOf(TaskField.class);
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            fields.add(fieldNamed(name).orElseThrow(() ->
                    new TaskRuleViolationException(name, "unknown or read-only field: " + name)));
        }
        TaskRequest values = valuesOf(object, mapper);
        withinLimits(values, validator);
        return new TaskPatch(fields, values.toDetails());
    }

    /** The same size limits as a full body (MVC checks those with @Valid), before any element is looked at. */
    private static void withinLimits(TaskRequest values, Validator validator) {
        validator.validate(values).stream()
                .min(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .ifPresent(violation -> {
                    String field = violation.getPropertyPath().toString();
                    throw new TaskRuleViolationException(field, field + ": " + violation.getMessage());
                });
    }

    private static TaskRequest valuesOf(ObjectNode object, ObjectMapper mapper) {
        try {
            return mapper.treeToValue(object, TaskRequest.class);
        } catch (InvalidFormatException e) {
            String field = e.getPath().isEmpty() ? "body" : e.getPath().get(0).getFieldName();
            String expected = e.getTargetType().isEnum()
                    ? "one of " + Arrays.stream(e.getTargetType().getEnumConstants())
                            .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                    : "a valid " + e.getTargetType().getSimpleName();
            throw new TaskRuleViolationException(field, field + ": '" + e.getValue() + "' is not " + expected);
        } catch (JsonProcessingException e) {
            String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().get(0).getFieldName() : "body";
            throw new TaskRuleViolationException(field, field + " has the wrong type");
        }
    }

    private static Optional<TaskField> fieldNamed(String name) {
        return Arrays.stream(TaskField.values()).filter(f -> f.jsonName().equals(name)).findFirst();
    }

    /** A full replacement (PUT) names every writable field. */
    static TaskPatch replacing(TaskRequest request) {
        return new TaskPatch(EnumSet.allOf(TaskField.class), request.toDetails());
    }

}
