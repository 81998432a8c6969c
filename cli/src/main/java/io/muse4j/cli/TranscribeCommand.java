package io.muse4j.cli;

import io.muse4j.audio.signal.AudioReader;
import io.muse4j.audio.signal.MonoAudio;
import io.muse4j.audio.transcription.PitchTracker;
import io.muse4j.audio.transcription.Transcriber;
import io.muse4j.audio.transcription.TranscriptionSettings;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.midi.MidiWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Transcribes monophonic audio to a MIDI file. */
@Command(name = "transcribe", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Transcribe a monophonic WAV or AIFF recording (one note at a time) to a MIDI file: pitch by "
                + "YIN, notes cut at onsets and changes of pitch, velocity from loudness.",
                "Prints the file written."})
final class TranscribeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "IN.wav", description = "WAV or AIFF file.")
    Path input;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT.mid", description = "MIDI file to write.")
    Path out;

    @Option(names = "--min-note-ms", defaultValue = "60", paramLabel = "MS",
            description = "Drop notes shorter than this (default: ${DEFAULT-VALUE}).")
    double minNoteMs;

    @Option(names = "--pitch-tracker", defaultValue = "fft_yin", paramLabel = "yin|fft_yin",
            description = "YIN summed directly, or through FFTs (the same pitches, faster; default: ${DEFAULT-VALUE}).")
    PitchTracker tracker;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TranscriptionSettings settings;
        try {
            settings = new TranscriptionSettings(tracker, minNoteMs / 1000);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--min-note-ms " + minNoteMs + " outside "
                    + Math.round(TranscriptionSettings.MIN_NOTE_LOWER * 1000) + ".."
                    + Math.round(TranscriptionSettings.MIN_NOTE_UPPER * 1000));
        }
        MonoAudio audio = AudioReader.read(input);
        long start = System.nanoTime();
        NoteSequence seq = new Transcriber(settings).transcribe(audio);
        double wall = (System.nanoTime() - start) / 1e9;
        MidiWriter.write(seq, out);
        spec.commandLine().getErr().printf(Locale.ROOT, "muse4j: %s: %d notes from %.1f s of audio in %.2f s "
                + "(%.0fx real time)%n", out, seq.notes().size(), audio.seconds(), wall, audio.seconds() / wall);
        spec.commandLine().getErr().flush();
        spec.commandLine().getOut().println(out);
        return 0;
    }
}
