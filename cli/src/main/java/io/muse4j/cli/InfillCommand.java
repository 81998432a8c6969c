package io.muse4j.cli;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.ChoraleParts;
import io.muse4j.midi.ScoreFiles;
import io.muse4j.models.kind.Infill;
import io.muse4j.models.kind.InfillRequest;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.sampling.GenerationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** Regenerates some bars of some voices of a piece and keeps the rest. */
@Command(name = "infill", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Regenerate bars of a piece, in all its voices or some, and keep every other note exactly.",
                "The piece is a MIDI or ABC file whose voices are its pitched tracks, in order; the bundled model "
                        + "regenerates four-part chorales (soprano, alto, tenor, bass), in any key; a melody model "
                        + "(--model folk-lstm-2025) one voice of a tune. A note of a chosen voice that crosses the "
                        + "span's edge keeps its part outside the span.",
                "Bars count from 1, the first bar of the file (a pickup included). The same seed gives the same "
                        + "file. Prints the file written."})
final class InfillCommand implements Callable<Integer> {
    /** The bundled regeneration model. */
    static final String DEFAULT_MODEL = "regenerator";
    /** The temperature notes are drawn at unless told (BENCHMARKS.md, "Regenerating"). */
    static final double DEFAULT_TEMPERATURE = 0.7;

    @Parameters(index = "0", paramLabel = "PIECE.mid", description = "The piece: MIDI, or ABC.")
    Path piece;

    @Option(names = "--bars", required = true, paramLabel = "FIRST-LAST",
            description = "The bars to regenerate, such as 5-8, or one bar, such as 5.")
    String bars;

    @Option(names = "--voices", paramLabel = "VOICE,...", split = ",", description = "The voices to regenerate: "
            + "soprano, alto, tenor, bass, or numbers from 1 (default: all).")
    List<String> voices;

    @Option(names = "--model", defaultValue = DEFAULT_MODEL, paramLabel = "MODEL",
            description = "A deepbach or anticipation model file, the bundled ${DEFAULT-VALUE} (default), or for a "
                    + "melody a token model in the melody encoding, such as the bundled folk-lstm-2025, with one of "
                    + "--voices.")
    String model;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT.mid",
            description = "File to write: MIDI, or ABC when it ends in .abc.")
    Path out;

    @Option(names = "--no-rules", description = "Write the notes as the model draws them, parallel fifths and octaves, "
            + "crossings and wide spacing included (by default a note that makes them is drawn again).")
    boolean noRules;

    @Mixin
    SamplingOptions sampling;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        GenerationRequest.Sampling controls = sampling.controls(DEFAULT_TEMPERATURE);
        sampling.sampler(0); // fails early on bad sampling settings
        int[] span = span(bars);
        List<NoteSequence> scores = ScoreFiles.read(piece);
        if (scores.isEmpty()) {
            throw new UsageException(piece + ": holds no ABC tune");
        }
        NoteSequence score = scores.get(0);
        long lastTick = score.notes().stream().mapToLong(Note::endTick).max().orElse(0);
        if (lastTick == 0) {
            throw new IllegalArgumentException(piece + ": holds no notes");
        }
        long[] starts = score.bars().starts(Math.max(0, lastTick - 1));
        if (span[1] > starts.length) {
            throw new UsageException(String.format(Locale.ROOT, "--bars %s: %s has %d bars", bars, piece,
                    starts.length));
        }
        long from = starts[span[0] - 1];
        long to = span[1] < starts.length ? starts[span[1]] : Math.max(lastTick, from + 1);
        Set<Integer> chosen = voices(voices, (int) score.notes().stream().filter(n -> !n.drum()).mapToInt(Note::track)
                .distinct().count());
        SavedModel saved = Models.load(model);
        NoteSequence result;
        try {
            result = Infill.of(saved, score, new InfillRequest(from, to, chosen, controls, !noRules));
        } catch (RequestException e) {
            throw e; // about the model or an option, not the piece
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(piece + ": " + e.getMessage(), e);
        }
        ScoreFiles.writeAbcOrMidi(result, out);
        spec.commandLine().getOut().println(out);
        return 0;
    }

    /** First and last bar, from 1, of "5-8" or "5"; anything else is a usage error. */
    static int[] span(String bars) {
        String[] ends = bars.trim().split("-", -1);
        try {
            int first = Integer.parseInt(ends[0].trim());
            int last = ends.length == 1 ? first : Integer.parseInt(ends[1].trim());
            if (ends.length <= 2 && first >= 1 && last >= first) {
                return new int[] {first, last};
            }
        } catch (NumberFormatException e) {
            // falls through to the usage error
        }
        throw new UsageException("--bars " + bars + ": give bars from 1 as FIRST-LAST (such as 5-8) or one bar");
    }

    /** The voices named, as indices from 0; all of the piece's {@code count} when none were named. */
    static Set<Integer> voices(List<String> names, int count) {
        Set<Integer> chosen = new TreeSet<>();
        if (names == null) {
            for (int v = 0; v < count; v++) {
                chosen.add(v);
            }
            return chosen;
        }
        for (String name : names) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            int index = ChoraleParts.NAMES.indexOf(wanted);
            if (index < 0) {
                try {
                    index = Integer.parseInt(wanted) - 1;
                } catch (NumberFormatException e) {
                    index = -1;
                }
            }
            if (index < 0) {
                throw new UsageException("--voices " + name + ": name soprano, alto, tenor or bass, or a number "
                        + "from 1");
            }
            chosen.add(index);
        }
        return chosen;
    }
}
