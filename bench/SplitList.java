import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.CorpusSplits;

import java.nio.file.Path;

/**
 * Prints the pieces of one split of a MIDI corpus, one absolute path a line, drawn as training draws it: {@code
 * SplitList CORPUS SPLIT [VALID_FRACTION [SEED]]} (defaults 0.1 and 1, the bundled model's). Benchmarks use it to
 * compare generated pieces with the held-out tunes only.
 */
public final class SplitList {
    public static void main(String[] args) throws Exception {
        PianoRollCodec rolls = new EncodingSpec.PianoRoll(4).codec();
        double fraction = args.length > 2 ? Double.parseDouble(args[2]) : 0.1;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        Path corpus = Path.of(args[0]);
        for (CorpusItem item : CorpusSplits.pieces(corpus, CorpusSplits.Split.valueOf(args[1].toUpperCase()), rolls,
                fraction, seed)) {
            System.out.println(Path.of(item.name()).toAbsolutePath().normalize());
        }
    }
}
