package io.muse4j.audio;

import com.sun.media.sound.AudioSynthesizer;
import com.sun.media.sound.SoftSynthesizer;
import io.muse4j.core.io.AtomicFiles;
import io.muse4j.core.score.NoteSequence;

import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Renders scores offline to WAV (44.1 kHz, 16-bit, stereo) with Gervill, the JDK's software synthesizer; no sound
 * card is involved. Every MIDI event is queued with its time from the tempo map before the synthesizer's stream is
 * read, so tempo changes, programs, drums, velocities and the sustain pedal all sound as a player would play them.
 */
public final class WavRenderer {
    /** 44.1 kHz, 16-bit signed little-endian, stereo. */
    public static final AudioFormat FORMAT = new AudioFormat(44_100f, 16, 2, true, false);
    /** Audio kept after the last note ends, for its release and the reverb to die away. */
    public static final double RELEASE_SECONDS = 1.0;
    /** Voices sounding at once; Gervill's default of 64 steals notes in pedalled piano music. */
    private static final int MAX_POLYPHONY = 256;

    private final SoundFont soundFont;

    /** A renderer playing the given sounds. */
    public WavRenderer(SoundFont soundFont) {
        this.soundFont = soundFont;
    }

    /** The sounds it plays. */
    public SoundFont soundFont() {
        return soundFont;
    }

    /** The length of the audio rendered for {@code seq}: its duration plus {@link #RELEASE_SECONDS}, in frames. */
    public static long frames(NoteSequence seq) {
        return Math.round((seq.durationSeconds() + RELEASE_SECONDS) * FORMAT.getFrameRate());
    }

    /** Renders {@code seq} to a WAV file, written atomically. */
    public void render(NoteSequence seq, Path wav) throws IOException {
        AudioSynthesizer synth = new SoftSynthesizer();
        try {
            AudioInputStream audio = start(synth, seq);
            AtomicFiles.write(wav, file -> AudioSystem.write(audio, AudioFileFormat.Type.WAVE, file.toFile()));
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
        soundFont.loadInto(synth, TimedEvents.programs(seq, false), TimedEvents.programs(seq, true));
        for (TimedEvents.Timed event : TimedEvents.of(seq)) {
            receiver.send(event.message(), event.micros());
        }
        return new AudioInputStream(stream, FORMAT, frames(seq));
    }
}
