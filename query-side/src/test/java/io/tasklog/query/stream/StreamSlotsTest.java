package io.tasklog.query.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StreamSlotsTest {

    private final StreamSlots slots = new StreamSlots(new StreamProperties(2));

    @Test
    void oneStreamMoreThanAllowedIsRefusedUntilOneIsReleased() {
        StreamSlots.Slot first = slots.acquire("u");
        slots.acquire("u");

        assertThatThrownBy(() -> slots.acquire("u")).isInstanceOf(TooManyStreamsException.class)
                .hasMessageContaining("2 open streams");
        assertThat(slots.openStreams("u")).isEqualTo(2);

        first.release();
        slots.acquire("u");
        assertThat(slots.openStreams("u")).isEqualTo(2);
    }

    @Test
    void eachUserHasSlotsOfTheirOwn() {
        slots.acquire("u");
        slots.acquire("u");

        slots.acquire("v");
        assertThat(slots.openStreams("v")).isEqualTo(1);
    }

    @Test
    void releasingTwiceFreesOneSlotAndTheLastReleaseForgetsTheUser() {
        StreamSlots.Slot first = slots.acquire("u");
        StreamSlots.Slot second = slots.acquire("u");

        first.release();
        first.release();
        assertThat(slots.openStreams("u")).isEqualTo(1);
        second.release();
        assertThat(slots.openStreams("u")).isZero();
    }
}
