package io.muse4j.cli;

import io.muse4j.midi.live.MidiPorts;

import javax.sound.midi.MidiDevice;
import javax.sound.midi.Receiver;

/** Where 'muse4j live' plays: a MIDI port, the built-in synthesizer, or nowhere. Close it to let the device go. */
final class LiveOutput implements AutoCloseable {
    static final String SYNTH = "synth";
    static final String NONE = "none";
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

    /** Opens the output a user named with --out. */
    static LiveOutput open(String name) {
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
    boolean silent() {
        return receiver == null;
    }

    String name() {
        return name;
    }

    /** The MIDI port, or null for the synthesizer and for nowhere. */
    MidiPorts.Port port() {
        return port;
    }

    /** Where the notes go, or null for nowhere. */
    Receiver receiver() {
        return receiver;
    }

    @Override
    public void close() {
        if (device != null) {
            device.close();
        }
    }
}
