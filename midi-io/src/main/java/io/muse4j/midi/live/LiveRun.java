package io.muse4j.midi.live;

import io.muse4j.core.score.NoteSequence;

import javax.sound.midi.MidiDevice;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;

/**
 * One live session from start to end ('muse4j live'): wires the input to the session, watches the devices, and on
 * every way out (the last answer, an error, a device lost, Ctrl-C) closes it, so no note is left sounding. Progress
 * and latencies go to the given writer (standard error, in muse4j).
 */
public final class LiveRun {
    private static final long FILE_LEAD_NANOS = 100_000_000L;
    private final LiveSession session;
    private final EventLoop loop;
    private final LiveOutput output;
    private final PrintWriter err;

    private LiveRun(LiveSession session, EventLoop loop, LiveOutput output, PrintWriter err) {
        this.session = session;
        this.loop = loop;
        this.output = output;
        this.err = err;
    }

    /**
     * A run of a new session that answers with {@code responder} on {@code output} and records to {@code record}
     * (or null), reporting to {@code err}: on virtual time, as fast as it goes, when a file plays the calls and
     * nothing is heard; else in real time.
     */
    public static LiveRun of(LiveSettings settings, Responder responder, LiveOutput output, boolean callsFromFile,
                             Path record, PrintWriter err) {
        EventLoop loop = callsFromFile && output.silent() ? new VirtualLoop() : new RealTimeLoop();
        LiveSession session = new LiveSession(settings, loop, responder, output.receiver(), output.name(), record);
        return new LiveRun(session, loop, output, err);
    }

    /**
     * Answers a few phrases before the session, so that compiling the responder's code (a model's) does not delay
     * the first answer.
     */
    public static void warmUp(Responder responder, PrintWriter err) throws Exception {
        err.println("muse4j live: warming up the model");
        var call = NoteSequence.builder(480).tempoBpm(0, 120);
        int[] scale = {60, 62, 64, 65, 67, 65, 64, 62};
        for (int i = 0; i < scale.length; i++) {
            call.note(scale[i], 90, 240L * i, 200);
        }
        for (int turn = 0; turn < 5; turn++) {
            responder.respond(call.build(), 2.0, turn);
        }
    }

    /**
     * Runs the session until it ends, then closes it and reports its latencies: the calls come from {@code inPort},
     * or, when that is null, from {@code callFile}.
     */
    public void run(MidiPorts.Port inPort, NoteSequence callFile) throws Exception {
        Thread hook = new Thread(this::closeQuietly, "muse4j-live-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        MidiDevice keyboard = null;
        try {
            session.onTurn((turn, callNotes, answerNotes, latency) -> err.printf(Locale.ROOT,
                    "muse4j live: call %d, %d notes: answered with %d notes%s%n", turn + 1, callNotes, answerNotes,
                    latency < 0 ? "" : String.format(Locale.ROOT, ", first %.2f ms after the call ended", latency / 1e6)));
            if (output.port() != null) {
                session.watch(output.port().label(), () -> MidiPorts.present(output.port()));
            }
            if (inPort != null) {
                session.watch(inPort.label(), () -> MidiPorts.present(inPort));
                keyboard = MidiPorts.listen(inPort, session.input());
                err.println("muse4j live: listening to '" + inPort.name() + "', answering on " + output.name()
                        + "; Ctrl-C to stop");
            } else {
                long end = ScorePlayer.play(callFile, loop, session.input(), loop.nanoTime() + FILE_LEAD_NANOS);
                loop.schedule(end, session::endOfInput);
                if (loop instanceof VirtualLoop virtual) {
                    virtual.runUntilIdle(Long.MAX_VALUE);
                }
            }
            awaitEnd();
        } finally {
            session.close();
            if (keyboard != null) {
                keyboard.close();
            }
            removeHook(hook);
        }
        report(session.latencies());
    }

    private void awaitEnd() throws Exception {
        try {
            session.finished().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void report(List<Long> latencies) {
        if (latencies.isEmpty()) {
            return;
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        err.printf(Locale.ROOT, "muse4j live: %d answers; first note after the call ended: p50 %.2f ms, max %.2f ms%n",
                sorted.length, percentile(sorted, 0.5) / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    /** The {@code p} quantile of sorted values (nearest rank). */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private void closeQuietly() {
        try {
            session.close();
        } catch (IOException e) {
            err.println("muse4j live: " + describe(e));
        }
        err.flush();
    }

    /** One line for a failure to close: the file and the reason where a file is to blame. */
    private static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            return fs.getFile() + ": " + (fs.getReason() == null ? e.getClass().getSimpleName() : fs.getReason());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs
        }
    }
}
