package io.tasklog.app.operations;

import io.tasklog.api.query.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/admin/dead-letters}: parked events, retried or evicted by an admin. */
@RestController
@RequestMapping("/api/admin/dead-letters")
public class DeadLettersController {

    private final DeadLetters deadLetters;

    DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    Page<DeadLetterView> page(@RequestParam(required = false) String processor,
                              @RequestParam(required = false) String cursor,
                              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return deadLetters.page(processor, cursor, limit);
    }

    /** 200 with {@code retried: true} when the task's parked events all went through, false when it failed again. */
    @PostMapping("/{id}/retry")
    Map<String, Object> retry(@PathVariable String id) {
        DeadLetterView letter = find(id);
        return Map.of("id", id, "processor", letter.processor(), "retried", deadLetters.retry(letter));
    }

    @PostMapping("/retry-all")
    DeadLetters.RetryOutcome retryAll(@RequestParam(required = false) String processor) {
        return deadLetters.retryAll(processor);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> evict(@PathVariable String id) {
        deadLetters.evict(find(id));
        return ResponseEntity.noContent().build();
    }

    private DeadLetterView find(String id) {
        return deadLetters.find(id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no dead letter with id '" + id + "'"));
    }
}
