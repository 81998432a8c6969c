package io.muse4j.audio.transcription;

import io.muse4j.audio.SoundFont;
import io.muse4j.audio.WavRenderer;
import io.muse4j.audio.signal.AudioReader;
import io.muse4j.audio.signal.MonoAudio;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.testing.SharedCorpora;
import io.muse4j.core.transform.Slicing;
import io.muse4j.midi.MidiReader;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transcription of music nobody here wrote: 50 folk melodies rendered with two sets of sounds, transcribed, and
 * scored note by note (same pitch, onset within 50 ms, each reference note matched once).
 */
@Tag("slow") // renders and transcribes whole tunes: ~9 s
class TranscriptionAccuracyTest {
    static final int MELODIES = 50;
    /** Each melody's first 20 seconds (the median tune lasts 36 s), to keep the test to about half a minute. */
    static final double SECONDS = 20;
    static final double TOLERANCE = 0.05;
    static final double REQUIRED_F1 = 0.9;

    @TempDir
    Path dir;

    @Test
    void fluidR3() throws Exception {
        if (!Files.exists(SoundFont.DEBIAN_GM)) {
            String message = SoundFont.DEBIAN_GM + " is missing (apt-get install fluid-soundfont-gm; .ci/run does)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        assertAccurate(SoundFont.load(SoundFont.DEBIAN_GM));
    }

    @Test
    void builtInSounds() throws Exception {
        assertAccurate(SoundFont.builtIn());
    }

    private void assertAccurate(SoundFont sounds) throws Exception {
        List<NoteSequence> melodies = melodies();
        WavRenderer renderer = new WavRenderer(sounds);
        Transcriber transcriber = new Transcriber(TranscriptionSettings.DEFAULT);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(2, Runtime.getRuntime().availableProcessors()));
        long start = System.nanoTime();
        try {
            List<Future<NoteMatching.Score>> scores = new ArrayList<>();
            for (int i = 0; i < melodies.size(); i++) {
                NoteSequence reference = melodies.get(i);
                Path wav = dir.resolve("melody-" + i + ".wav");
                scores.add(pool.submit(() -> {
                    renderer.render(reference, wav);
                    MonoAudio audio = AudioReader.read(wav);
                    Files.delete(wav);
                    return NoteMatching.score(reference, transcriber.transcribe(audio), TOLERANCE);
                }));
            }
            NoteMatching.Score total = new NoteMatching.Score(0, 0, 0);
            for (Future<NoteMatching.Score> s : scores) {
                total = total.plus(s.get());
            }
            System.out.printf(Locale.ROOT, "transcription of %d folk melodies (%.0f s each) with %s: precision %.4f, "
                            + "recall %.4f, F1 %.4f (%d of %d notes, %d transcribed) in %.1f s%n", melodies.size(),
                    SECONDS, sounds.name(), total.precision(), total.recall(), total.f1(), total.matched(),
                    total.reference(), total.estimated(), (System.nanoTime() - start) / 1e9);
            assertTrue(total.f1() >= REQUIRED_F1, sounds.name() + ": F1 " + total.f1() + " below " + REQUIRED_F1);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * 50 single-track tunes spread evenly over the corpus (the 91 files with a second, accompanying track of bass
     * and chords are left out: the transcriber hears one voice), each cut to its first {@link #SECONDS}.
     */
    static List<NoteSequence> melodies() throws Exception {
        List<NoteSequence> monophonic = new ArrayList<>();
        for (Path file : SharedCorpora.midiFiles("folk-abc/MIDI")) {
            NoteSequence seq = MidiReader.read(file).sequence();
            if (seq.notes().stream().mapToInt(Note::track).distinct().count() == 1) {
                monophonic.add(seq);
            }
        }
        assertTrue(monophonic.size() >= MELODIES, monophonic.size() + " single-track tunes");
        List<NoteSequence> chosen = new ArrayList<>();
        for (int i = 0; i < MELODIES; i++) {
            chosen.add(Slicing.sliceSeconds(monophonic.get(i * monophonic.size() / MELODIES), 0, SECONDS));
        }
        assertEquals(MELODIES, chosen.size());
        return chosen;
    }
}
