package io.muse4j.audio.transcription;

import io.muse4j.audio.signal.MonoAudio;
import io.muse4j.audio.signal.SyntheticAudio;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoMap;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranscriberTest {
    private static final int[] PITCHES = {60, 62, 64, 64, 67, 72, 71, 69, 69, 65, 60, 48, 84};
    private static final double NOTE = 0.2;
    private static final double LEAD = 0.3;

    private static double[] constant(int n, double amplitude) {
        double[] a = new double[n];
        Arrays.fill(a, amplitude);
        return a;
    }

    @Test
    void aMelodyOfPluckedTonesComesBackNoteForNote() {
        MonoAudio audio = SyntheticAudio.melody(PITCHES, constant(PITCHES.length, 0.5), NOTE, LEAD, 44_100);
        for (PitchTracker tracker : PitchTracker.values()) {
            NoteSequence seq = new Transcriber(new TranscriptionSettings(tracker, 0.06)).transcribe(audio);
            List<Note> notes = seq.notes();
            assertEquals(PITCHES.length, notes.size(), tracker + ": " + notes);
            TempoMap tempo = seq.tempoMap();
            for (int i = 0; i < PITCHES.length; i++) {
                Note n = notes.get(i);
                String what = tracker + " note " + i + ": " + n;
                assertEquals(PITCHES[i], n.pitch(), what);
                assertEquals(LEAD + i * NOTE, tempo.seconds(n.startTick()), 0.015, what + " onset");
                double seconds = tempo.seconds(n.endTick()) - tempo.seconds(n.startTick());
                assertEquals(NOTE, seconds, 0.03, what + " length");
            }
        }
    }

    @Test
    void louderNotesGetHigherVelocities() {
        double[] amplitudes = {0.05, 0.1, 0.2, 0.4, 0.8};
        int[] pitches = {67, 67, 67, 67, 67};
        NoteSequence seq = new Transcriber(TranscriptionSettings.DEFAULT)
                .transcribe(SyntheticAudio.melody(pitches, amplitudes, 0.25, 0.2, 22_050));
        assertEquals(5, seq.notes().size(), "repeated notes are told apart by their onsets: " + seq.notes());
        for (int i = 1; i < 5; i++) {
            int step = seq.notes().get(i).velocity() - seq.notes().get(i - 1).velocity();
            assertEquals(13, step, 2, "twice as loud is 6 dB, 13 velocity steps: " + seq.notes());
        }
        assertEquals(127, Transcriber.velocity(0));
        assertEquals(1, Transcriber.velocity(-60));
        assertEquals(1, Transcriber.velocity(-200));
        assertEquals(64, Transcriber.velocity(-30));
    }

    @Test
    void notesShorterThanTheMinimumAreDropped() {
        // a 40 ms grace note before the second long note
        int rate = 22_050;
        MonoAudio a = SyntheticAudio.melody(new int[] {64}, new double[] {0.5}, 0.3, 0.2, rate);
        MonoAudio grace = SyntheticAudio.melody(new int[] {67}, new double[] {0.5}, 0.04, 0, rate);
        MonoAudio b = SyntheticAudio.melody(new int[] {64}, new double[] {0.5}, 0.3, 0.2, rate);
        MonoAudio audio = concat(a.slice(0, a.length() - rate / 5), grace, b.slice(rate / 5, b.length()));
        NoteSequence defaults = new Transcriber(TranscriptionSettings.DEFAULT).transcribe(audio);
        assertEquals(List.of(64, 64), defaults.notes().stream().map(Note::pitch).toList(), "60 ms minimum");
        NoteSequence keen = new Transcriber(new TranscriptionSettings(PitchTracker.FFT_YIN, 0.02)).transcribe(audio);
        assertEquals(List.of(64, 67, 64), keen.notes().stream().map(Note::pitch).toList(), "20 ms minimum");
    }

    @Test
    void aSlurWithoutAnOnsetStillStartsANote() {
        // one sine stepping from A4 to B4 with no change of level or phase: nothing for the flux to find
        int rate = 22_050;
        float[] x = new float[rate * 2];
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            double hz = i < rate ? 440 : SyntheticAudio.hz(71);
            phase += 2 * Math.PI * hz / rate;
            double fade = Math.min(1, Math.min(i, x.length - i) / (0.01 * rate));
            x[i] = (float) (0.5 * fade * Math.sin(phase));
        }
        NoteSequence seq = new Transcriber(TranscriptionSettings.DEFAULT).transcribe(new MonoAudio(x, rate));
        assertEquals(List.of(69, 71), seq.notes().stream().map(Note::pitch).toList(), seq.notes().toString());
        assertEquals(1.0, seq.tempoMap().seconds(seq.notes().get(1).startTick()), 0.05);
    }

    @Test
    void silenceGivesNoNotes() {
        NoteSequence seq = new Transcriber(TranscriptionSettings.DEFAULT).transcribe(new MonoAudio(new float[22_050], 22_050));
        assertEquals(0, seq.notes().size());
        assertEquals(Transcriber.RESOLUTION, seq.resolution());
    }

    @Test
    void settingsAreChecked() {
        assertEquals("minimum note length 0.0 s outside 0.01..2.0", assertThrows(IllegalArgumentException.class,
                () -> new TranscriptionSettings(PitchTracker.YIN, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TranscriptionSettings(null, 0.06));
    }

    private static MonoAudio concat(MonoAudio... parts) {
        int n = Arrays.stream(parts).mapToInt(MonoAudio::length).sum();
        float[] x = new float[n];
        int at = 0;
        for (MonoAudio p : parts) {
            System.arraycopy(p.samples(), 0, x, at, p.length());
            at += p.length();
        }
        assertTrue(n > 0);
        return new MonoAudio(x, parts[0].sampleRate());
    }
}
