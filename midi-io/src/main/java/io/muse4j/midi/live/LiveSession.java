package io.muse4j.midi.live;

import io.muse4j.core.score.NoteSequence;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Call and response: a musician plays a phrase into {@link #input()}; when it ends (a silence with no key held, a
 * controller message, or the longest call) a {@link Responder} answers it, and the answer plays on the output on
 * the loop's clock.
 *
 * <p>The answer is worked out while the silence runs: each time the last key comes up, the call so far goes to a
 * worker thread, and a key pressed before the silence ends throws that work away. So when the call is judged
 * complete the answer is usually ready, and its first note sounds at once. Every note played goes through an
 * {@link Output} that stops it on {@link #close}, whatever happened. All state lives on the {@link EventLoop}.
 */
public final class LiveSession implements AutoCloseable {
    private static final long WATCH_NANOS = 500_000_000L;
    private final LiveSettings settings;
    private final EventLoop loop;
    private final Responder responder;
    private final Output output;
    private final Recording recording;
    private final Path recordTo;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("muse4j-respond"));
    private final ExecutorService watcher = Executors.newSingleThreadExecutor(daemon("muse4j-watch"));
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean closed = new AtomicBoolean();

    private CallBuilder call = new CallBuilder();
    private int callVersion;
    private Speculation speculation;
    private EventLoop.Scheduled silenceTimer;
    private EventLoop.Scheduled cutTimer;
    private int calls;
    private Playback playing;
    private final Deque<Turn> pending = new ArrayDeque<>();
    private boolean inputEnded;
    private TurnListener listener = (turn, callNotes, answerNotes, latencyNanos) -> { };

    /** Hears about each answer as it starts. */
    @FunctionalInterface
    public interface TurnListener {
        /**
         * @param turn the call's number, from 0
         * @param latencyNanos from judging the call complete to the answer's first note-on, or -1 for an answer that
         *     waited for the one before it
         */
        void answered(int turn, int callNotes, int answerNotes, long latencyNanos);
    }

    /**
     * A session answering on {@code out} (null: nowhere, the answers are only timed and recorded).
     *
     * @param outName the output's name, for errors
     * @param recordTo where the whole session is written after each response and on close, or null
     */
    public LiveSession(LiveSettings settings, EventLoop loop, Responder responder, Receiver out, String outName,
                       Path recordTo) {
        this.settings = settings;
        this.loop = loop;
        this.responder = responder;
        this.recordTo = recordTo;
        this.recording = new Recording(loop.nanoTime(), settings.bpm());
        this.output = new Output(out, outName, loop::nanoTime, recording::response);
    }

    /** Where the musician's MIDI goes in: hand it to a Transmitter. Safe from any thread. */
    public Receiver input() {
        return new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                loop.execute(() -> guarded(() -> onMessage(message)));
            }

            @Override
            public void close() {
            }
        };
    }

    /** Tells {@code listener} about each answer (on the loop's thread: it must be quick). */
    public void onTurn(TurnListener listener) {
        this.listener = listener;
    }

    /** Says that no more input will come: the session finishes once the last call is answered. */
    public void endOfInput() {
        loop.execute(() -> guarded(() -> {
            inputEnded = true;
            finishIfIdle();
        }));
    }

    /**
     * Fails the session, naming {@code what}, as soon as {@code present} turns false (a device unplugged). The check
     * (which may take milliseconds: it lists the system's devices) runs twice a second on the session's watcher
     * thread, so it never delays a note; the loop only hears of a device that vanished.
     */
    public void watch(String what, BooleanSupplier present) {
        watch(what, present, watcher);
    }

    /** As {@link #watch(String, BooleanSupplier)}, with the checks run by {@code checks}. */
    void watch(String what, BooleanSupplier present, Executor checks) {
        loop.schedule(loop.nanoTime() + WATCH_NANOS, () -> {
            try {
                checks.execute(() -> check(what, present, checks));
            } catch (RejectedExecutionException closing) {
                // the session is closing: nothing left to watch
            }
        });
    }

    private void check(String what, BooleanSupplier present, Executor checks) {
        if (present.getAsBoolean()) {
            loop.execute(() -> watch(what, present, checks));
        } else {
            loop.execute(() -> guarded(() -> {
                throw new LiveDeviceException(what + " disappeared");
            }));
        }
    }

    /** Completes when input has ended and every call is answered, or exceptionally when the session fails. */
    public CompletableFuture<Void> finished() {
        return finished;
    }

    /** For each answered call (not a queued one), nanoseconds from judging it complete to its first note-on. */
    public List<Long> latencies() {
        return List.copyOf(latencies);
    }

    private void onMessage(MidiMessage message) {
        if (!(message instanceof ShortMessage m)) {
            return;
        }
        if (settings.samePort() && m.getChannel() == settings.responseChannel()) {
            return; // our own answer, echoed back by the port
        }
        int command = m.getCommand();
        if (command == ShortMessage.NOTE_ON && m.getData2() > 0) {
            keyDown(m.getChannel(), m.getData1(), m.getData2());
        } else if (command == ShortMessage.NOTE_OFF || command == ShortMessage.NOTE_ON) {
            keyUp(m.getChannel(), m.getData1());
        } else if (command == ShortMessage.CONTROL_CHANGE && m.getData1() == settings.endController()
                && m.getData2() >= 64 && !call.isEmpty()) {
            judge();
        }
    }

    private void keyDown(int channel, int pitch, int velocity) {
        long now = loop.nanoTime();
        if (playing != null && settings.whileResponding() == LiveSettings.WhileResponding.INTERRUPT) {
            stopResponse();
        }
        if (call.isEmpty()) {
            cutTimer = loop.schedule(now + Math.round(settings.maxCallSeconds() * 1e9), () -> guarded(this::judge));
        }
        call.noteOn(channel, pitch, velocity, now);
        cancel(silenceTimer);
        dropSpeculation();
        callVersion++;
    }

    private void keyUp(int channel, int pitch) {
        long now = loop.nanoTime();
        if (!call.noteOff(channel, pitch, now)) {
            return; // a key held through a cut-off, or from before the session
        }
        callVersion++;
        if (!call.anyHeld()) {
            silenceTimer = loop.schedule(now + settings.silenceMs() * 1_000_000L, () -> guarded(this::judge));
            dropSpeculation();
            speculation = new Speculation(callVersion, answer(call.toSequence(settings.bpm())));
        }
    }

    /** Throws away the answer being worked out for an earlier state of the call (one not started never runs). */
    private void dropSpeculation() {
        if (speculation != null) {
            speculation.answer().cancel(false);
            speculation = null;
        }
    }

    /** The call is complete: answer it now, or after the response playing (queued). */
    private void judge() {
        long judged = loop.nanoTime();
        cancel(silenceTimer);
        cancel(cutTimer);
        if (call.anyHeld()) {
            call.releaseAll(judged);
            callVersion++;
        }
        Future<NoteSequence> answer = speculation != null && speculation.version() == callVersion
                ? speculation.answer() : answer(call.toSequence(settings.bpm()));
        call.notes().forEach(recording::call);
        Turn turn = new Turn(calls++, call.notes().size(), answer, judged);
        call = new CallBuilder();
        speculation = null;
        callVersion++;
        if (playing != null) {
            pending.add(turn);
        } else {
            startResponse(turn, true);
        }
    }

    private Future<NoteSequence> answer(NoteSequence callScore) {
        int turn = calls;
        double seconds = settings.responseSeconds(callScore.durationSeconds());
        return worker.submit(() -> responder.respond(callScore, seconds, turn));
    }

    private void startResponse(Turn turn, boolean measured) {
        List<NoteEvent> events = NoteEvent.timeline(await(turn.answer()), settings.responseChannel());
        if (events.isEmpty()) {
            listener.answered(turn.turn(), turn.callNotes(), 0, -1);
            finishIfIdle();
            return;
        }
        Playback playback = new Playback();
        playing = playback;
        long start = loop.nanoTime();
        boolean first = measured;
        for (NoteEvent event : events) {
            if (event.offsetNanos() == 0) {
                long sent = play(event);
                if (first && event.on()) {
                    latencies.add(sent - turn.judged());
                    listener.answered(turn.turn(), turn.callNotes(), events.size() / 2, sent - turn.judged());
                    first = false;
                }
            } else {
                playback.add(loop.schedule(start + event.offsetNanos(), () -> guarded(() -> play(event))));
            }
        }
        if (!measured) {
            listener.answered(turn.turn(), turn.callNotes(), events.size() / 2, -1);
        }
        long end = start + events.get(events.size() - 1).offsetNanos();
        playback.add(loop.schedule(end, () -> guarded(() -> responseFinished(playback))));
    }

    private long play(NoteEvent event) {
        if (event.on()) {
            return output.noteOn(event.channel(), event.pitch(), event.velocity());
        }
        output.noteOff(event.channel(), event.pitch());
        return loop.nanoTime();
    }

    private void responseFinished(Playback playback) {
        if (playing != playback) {
            return;
        }
        playing = null;
        output.silence();
        save();
        Turn next = pending.poll();
        if (next != null) {
            startResponse(next, false);
        } else {
            finishIfIdle();
        }
    }

    private void stopResponse() {
        playing.cancel();
        playing = null;
        output.silence();
    }

    private void finishIfIdle() {
        if (inputEnded && call.isEmpty() && playing == null && pending.isEmpty()) {
            finished.complete(null);
        }
    }

    private void save() {
        if (recordTo != null) {
            try {
                recording.write(recordTo);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static NoteSequence await(Future<NoteSequence> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while answering", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void guarded(Runnable task) {
        if (closed.get()) {
            return;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            finished.completeExceptionally(e);
        }
    }

    private static void cancel(EventLoop.Scheduled scheduled) {
        if (scheduled != null) {
            scheduled.cancel();
        }
    }

    /**
     * Ends the session: stops the loop, sounds note-offs for every note still playing and all-notes-off on every
     * channel, and writes the recording with the call in progress. Safe from any thread (a shutdown hook), more
     * than once. A failure to write the recording is thrown after the notes are off.
     */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            loop.close();
            worker.shutdownNow();
            watcher.shutdownNow();
        } finally {
            output.close();
        }
        call.releaseAll(loop.nanoTime());
        call.notes().forEach(recording::call);
        if (recordTo != null) {
            recording.write(recordTo);
        }
        finished.complete(null);
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** An answer being worked out for the call as it was at {@code version}. */
    private record Speculation(int version, Future<NoteSequence> answer) {
    }

    /** A call judged complete at {@code judged}, and its answer on the way. */
    private record Turn(int turn, int callNotes, Future<NoteSequence> answer, long judged) {
    }

    /** The scheduled events of the response playing. */
    private static final class Playback {
        private final List<EventLoop.Scheduled> events = new ArrayList<>();

        void add(EventLoop.Scheduled event) {
            events.add(event);
        }

        void cancel() {
            events.forEach(EventLoop.Scheduled::cancel);
        }
    }
}
