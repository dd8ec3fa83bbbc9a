package io.tasklog.app.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklog.command.eventstore.AxonJson;
import io.tasklog.command.recurrence.RecurrenceSaga;
import java.io.IOException;
import java.io.InputStream;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;

/**
 * A running series lives only in its saga's stored state (unlike an aggregate, whose snapshot can always be
 * rebuilt from events): the state stored by earlier releases must stay readable, field for field. A change
 * to RecurrenceSaga's fields keeps this file readable, or migrates the stored sagas; never edit the file.
 */
class GoldenSagaStateTest {

    private final Serializer serializer =
            AxonJson.serializer(new AnnotationRevisionResolver(), getClass().getClassLoader());

    @Test
    void aStoredRecurrenceSagaReadsBackWithEveryField() throws IOException {
        byte[] stored;
        try (InputStream in = getClass().getResourceAsStream("/golden-sagas/RecurrenceSaga.json")) {
            stored = in.readAllBytes();
        }
        RecurrenceSaga saga = serializer.deserialize(
                new SimpleSerializedObject<>(stored, byte[].class, RecurrenceSaga.class.getName(), null));
        SerializedObject<byte[]> written = serializer.serialize(saga, byte[].class);

        ObjectMapper json = new ObjectMapper();
        JsonNode original = json.readTree(stored);
        assertThat(json.readTree(written.getData())).isEqualTo(original);
        assertThat(original.size()).as("fields in the golden file").isEqualTo(7);
    }
}
