package io.tasklog.command.eventstore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The JSON of everything Axon stores or ships: events (kept forever in the event store, and on topic
 * {@code task-events}), snapshots, sagas, tracking tokens, deadline payloads. Deliberately independent of
 * the HTTP API's ObjectMapper, which is strict about its input and free to change: stored data must stay
 * readable by every later release, and by the previous release during a rolling deploy.
 *
 * <p>Reading is lenient about structure: unknown properties are ignored (a field removed from a class,
 * or added by a newer node), missing ones become null / 0 / false, a single value is accepted where a list
 * is now expected and vice versa. Reading is NOT lenient about values: an unknown enum constant fails, as
 * there is no value it could safely stand for (adding a constant therefore needs a release that can read
 * it before a release that writes it).
 *
 * <p>The written format is the one events were stored in since the first release, when Axon shared the
 * web ObjectMapper, and must not change: enums as their lower-case constant name ({@code "high"},
 * {@code "due_at"}; read case-insensitively), {@code java.time} values as ISO-8601 strings
 * ({@code "2025-03-14T16:00:00Z"}), nulls written out.
 */
public final class AxonJson {

    private AxonJson() {
    }

    /** The serializer for Axon's general, message and event serialization (one instance for all three). */
    public static Serializer serializer(RevisionResolver revisionResolver, ClassLoader classLoader) {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper())
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(classLoader))
                .classLoader(classLoader)
                .build();
    }

    /** A new mapper with the stored-data settings (each serializer owns one: Axon registers modules on it). */
    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModules(new JavaTimeModule(), new Jdk8Module(), new ParameterNamesModule())
                .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .build();
    }

}
