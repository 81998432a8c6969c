package io.muse4j.midi.abc;

import java.util.List;

/**
 * The tunes of one ABC file read while skipping bad ones.
 *
 * @param tunes the tunes that were read, in file order
 * @param failures one exception for each tune that could not be read, naming its X: number, line and reason
 */
public record AbcBook(List<AbcTune> tunes, List<AbcException> failures) {
    public AbcBook {
        tunes = List.copyOf(tunes);
        failures = List.copyOf(failures);
    }
}
