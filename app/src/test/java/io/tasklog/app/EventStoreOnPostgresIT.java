package io.tasklog.app;

import io.tasklog.api.MessageMetadata;
import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.api.task.TaskDetails;
import io.tasklog.api.task.TaskField;
import io.tasklog.api.task.UpdateTaskCommand;
import io.tasklog.app.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The PostgreSQL traps of Axon's JPA event store, checked against the real database. */
class EventStoreOnPostgresIT extends IntegrationTest {

    @Autowired
    private CommandGateway commands;

    @Test
    void eventPayloadsAreStoredInlineAsByteaWithoutLargeObjects() {
        String token = api.newUser();
        for (int i = 0; i < 5; i++) {
            String id = api.createTask(token, "{\"title\":\"Task " + i + "\",\"description\":\"" + "x".repeat(3000) + "\"}");
            api.post("/api/tasks/" + id + "/complete", token, null);
        }
        assertThat(jdbc.sql("select count(*) from pg_largeobject_metadata").query(Long.class).single()).isZero();
        List<String> types = jdbc.sql("""
                select data_type from information_schema.columns
                where table_name in ('domain_event_entry','snapshot_event_entry','token_entry','saga_entry')
                  and column_name in ('payload','meta_data','token','serialized_saga')""").query(String.class).list();
        assertThat(types).isNotEmpty().containsOnly("bytea");
    }

    @Test
    void theGlobalIndexGrowsByOneWithoutGaps() {
        String token = api.newUser();
        long first = jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
        for (int i = 0; i < 10; i++) {
            api.createTask(token, "{\"title\":\"Indexed " + i + "\"}");
        }
        List<Long> indexes = jdbc.sql("select global_index from domain_event_entry where global_index > :first order by global_index")
                .param("first", first).query(Long.class).list();
        assertThat(indexes).hasSizeGreaterThanOrEqualTo(10);
        for (int i = 1; i < indexes.size(); i++) {
            assertThat(indexes.get(i) - indexes.get(i - 1)).as("gap after " + indexes.get(i - 1)).isEqualTo(1);
        }
        assertThat(jdbc.sql("select increment_by from pg_sequences where sequencename = 'domain_event_entry_seq'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aLongLivedTaskIsSnapshottedAndItsHistoryStaysComplete() throws InterruptedException {
        String token = api.newUser();
        String id = api.createTask(token, "{\"title\":\"v0\"}");
        String userId = jdbc.sql("select meta_data from domain_event_entry where aggregate_identifier = :id")
                .param("id", id).query((rs, n) -> new String(rs.getBytes(1))).single()
                .replaceAll(".*\"userId\":\"([^\"]+)\".*", "$1");
        for (int i = 1; i <= 105; i++) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new UpdateTaskCommand(id, null,
                    Set.of(TaskField.TITLE), new TaskDetails("v" + i, null, null, null, null, null, null, null)))
                    .andMetaData(MetaData.with(MessageMetadata.USER_ID, userId)));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long snapshots = 0;
        while (snapshots == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            snapshots = jdbc.sql("select count(*) from snapshot_event_entry where aggregate_identifier = :id")
                    .param("id", id).query(Long.class).single();
        }
        assertThat(snapshots).isPositive();
        var history = api.get("/api/tasks/" + id + "/history?limit=200", token).json().get("items");
        assertThat(history).hasSize(106);
        assertThat(api.patch("/api/tasks/" + id, token, "{\"title\":\"after snapshot\"}").header("ETag")).hasValue("\"106\"");
    }
}
