package io.tasklog.app.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.api.task.TaskEvent;
import io.tasklog.api.task.TaskEventTypes;
import io.tasklog.app.evolution.GoldenEvents.StoredEvent;
import io.tasklog.command.eventstore.AxonJson;
import io.tasklog.command.eventstore.TaskEventUpcasters;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every stored form of every event that was ever written stays readable, through the production serializer
 * and upcasters, as the value it stands for. The same files are read through the JPA event store on
 * PostgreSQL by {@code GoldenEventsOnPostgresIT}.
 */
class GoldenEventsTest {

    private static final AnnotationRevisionResolver REVISIONS = new AnnotationRevisionResolver();
    private final Serializer serializer = AxonJson.serializer(REVISIONS, getClass().getClassLoader());

    @Test
    void everyGoldenEventReadsAsTheValueItStandsFor() {
        List<StoredEvent> golden = GoldenEvents.all();
        assertThat(golden).extracting(StoredEvent::file).containsExactlyInAnyOrderElementsOf(GoldenEvents.EXPECTED.keySet());
        for (StoredEvent stored : golden) {
            DomainEventMessage<?> read = EventStreamUtils.upcastAndDeserializeDomainEvents(
                    Stream.of(stored.asEntry()), serializer, TaskEventUpcasters.chain()).next();
            assertThat(read.getPayload()).as(stored.file()).isEqualTo(GoldenEvents.EXPECTED.get(stored.file()));
            assertThat(read.getIdentifier()).isEqualTo(stored.eventIdentifier());
            assertThat(read.getAggregateIdentifier()).isEqualTo(((TaskEvent) read.getPayload()).taskId());
            assertThat(read.getMetaData()).containsKeys("traceId", "correlationId");
        }
    }

    /** A new event type, or a new revision of one, needs a golden file of the form it is now written in. */
    @Test
    void everyEventTypeHasAGoldenFileOfItsCurrentRevision() {
        Set<String> covered = GoldenEvents.all().stream()
                .map(stored -> stored.payloadType() + "@" + stored.payloadRevision()).collect(Collectors.toSet());
        for (Class<? extends TaskEvent> type : taskEventTypes()) {
            assertThat(covered).as("golden-events/ has no file of %s revision %s", type.getSimpleName(),
                            REVISIONS.revisionOf(type))
                    .contains(type.getName() + "@" + REVISIONS.revisionOf(type));
        }
    }

    @Test
    void everyEventTypeHasAnExternalName() {
        assertThat(TaskEventTypes.all().keySet()).containsExactlyInAnyOrderElementsOf(taskEventTypes());
        assertThat(TaskEventTypes.all().values())
                .allMatch(name -> name.matches("io\\.tasklog\\.task\\.[a-z_]+\\.v[0-9]+"))
                .doesNotHaveDuplicates();
    }

    /** Found on the classpath, so that a new event cannot be forgotten here. */
    static Set<Class<? extends TaskEvent>> taskEventTypes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(TaskEvent.class));
        Set<Class<? extends TaskEvent>> types = scanner.findCandidateComponents("io.tasklog.api").stream()
                .map(BeanDefinition::getBeanClassName).filter(Objects::nonNull).map(GoldenEventsTest::load)
                .collect(Collectors.toSet());
        assertThat(types).hasSizeGreaterThanOrEqualTo(10);
        return types;
    }

    private static Class<? extends TaskEvent> load(String name) {
        try {
            return Class.forName(name).asSubclass(TaskEvent.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
