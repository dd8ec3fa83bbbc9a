package io.tasklog.app.operations;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/admin/processors}: what every event processor is doing (admins only, see SecurityConfiguration). */
@RestController
@RequestMapping("/api/admin/processors")
public class ProcessorsController {

    private final ProcessorMonitor monitor;
    private final ProjectionRebuilds rebuilds;

    ProcessorsController(ProcessorMonitor monitor, ProjectionRebuilds rebuilds) {
        this.monitor = monitor;
        this.rebuilds = rebuilds;
    }

    @GetMapping
    List<ProcessorStatus> all() {
        return monitor.all().stream().map(status -> status.withReplay(rebuilds.progress(status.name()).orElse(null)))
                .toList();
    }

    @GetMapping("/{name}")
    ProcessorStatus one(@PathVariable String name) {
        return monitor.one(name).map(status -> status.withReplay(rebuilds.progress(name).orElse(null)))
                .orElseThrow(() -> unknown(name));
    }

    /** Starts a rebuild (202); progress is then in {@code GET /api/admin/processors/{name}}. */
    @PostMapping("/{name}/replay")
    ResponseEntity<ProcessorStatus> replay(@PathVariable String name, @RequestBody(required = false) ReplayRequest request) {
        ProcessorStatus status = monitor.one(name).orElseThrow(() -> unknown(name));
        String from = request == null || request.from() == null ? ProjectionRebuilds.FROM_START : request.from().strip();
        boolean dryRun = request != null && Boolean.TRUE.equals(request.dryRun());
        return ResponseEntity.accepted().body(status.withReplay(rebuilds.start(name, from, dryRun)));
    }

    /** Interrupts a running rebuild after its current chunk; {@code from: "resume"} continues it later. */
    @DeleteMapping("/{name}/replay")
    ResponseEntity<ProcessorStatus> interrupt(@PathVariable String name) {
        monitor.one(name).orElseThrow(() -> unknown(name));
        rebuilds.interrupt(name);
        return ResponseEntity.accepted().body(one(name));
    }

    /** {@code {"from": "start" | "resume" | "<ISO-8601 instant>", "dryRun": false}}. */
    record ReplayRequest(String from, Boolean dryRun) {
    }

    static ResponseStatusException unknown(String name) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no event processor named '" + name + "'");
    }
}
