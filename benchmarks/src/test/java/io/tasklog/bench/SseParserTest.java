package io.tasklog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private final List<SseEvent> events = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong(100);
    private final SseParser parser = new SseParser(new SseParser.Listener() {
        @Override
        public void onEvent(SseEvent event) {
            events.add(event);
        }

        @Override
        public void onComment(String comment) {
            comments.add(comment);
        }
    }, clock::get, Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));

    private void feed(String... lines) {
        for (String line : lines) {
            parser.line(line);
        }
    }

    @Test
    void parsesTheServersFramingWithAndWithoutTheSpaceAfterTheColon() {
        feed("retry:2000", ":connected", "",
                "id:1247", "event:task.changed", "data:{\"taskId\":\"a\",\"version\":0}", "",
                "id: 1248", "event: notification.created", "data: {\"unreadCount\":1}", "");

        assertThat(comments).containsExactly("connected");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).id()).isEqualTo("1247");
        assertThat(events.get(0).event()).isEqualTo("task.changed");
        assertThat(events.get(0).json().path("taskId").asText()).isEqualTo("a");
        assertThat(events.get(1).id()).isEqualTo("1248");
        assertThat(events.get(1).event()).isEqualTo("notification.created");
        assertThat(events.get(1).json().path("unreadCount").asInt()).isEqualTo(1);
        assertThat(parser.lastEventId()).isEqualTo("1248");
    }

    @Test
    void joinsDataLinesAndDefaultsTheTypeToMessage() {
        feed("data: first", "data:second", "data", "");

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.event()).isEqualTo("message");
            assertThat(event.data()).isEqualTo("first\nsecond\n");
            assertThat(event.id()).isNull();
        });
    }

    @Test
    void keepsOnlyOneLeadingSpaceOffAndIgnoresUnknownFields() {
        feed("data:  two spaces", "foo: bar", "");

        assertThat(events).singleElement().extracting(SseEvent::data).isEqualTo(" two spaces");
    }

    @Test
    void anEventWithoutDataIsNotDispatchedButItsIdCarriesOver() {
        feed("id: 7", "event: ping", "", "data: x", "");

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.id()).isEqualTo("7");
            assertThat(event.event()).isEqualTo("message");
        });
    }

    @Test
    void stampsTheEventWhenItsBlankLineIsRead() {
        feed("event: task.changed", "data: {}");
        clock.set(555);
        feed("");

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.receivedNanos()).isEqualTo(555);
            assertThat(event.receivedAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        });
    }

    @Test
    void aResetDropsAnUnfinishedEvent() {
        feed("event: task.changed", "data: half");
        parser.reset();
        feed("data: whole", "");

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.event()).isEqualTo("message");
            assertThat(event.data()).isEqualTo("whole");
        });
    }
}
