package io.tasklog.query.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StreamSlotsTest {

    private final StreamSlots slots = new StreamSlots(new StreamProperties(2, 3));

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

    @Test
    void aFullInstanceRefusesAnyoneUntilAStreamEndsAndARefusalCostsNoSlot() {
        StreamSlots.Slot first = slots.acquire("u");
        slots.acquire("u");
        slots.acquire("v");

        assertThatThrownBy(() -> slots.acquire("w")).isInstanceOf(InstanceFullException.class)
                .hasMessageContaining("3 live streams");
        assertThatThrownBy(() -> slots.acquire("u")).isInstanceOf(InstanceFullException.class);
        assertThat(slots.openStreams()).isEqualTo(3);
        assertThat(slots.openStreams("w")).isZero();

        first.release();
        slots.acquire("w");
        assertThat(slots.openStreams()).isEqualTo(3);
    }

    @Test
    void aUserOverTheirLimitDoesNotTakeAnInstanceSlot() {
        slots.acquire("u");
        slots.acquire("u");
        assertThatThrownBy(() -> slots.acquire("u")).isInstanceOf(TooManyStreamsException.class);
        assertThat(slots.openStreams()).isEqualTo(2);
        slots.acquire("v");
    }
}
