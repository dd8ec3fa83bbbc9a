package io.tasklog.admin;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Follows a replay that runs on the server: polls the processor every {@link Io#pollInterval()}, draws a
 * progress bar (position/total, the server's events/s and ETA) and ends with a summary. The replay does
 * not depend on this process: Ctrl-C only stops watching and says how to come back.
 */
final class ReplayWatcher {

    /** Exit code after Ctrl-C, as a shell reports a process ended by SIGINT. */
    static final int DETACHED = 130;

    /** How long Ctrl-C waits for the watcher to print where things stand before the JVM goes. */
    private static final Duration DETACH_GRACE = Duration.ofSeconds(2);

    private final AdminApi api;
    private final Io io;
    private final String processor;
    private final CountDownLatch detach = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicReference<Duration> eta = new AtomicReference<>();

    ReplayWatcher(AdminApi api, Io io, String processor) {
        this.api = api;
        this.io = io;
        this.processor = processor;
    }

    ReplayProgress poll() {
        return ReplayProgress.of(api.get(Replays.processorPath(processor)), Instant.now());
    }

    /**
     * Watches until the replay ends or Ctrl-C.
     *
     * @param first    the latest poll
     * @param baseline the position this replay started from when this process started it (0, the events
     *                 count from there), or null when attaching to one already running (count from
     *                 {@code first}; the duration is then the time watched)
     * @return 0 completed, 1 failed or interrupted on the server, 130 detached
     */
    int watch(ReplayProgress first, Long baseline) {
        try {
            return follow(first, baseline);
        } finally {
            done.countDown();
        }
    }

    /** Ctrl-C: stop watching, and give the watcher a moment to say so before the JVM exits. */
    void detachAndWait() {
        detach.countDown();
        try {
            done.await(DETACH_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int follow(ReplayProgress first, Long baseline) {
        long started = System.nanoTime();
        long from = baseline != null ? baseline : first.position();
        ReplayProgress current = first;
        ReplayProgress last = first;
        boolean detached = false;
        try (Interrupts.Registration ctrlC = io.interrupts().onInterrupt(this::detachAndWait);
             ProgressBar bar = progressBar(first)) {
            while (true) {
                if (current.reported()) {
                    last = current;   // a finished replay may drop its "replay" object: keep the last figures
                }
                show(bar, last);
                if (current.finished()) {
                    break;
                }
                if (detach.await(io.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    detached = true;
                    break;
                }
                current = pollWhileWatching();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            detached = true;
        }
        if (detached) {
            PrintStream out = io.out();
            out.println("Stopped watching; the replay of " + processor + " goes on on the server.");
            out.println("  " + Replays.watchHint(processor));
            out.println("  " + Replays.cancelHint(processor));
            return DETACHED;
        }
        return summarize(current, last, last.position() - from, Duration.ofNanos(System.nanoTime() - started),
                baseline != null);
    }

    private ReplayProgress pollWhileWatching() {
        try {
            return poll();
        } catch (ApiException e) {
            String more = "the replay may still be running: " + Replays.watchHint(processor);
            throw e.withHint(e.hint() == null ? more : e.hint() + "; " + more);
        }
    }

    private ProgressBar progressBar(ReplayProgress first) {
        return new ProgressBarBuilder()
                .setTaskName(processor)   // short: on an 80-column terminal the bar gets what the text leaves
                .setInitialMax(first.total() > 0 ? first.total() : -1)
                .setStyle(ProgressBarStyle.ASCII)   // plain characters: the bar also lands in logs and CI output
                .setUpdateIntervalMillis((int) Math.max(100, io.pollInterval().toMillis()))
                .setEtaFunction(state -> Optional.ofNullable(eta.get()))
                .setConsumer(new FlushingConsumer(io.out(), io.progressWidth()))
                .build();
    }

    /**
     * The library's console consumer, with two fixes. It prints each redraw without flushing, and
     * {@code System.out} only flushes at a newline, which a redraw ({@code \r…}) never has: without the
     * flush the bar stays invisible. And a terminal that reports no size (some ptys, CI) would get a
     * bar squeezed to nothing: it gets the width for piped output instead.
     */
    private static final class FlushingConsumer extends ConsoleProgressBarConsumer {
        private static final int NARROWEST = 40;
        private final PrintStream out;

        FlushingConsumer(PrintStream out, int width) {
            super(out, width > 0 ? width : -1);
            this.out = out;
        }

        @Override
        public int getMaxRenderedLength() {
            int width = super.getMaxRenderedLength();
            return width < NARROWEST ? Io.PIPED_WIDTH : width;
        }

        @Override
        public void accept(String rendered) {
            super.accept(rendered);
            out.flush();
        }
    }

    private void show(ProgressBar bar, ReplayProgress progress) {
        if (progress.total() > 0 && progress.total() != bar.getMax()) {
            bar.maxHint(progress.total());   // events stored during the replay raise the total
        }
        bar.stepTo(progress.position());
        eta.set(progress.eta());
        bar.setExtraMessage(String.format(Locale.ROOT, "%,.0f events/s", progress.eventsPerSecond()));
    }

    private int summarize(ReplayProgress end, ReplayProgress last, long events, Duration elapsed, boolean startedHere) {
        String outcome = end.outcome();
        double seconds = elapsed.toNanos() / 1e9;
        double rate = events > 0 && seconds > 0.001 ? events / seconds : last.eventsPerSecond();
        PrintStream out = io.out();
        out.println("Replay of " + processor + " " + outcome + ".");
        out.println(String.format(Locale.ROOT, "  events:    %,d (position %,d of %s)", events, last.position(),
                last.total() >= 0 ? String.format(Locale.ROOT, "%,d", last.total()) : "?"));
        out.println(String.format(Locale.ROOT, "  %-10s %.1f s", startedHere ? "duration:" : "watched:", seconds));
        out.println(String.format(Locale.ROOT, "  events/s:  %,.0f", rate));
        out.println("  state:     " + outcome);
        String message = end.message() != null ? end.message() : last.message();
        if (message != null) {
            out.println("  message:   " + message);
        }
        switch (outcome) {
            case "completed":
                return AdminCommand.OK;
            case "interrupted":
                io.err().println("error: the replay of " + processor + " was interrupted");
                io.err().println("hint: " + Replays.resumeHint(processor));
                return ErrorReporter.FAILED;
            default:
                io.err().println("error: the replay of " + processor + " " + outcome + (message == null ? "" : ": " + message));
                return ErrorReporter.FAILED;
        }
    }
}
