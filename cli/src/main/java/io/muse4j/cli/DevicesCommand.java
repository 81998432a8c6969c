package io.muse4j.cli;

import io.muse4j.midi.live.LiveOutput;
import io.muse4j.midi.live.MidiPorts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Lists the MIDI ports 'muse4j live' can play from and to. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = {"List the MIDI inputs and outputs for 'muse4j live'.",
                "One line each: input or output, the name to give --in or --out, and the device's description."})
final class DevicesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (MidiPorts.Port port : MidiPorts.inputs()) {
            out.println("input\t" + port.name() + "\t" + port.description());
        }
        for (MidiPorts.Port port : MidiPorts.outputs()) {
            out.println("output\t" + port.name() + "\t" + port.description());
        }
        out.println("output\t" + LiveOutput.SYNTH + "\tthe built-in software synthesizer (needs a sound card)");
        out.println("output\t" + LiveOutput.NONE + "\tnowhere: record the session only");
        if (MidiPorts.inputs().isEmpty()) {
            spec.commandLine().getErr().println("muse4j devices: no MIDI input found; connect a keyboard, or play a "
                    + "file with 'muse4j live --in-file CALL.mid'");
        }
        return 0;
    }
}
