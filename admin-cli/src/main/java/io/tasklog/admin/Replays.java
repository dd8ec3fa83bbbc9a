package io.tasklog.admin;

/** The replay endpoints and the follow-up commands the tool suggests, worded in one place. */
final class Replays {

    private Replays() {
    }

    /** GET: the processor, with its {@code replay} progress while one runs. */
    static String processorPath(String processor) {
        return "/api/admin/processors/" + AdminApi.segment(processor);
    }

    /** POST starts ({@code {"from": …}}), DELETE interrupts (the server keeps the position). */
    static String replayPath(String processor) {
        return processorPath(processor) + "/replay";
    }

    static String watchHint(String processor) {
        return "watch it:  tasklog-admin replay-status " + processor;
    }

    static String cancelHint(String processor) {
        return "cancel it: tasklog-admin replay-cancel " + processor;
    }

    static String resumeHint(String processor) {
        return "resume it: tasklog-admin replay " + processor + " --resume";
    }
}
