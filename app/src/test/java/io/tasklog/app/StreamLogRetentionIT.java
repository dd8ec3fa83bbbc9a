package io.tasklog.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.app.support.IntegrationTest;
import io.tasklog.projections.stream.StreamEventLogRetention;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class StreamLogRetentionIT extends IntegrationTest {

    @Autowired
    private StreamEventLogRetention retention;

    @Test
    void changeLogEntriesOlderThanTheRetentionAreDroppedAndRecentOnesKept() {
        jdbc.sql("insert into stream_event (user_id, kind, subject_id, version, created_at) values "
                + "('retention-user', 'task.changed', 'old', 0, now() - interval '3 days'), "
                + "('retention-user', 'task.changed', 'new', 0, now())").update();
        assertThat(retention.prune()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select subject_id from stream_event where user_id = 'retention-user'")
                .query(String.class).list()).containsExactly("new");
    }
}
