package io.muse4j.midi.live;

import javax.sound.midi.MidiDevice;
import javax.sound.midi.Receiver;

/** Where a live session plays: a MIDI port, the built-in synthesizer, or nowhere. Close it to let the device go. */
public final class LiveOutput implements AutoCloseable {
    /** The name that picks the built-in synthesizer. */
    public static final String SYNTH = "synth";
    /** The name that picks nowhere: the session is only recorded. */
    public static final String NONE = "none";
    private final String name;
    private final MidiPorts.Port port;
    private final MidiDevice device;
    private final Receiver receiver;

    private LiveOutput(String name, MidiPorts.Port port, MidiDevice device, Receiver receiver) {
        this.name = name;
        this.port = port;
        this.device = device;
        this.receiver = receiver;
    }

    /** Opens the output a user named: a port, {@link #SYNTH} or {@link #NONE} (either in any case). */
    public static LiveOutput open(String name) {
        if (NONE.equalsIgnoreCase(name)) {
            return new LiveOutput(NONE, null, null, null);
        }
        if (SYNTH.equalsIgnoreCase(name)) {
            MidiDevice synth = MidiPorts.openSynthesizer();
            return new LiveOutput("the built-in synthesizer", null, synth, receiver(synth, "the built-in synthesizer"));
        }
        MidiPorts.Port port = MidiPorts.output(name);
        MidiDevice device = MidiPorts.openOutput(port);
        return new LiveOutput(port.name(), port, device, receiver(device, port.label()));
    }

    private static Receiver receiver(MidiDevice device, String label) {
        try {
            return MidiPorts.receiver(device, label);
        } catch (RuntimeException e) {
            device.close();
            throw e;
        }
    }

    /** Whether anything is heard. */
    public boolean silent() {
        return receiver == null;
    }

    /** What the output is called in messages. */
    public String name() {
        return name;
    }

    /** The MIDI port, or null for the synthesizer and for nowhere. */
    public MidiPorts.Port port() {
        return port;
    }

    /** Where the notes go, or null for nowhere. */
    public Receiver receiver() {
        return receiver;
    }

    @Override
    public void close() {
        if (device != null) {
            device.close();
        }
    }
}
