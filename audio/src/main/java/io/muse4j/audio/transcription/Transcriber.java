package io.muse4j.audio.transcription;

import io.muse4j.audio.signal.MonoAudio;
import io.muse4j.audio.signal.Resampler;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoMap;

import java.util.List;

/**
 * Transcribes monophonic audio to notes: the audio is resampled to 22,050 Hz; each 11.6 ms frame gets a pitch from
 * YIN ({@link HarmonicCheck} undoing its subharmonic errors), a level and a spectral flux; onsets are flux peaks; {@link NoteSegmenter} cuts the frames into notes at
 * onsets and changes of pitch; each note's velocity follows its loudest level ({@link #velocity}). The score is at
 * 120 quarters per minute, 480 ticks a quarter (a tick is 1.04 ms). One transcriber may serve several threads.
 */
public final class Transcriber {
    /** Ticks per quarter of the transcribed score. */
    public static final int RESOLUTION = 480;

    private final TranscriptionSettings settings;

    public Transcriber(TranscriptionSettings settings) {
        this.settings = settings;
    }

    /** The notes played in {@code audio}, as one track on channel 0 with program 0. */
    public NoteSequence transcribe(MonoAudio audio) {
        float[] samples = Resampler.resample(audio, FrameFeatures.RATE).samples();
        FrameFeatures features = FrameFeatures.of(samples, settings.tracker());
        List<NoteSegmenter.Segment> segments = NoteSegmenter.segment(features, Onsets.pick(features.flux),
                settings.minNoteSeconds());
        NoteSequence empty = NoteSequence.builder(RESOLUTION).tempoBpm(0, 120).build();
        TempoMap tempo = empty.tempoMap();
        var builder = empty.toBuilder();
        for (NoteSegmenter.Segment s : segments) {
            long start = tempo.tick(s.start());
            long end = Math.max(start + 1, tempo.tick(s.end()));
            builder.note(Note.of(s.pitch(), velocity(s.peakDb()), start, end - start));
        }
        return builder.build();
    }

    /**
     * The velocity of a note whose loudest 23 ms reached {@code peakDb} dB RMS relative to full scale: linear in
     * decibels from 1 at -60 dB to 127 at 0 dB, so twice as loud (+6 dB) is 13 steps more.
     */
    public static int velocity(double peakDb) {
        return (int) Math.max(1, Math.min(127, Math.round(127 * (1 + peakDb / 60))));
    }
}
