package io.muse4j.models.training;

import io.muse4j.core.token.ChoraleParts;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.corpora.FourPartChorales;
import io.muse4j.corpora.Splits;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A four-part chorale corpus (one track per part, soprano first) split for training on its grid, as the chorale
 * kinds take it: the training chorales in every transposition asked for, and the validation chorales in their keys.
 *
 * @param stepsPerQuarter the grid
 * @param splits the pieces as split
 * @param train the training chorales' rolls, each in every transposition
 * @param valid the validation chorales' rolls
 */
public record ChoraleData(int stepsPerQuarter, Splits splits, List<VoiceRoll> train, List<VoiceRoll> valid) {
    /** The data's chorales, split ({@link TrainingRun#split}) and transposed; refuses a corpus with none to train. */
    public static ChoraleData load(TrainingRequest.Data data, long seed, PrintStream log) throws IOException {
        int stepsPerQuarter = data.rolls().grid().stepsPerQuarter();
        Splits splits = TrainingRun.split(data, seed, log);
        List<VoiceRoll> train = new ArrayList<>();
        for (VoiceRoll roll : FourPartChorales.rolls(splits.train(), stepsPerQuarter)) {
            for (int t = -data.transpose(); t <= data.transpose(); t++) {
                train.add(roll.transposed(t));
            }
        }
        if (train.isEmpty()) {
            throw new IllegalArgumentException(data.corpus() + ": no chorales to train on");
        }
        return new ChoraleData(stepsPerQuarter, splits, List.copyOf(train),
                FourPartChorales.rolls(splits.valid(), stepsPerQuarter));
    }

    /** The parts' ranges over the training chorales. */
    public ChoraleParts parts() {
        return ChoraleParts.spanning(train);
    }
}
