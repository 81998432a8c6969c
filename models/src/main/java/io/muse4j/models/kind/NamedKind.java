package io.muse4j.models.kind;

import java.util.List;

/**
 * What the kinds that train on scores rather than on an encoding share (the GANs, the chorale models): a name that
 * is also their model files' kind, a line of help and their own settings, each given once.
 */
public abstract class NamedKind implements ModelKind {
    private final String name;
    private final String summary;
    private final List<Setting> settings;

    /** A kind called {@code name} (also its model files' kind), with its settings in the order help lists them. */
    protected NamedKind(String name, String summary, List<Setting> settings) {
        this.name = name;
        this.summary = summary;
        this.settings = List.copyOf(settings);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final boolean reads(String fileKind) {
        return name.equals(fileKind);
    }

    @Override
    public final List<Setting> settings() {
        return settings;
    }

    @Override
    public final boolean takesEncoding() {
        return false;
    }
}
