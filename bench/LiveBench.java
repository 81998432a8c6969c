import io.muse4j.models.ModelKinds;
import io.muse4j.models.lm.TokenModel;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.Tokenizer;
import io.muse4j.midi.live.LiveSession;
import io.muse4j.midi.live.LiveSettings;
import io.muse4j.midi.live.RealTimeLoop;
import io.muse4j.models.lm.Answerer;
import io.muse4j.models.sampling.Sampler;
import io.muse4j.models.kind.SavedModel;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Latency of 'muse4j live' on the wall clock, with the bundled model: a simulated keyboard plays seeded phrases
 * (6 to 10 notes, 150 ms apart) into a session on the real-time loop, and interrupts each answer 100 ms after it
 * starts with the next call. Measures, in ms: from the call judged complete to the answer's first note-on (the
 * issue's budget, 20 ms at p99), from the last key up plus the silence to that note-on (what the player feels,
 * timer lateness included), the same for calls ended by a controller 2 ms after the last key up (no silence to work
 * in), and the time to work out an answer from nothing. Usage: LiveBench CALLS. Prints result lines only.
 */
public class LiveBench {
    private static final int SILENCE_MS = 600;
    private static final AtomicLong lastNoteOn = new AtomicLong();

    public static void main(String[] args) throws Exception {
        java.io.PrintStream results = System.out;
        System.setOut(System.err);
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        SavedModel saved;
        try (InputStream in = LiveBench.class.getResourceAsStream("/io/muse4j/cli/default-melody.m4j")) {
            saved = ModelKinds.load(in, "bundled model");
        }
        Tokenizer tokenizer = saved.encoding().tokenizer();
        Answerer answerer = new Answerer(saved.as(TokenModel.class, "a token model"), tokenizer,
                turn -> new Sampler(1.0, 0, 1.0, 1 + turn));
        Random random = new Random(1);
        for (int i = 0; i < 20; i++) {
            answerer.answer(phrase(random), 1.5, i); // warm-up, as 'muse4j live' does
        }
        List<Long> scratch = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            NoteSequence call = phrase(random);
            long start = System.nanoTime();
            answerer.answer(call, call.durationSeconds(), i);
            scratch.add(System.nanoTime() - start);
        }
        Run silence = run(answerer, calls, -1, new Random(2));
        Run controller = run(answerer, Math.max(10, calls / 4), 64, new Random(3));
        results.println(line("judged", silence.judged()));
        results.println(line("felt", silence.felt()));
        results.println(line("controller", controller.judged()));
        results.println(line("scratch", scratch));
    }

    private record Run(List<Long> judged, List<Long> felt) {
    }

    /** Plays {@code calls} phrases into a real-time session; each call ends by silence, or by {@code controller}. */
    private static Run run(Answerer answerer, int calls, int controller, Random random) throws Exception {
        RealTimeLoop loop = new RealTimeLoop();
        LiveSettings settings = new LiveSettings(SILENCE_MS, 8, controller, 0, LiveSettings.WhileResponding.INTERRUPT,
                1, 120, false);
        Receiver out = new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                if (message instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0) {
                    lastNoteOn.set(System.nanoTime());
                }
            }

            @Override
            public void close() {
            }
        };
        LiveSession session = new LiveSession(settings, loop, answerer::answer, out, "bench", null);
        Receiver keys = session.input();
        List<Long> felt = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long lastUp = play(phrase(random), keys);
            long expected = lastUp;
            if (controller >= 0) {
                sleepUntil(lastUp + 2_000_000L);
                expected = System.nanoTime();
                keys.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, controller, 127), -1);
            } else {
                expected += SILENCE_MS * 1_000_000L;
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (lastNoteOn.get() < lastUp && System.nanoTime() < deadline) {
                LockSupport.parkNanos(100_000);
            }
            if (lastNoteOn.get() > lastUp) {
                felt.add(lastNoteOn.get() - expected);
            }
            sleepUntil(Math.max(lastNoteOn.get(), lastUp) + 100_000_000L);
        }
        session.close();
        return new Run(session.latencies(), felt);
    }

    /** Plays the phrase now, in real time; returns when its last key came up. */
    private static long play(NoteSequence phrase, Receiver keys) throws Exception {
        long start = System.nanoTime();
        long lastUp = start;
        for (var note : phrase.notes()) {
            long on = start + Math.round(phrase.tempoMap().seconds(note.startTick()) * 1e9);
            long off = start + Math.round(phrase.tempoMap().seconds(note.endTick()) * 1e9);
            sleepUntil(on);
            keys.send(new ShortMessage(ShortMessage.NOTE_ON, 0, note.pitch(), note.velocity()), -1);
            sleepUntil(off);
            keys.send(new ShortMessage(ShortMessage.NOTE_OFF, 0, note.pitch(), 0), -1);
            lastUp = System.nanoTime();
        }
        return lastUp;
    }

    /** 6 to 10 notes of a C-major random walk, 150 ms apart and 110 ms long, as a call at 120 bpm. */
    private static NoteSequence phrase(Random random) {
        int[] scale = {0, 2, 4, 5, 7, 9, 11};
        var builder = NoteSequence.builder(480).tempoBpm(0, 120);
        int degree = 7 + random.nextInt(7);
        int notes = 6 + random.nextInt(5);
        for (int i = 0; i < notes; i++) {
            degree = Math.max(0, Math.min(20, degree + random.nextInt(5) - 2));
            int pitch = 48 + 12 * (degree / 7) + scale[degree % 7];
            builder.note(pitch, 70 + random.nextInt(40), 144L * i, 106);
        }
        return builder.build();
    }

    private static void sleepUntil(long nanos) {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(left, 1_000_000L));
        }
    }

    private static String line(String kind, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "%s %d %.3f %.3f %.3f", kind, sorted.length, quantile(sorted, 0.5) / 1e6,
                quantile(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static long quantile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
