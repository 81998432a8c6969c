package io.muse4j.corpora;

import io.muse4j.core.token.ChoraleParts;
import io.muse4j.core.token.VoiceRoll;

import java.util.ArrayList;
import java.util.List;

/** Corpus pieces read as four-part chorales: one track per part, soprano first (as {@code Jsb16thSeparated.json}). */
public final class FourPartChorales {
    private FourPartChorales() {
    }

    /** The pieces as four-voice rolls on a grid; a piece without exactly four pitched tracks is an error naming it. */
    public static List<VoiceRoll> rolls(List<CorpusItem> items, int stepsPerQuarter) {
        List<VoiceRoll> rolls = new ArrayList<>();
        for (CorpusItem item : items) {
            long tracks = item.score().notes().stream().filter(n -> !n.drum()).mapToInt(n -> n.track()).distinct()
                    .count();
            if (tracks != ChoraleParts.COUNT) {
                throw new IllegalArgumentException(item.name() + ": the chorale models train on four-part chorales, "
                        + "one track per part (such as Jsb16thSeparated.json), but this piece has " + tracks
                        + " tracks");
            }
            rolls.add(VoiceRoll.of(item.score(), ChoraleParts.COUNT, stepsPerQuarter));
        }
        return rolls;
    }
}
