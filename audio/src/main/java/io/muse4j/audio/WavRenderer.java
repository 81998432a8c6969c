package io.muse4j.audio;

import com.sun.media.sound.AudioSynthesizer;
import com.sun.media.sound.SoftSynthesizer;
import io.muse4j.core.io.AtomicFiles;
import io.muse4j.core.score.NoteSequence;

import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Soundbank;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Renders scores offline to WAV (44.1 kHz, 16-bit, stereo) with Gervill, the JDK's software synthesizer; no sound
 * card is involved. Every MIDI event is queued with its time from the tempo map before the synthesizer's stream is
 * read, so tempo changes, programs, drums, velocities and the sustain pedal all sound as a player would play them.
 *
 * <p>A render lasts at most {@link #MAX_SECONDS} (6 hours, 3.8 GB): a WAV file's sizes are 32-bit, so past 4 GiB
 * players would read a wrong length. A program the SoundFont lacks is played with the built-in sounds and
 * {@link #soundFont()}'s name says so.
 */
public final class WavRenderer {
    /** 44.1 kHz, 16-bit signed little-endian, stereo. */
    public static final AudioFormat FORMAT = new AudioFormat(44_100f, 16, 2, true, false);
    /** Audio kept after the last note ends, for its release and the reverb to die away. */
    public static final double RELEASE_SECONDS = 1.0;
    /** Voices sounding at once; Gervill's default of 64 steals notes in pedalled piano music. */
    private static final int MAX_POLYPHONY = 256;
    /** The longest render, music and release together: 6 hours, 3.8 GB of WAV, below the format's 4 GiB. */
    public static final double MAX_SECONDS = 6 * 3600;

    private final SoundFont soundFont;
    /** What the last render took from the built-in sounds, "" for nothing. */
    private volatile String substituted = "";

    /** A renderer playing the given sounds. */
    public WavRenderer(SoundFont soundFont) {
        this.soundFont = soundFont;
    }

    /**
     * The sounds it plays, named for what the last render played: the SoundFont's name, followed by the programs
     * it lacked and took from the built-in sounds, if any ("MySet.sf2 (program 40 from the built-in sounds)").
     */
    public SoundFont soundFont() {
        String s = substituted;
        return s.isEmpty() ? soundFont : soundFont.named(soundFont.name() + " (" + s + ")");
    }

    /** The length of the audio rendered for {@code seq}: its duration plus {@link #RELEASE_SECONDS}, in frames. */
    public static long frames(NoteSequence seq) {
        return Math.round((seq.durationSeconds() + RELEASE_SECONDS) * FORMAT.getFrameRate());
    }

    /**
     * Renders {@code seq} to a WAV file, written atomically (no temporary file is left behind, even when the JVM
     * is killed). Fails with {@link IllegalArgumentException} naming the file when the audio would last more than
     * {@link #MAX_SECONDS}.
     */
    public void render(NoteSequence seq, Path wav) throws IOException {
        double seconds = frames(seq) / (double) FORMAT.getFrameRate();
        if (seconds > MAX_SECONDS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: the audio would last %.1f hours, "
                    + "longer than the %.0f hours a render may last (a WAV file holds at most 4 GiB)", wav,
                    seconds / 3600, MAX_SECONDS / 3600));
        }
        substituted = "";
        AudioSynthesizer synth = new SoftSynthesizer();
        try {
            AudioInputStream audio = start(synth, seq);
            AtomicFiles.write(wav, out -> AudioSystem.write(audio, AudioFileFormat.Type.WAVE, out));
        } finally {
            synth.close();
        }
    }

    /** Opens {@code synth} as a stream, loads the sounds, queues every event and returns the bounded stream. */
    private AudioInputStream start(AudioSynthesizer synth, NoteSequence seq) throws IOException {
        AudioInputStream stream;
        Receiver receiver;
        try {
            stream = synth.openStream(FORMAT, Map.of("load default soundbank", soundFont.isBuiltIn(),
                    "max polyphony", MAX_POLYPHONY));
            receiver = synth.getReceiver();
        } catch (MidiUnavailableException e) {
            throw new IOException("the JDK's synthesizer (Gervill) cannot be opened: " + e.getMessage(), e);
        }
        Soundbank[] fallback = new Soundbank[1];
        substituted = soundFont.loadInto(synth, TimedEvents.programs(seq, false), TimedEvents.programs(seq, true),
                () -> fallback[0] != null ? fallback[0] : (fallback[0] = synth.getDefaultSoundbank()));
        for (TimedEvents.Timed event : TimedEvents.of(seq)) {
            receiver.send(event.message(), event.micros());
        }
        return new AudioInputStream(stream, FORMAT, frames(seq));
    }
}
