import io.muse4j.core.score.NoteSequence;
import io.muse4j.midi.MidiReader;
import io.muse4j.midi.kern.KernReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reading speed of the 370 Bach chorales as **kern (repeats played, and as written) and as their MIDI versions, side
 * by side in one run: ROUNDS rounds after one warm-up, files a second for each. Usage: KernBench CHORALES [ROUNDS]
 * (CHORALES: the bach-chorales folder, with kern/ and midi/; default 5 rounds).
 */
public class KernBench {
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Path> kern;
        List<Path> midi;
        try (Stream<Path> k = Files.list(folder.resolve("kern")); Stream<Path> m = Files.list(folder.resolve("midi"))) {
            kern = k.sorted().toList();
            midi = m.sorted().toList();
        }
        double played = 0;
        double written = 0;
        double midiRate = 0;
        for (int round = 0; round <= rounds; round++) {
            double p = rate(kern, f -> KernReader.read(f));
            double w = rate(kern, f -> KernReader.read(f, KernReader.Order.WRITTEN));
            double m = rate(midi, f -> MidiReader.read(f).sequence());
            if (round > 0) {
                played += p / rounds;
                written += w / rounds;
                midiRate += m / rounds;
            }
        }
        System.out.printf(Locale.ROOT, "%d kern files: %.0f files/s (repeats played), %.0f files/s (as written); "
                + "%d MIDI files: %.0f files/s; kern as written / MIDI %.2fx%n", kern.size(), played, written,
                midi.size(), midiRate, written / midiRate);
    }

    interface Reader {
        NoteSequence read(Path file) throws Exception;
    }

    static double rate(List<Path> files, Reader reader) throws Exception {
        long start = System.nanoTime();
        long notes = 0;
        for (Path file : files) {
            notes += reader.read(file).notes().size();
        }
        if (notes == 0) {
            throw new IllegalStateException("no notes read");
        }
        return files.size() / ((System.nanoTime() - start) / 1e9);
    }
}
