package io.muse4j.models.gan;

import io.muse4j.models.training.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Watches a GAN's measures and warns, on the progress output, of the two usual failures: a discriminator that
 * judges every sequence right for a long stretch (the generator then learns little from it), and generated
 * samples that collapse to near-duplicates (mode collapse). Each warning is given once per stretch.
 */
public final class GanMonitor implements TrainingListener {
    /** Steps in a row that make a long stretch, by default. */
    public static final int STRETCH = 100;
    /** A batch in which fewer than this share of samples are distinct counts as collapsed. */
    static final double COLLAPSED = 0.5;

    private final PrintStream out;
    private final int stretch;
    private final boolean live;
    private int perfectSteps;
    private int collapsedSteps;

    /**
     * A monitor writing to {@code out}, warning after {@code stretch} steps in a row; {@code live} when {@code out}
     * is a terminal that a progress bar redraws (the warning then starts on a line of its own).
     */
    public GanMonitor(PrintStream out, int stretch, boolean live) {
        this.out = out;
        this.stretch = stretch;
        this.live = live;
    }

    @Override
    public void onMeasures(long step, Map<String, Double> measures) {
        Double accuracy = measures.get("d_accuracy");
        Double distinct = measures.get("distinct");
        perfectSteps = accuracy != null && accuracy >= 1 ? perfectSteps + 1 : 0;
        collapsedSteps = distinct != null && distinct < COLLAPSED ? collapsedSteps + 1 : 0;
        if (perfectSteps == stretch) {
            warn(String.format(Locale.ROOT, "step %d: the discriminator has judged every sequence right for %d steps "
                    + "(D(x) %.3f, D(G(z)) %.3f): the generator learns little; try a lower --d-lr, fewer --d-steps "
                    + "or a larger --freeze-ratio", step + 1, stretch, measures.getOrDefault("d_real", Double.NaN),
                    measures.getOrDefault("d_fake", Double.NaN)));
        }
        if (collapsedSteps == stretch) {
            warn(String.format(Locale.ROOT, "step %d: the samples have collapsed: fewer than %.0f%% of each batch's "
                    + "samples were distinct for %d steps (%.0f%% now): mode collapse", step + 1, 100 * COLLAPSED,
                    stretch, 100 * distinct));
        }
    }

    private void warn(String message) {
        out.println((live ? "\n" : "") + "warning: " + message);
        out.flush();
    }
}
