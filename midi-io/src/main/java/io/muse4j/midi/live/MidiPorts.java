package io.muse4j.midi.live;

import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequencer;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.Transmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The machine's MIDI ports (javax.sound.midi): keyboards and interfaces to play from, ports and synthesizers to
 * play to. The JDK's own sequencer is left out; its software synthesizer is offered as an output by itself.
 */
public final class MidiPorts {
    private MidiPorts() {
    }

    /**
     * A port.
     *
     * @param name what a user types to choose it
     * @param description the maker's description
     * @param input whether it sends MIDI to us (a keyboard) rather than receives it
     */
    public record Port(String name, String description, boolean input, MidiDevice.Info info) {
        /** "MIDI input 'name'" or "MIDI output 'name'", for messages. */
        public String label() {
            return (input ? "MIDI input '" : "MIDI output '") + name + "'";
        }
    }

    /** The ports that send MIDI: keyboards and interfaces. */
    public static List<Port> inputs() {
        return ports(true);
    }

    /** The hardware and virtual ports that receive MIDI (the software synthesizer is not among them). */
    public static List<Port> outputs() {
        return ports(false);
    }

    /** The input named {@code name}: exactly (ignoring case), or else the only one whose name contains it. */
    public static Port input(String name) {
        return find(inputs(), name, "input");
    }

    /** The output named {@code name}: exactly (ignoring case), or else the only one whose name contains it. */
    public static Port output(String name) {
        return find(outputs(), name, "output");
    }

    /** Whether the port is still plugged in. */
    public static boolean present(Port port) {
        return ports(port.input()).stream().anyMatch(p -> p.name().equals(port.name())
                && p.description().equals(port.description()));
    }

    /** Opens an input and hands its MIDI to {@code receiver}; close the returned device when done. */
    public static MidiDevice listen(Port port, Receiver receiver) {
        MidiDevice device = open(port);
        try {
            Transmitter transmitter = device.getTransmitter();
            transmitter.setReceiver(receiver);
            return device;
        } catch (MidiUnavailableException e) {
            device.close();
            throw new LiveDeviceException(port.label() + " cannot send: " + e.getMessage(), e);
        }
    }

    /** Opens an output; close the device when done. */
    public static MidiDevice openOutput(Port port) {
        return open(port);
    }

    /** The receiver of an open output, {@code label} naming it in errors. */
    public static Receiver receiver(MidiDevice device, String label) {
        try {
            return device.getReceiver();
        } catch (MidiUnavailableException e) {
            throw new LiveDeviceException(label + " cannot receive: " + e.getMessage(), e);
        }
    }

    /** Opens the JDK's software synthesizer (Gervill), which needs a sound card. */
    public static Synthesizer openSynthesizer() {
        try {
            Synthesizer synthesizer = MidiSystem.getSynthesizer();
            synthesizer.open();
            return synthesizer;
        } catch (MidiUnavailableException | IllegalArgumentException e) {
            throw new LiveDeviceException("the built-in synthesizer cannot play here (" + e.getMessage()
                    + "): is there a sound card? --out none records without sound", e);
        }
    }

    private static MidiDevice open(Port port) {
        try {
            MidiDevice device = MidiSystem.getMidiDevice(port.info());
            device.open();
            return device;
        } catch (MidiUnavailableException | IllegalArgumentException e) {
            throw new LiveDeviceException(port.label() + " cannot be opened: " + e.getMessage(), e);
        }
    }

    private static Port find(List<Port> ports, String name, String role) {
        List<Port> matches = ports.stream().filter(p -> p.name().equalsIgnoreCase(name)).toList();
        if (matches.isEmpty()) {
            String lower = name.toLowerCase(Locale.ROOT);
            matches = ports.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).contains(lower)).toList();
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        List<String> names = (matches.isEmpty() ? ports : matches).stream().map(p -> "'" + p.name() + "'").toList();
        String known = names.isEmpty() ? "there are none" : String.join(", ", names);
        throw new LiveDeviceException(matches.isEmpty()
                ? "no MIDI " + role + " named '" + name + "' (" + role + "s: " + known + "; see 'muse4j devices')"
                : "MIDI " + role + " '" + name + "' is ambiguous: " + known);
    }

    private static List<Port> ports(boolean input) {
        List<Port> ports = new ArrayList<>();
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            try {
                MidiDevice device = MidiSystem.getMidiDevice(info);
                if (device instanceof Sequencer || device instanceof Synthesizer) {
                    continue;
                }
                int ends = input ? device.getMaxTransmitters() : device.getMaxReceivers();
                if (ends != 0) {
                    ports.add(new Port(info.getName(), info.getDescription(), input, info));
                }
            } catch (MidiUnavailableException e) {
                // a device that vanished while we looked is not there
            }
        }
        return ports;
    }
}
