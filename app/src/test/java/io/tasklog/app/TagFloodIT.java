package io.tasklog.app;

import static io.tasklog.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.app.support.ApiClient.Response;
import io.tasklog.app.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * An array of 300,000 tags is refused by its size, not accepted and folded into one tag: with the body cap
 * raised out of the way (such a body is ~1.2 MB, over the default cap), the list limit alone must hold.
 */
@TestPropertySource(properties = "tasklog.web.max-request-body=4MB")
@DirtiesContext
class TagFloodIT extends IntegrationTest {

    private static final String FLOOD = ListSizeLimitsIT.tags(300_000, i -> "t");

    @Test
    void threeHundredThousandTagsAreA400InMillisecondsAndChangeNothing() {
        String token = api.newUser();
        String id = api.createTask(token, "{\"title\":\"target\"}");
        String marker = "flood-" + UUID.randomUUID();
        long eventsBefore = storedEventsOfTask(id);
        api.post("/api/tasks", token, "{\"title\":\"warm-up\",\"tags\":[\"a\",\"a\"]}"); // JIT, not the limit, is timed below

        for (String[] request : new String[][] {
                {"POST", "/api/tasks", "{\"title\":\"" + marker + "\",\"tags\":" + FLOOD + "}"},
                {"PUT", "/api/tasks/" + id, "{\"title\":\"" + marker + "\",\"tags\":" + FLOOD + "}"},
                {"PATCH", "/api/tasks/" + id, "{\"tags\":" + FLOOD + "}"}}) {
            long start = System.nanoTime();
            Response r = api.send(request[0], request[1], token, request[2], java.util.Map.of());
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertProblem(request[0], r, 400);
            assertThat(r.json().get("field").asText()).isEqualTo("tags");
            // generous for a busy 2-core CI machine; the body alone is 1.2 MB to send and parse
            assertThat(millis).as(request[0] + " answered in ms").isLessThan(2_000);
        }
        assertThat(storedEventsOfTask(id)).isEqualTo(eventsBefore);
        assertThat(storedEventsMentioning(marker)).isZero();
    }
}
