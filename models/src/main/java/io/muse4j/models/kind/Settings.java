package io.muse4j.models.kind;

import java.util.HashMap;
import java.util.Map;

/** The values given for a kind's {@link Setting}s, by option name; an option not given holds its default. */
public final class Settings {
    private final Map<String, Object> values;

    /** Settings from values by option name (null for an optional setting left out). */
    public Settings(Map<String, ?> values) {
        this.values = new HashMap<>(values);
    }

    /** A whole-number setting's value. */
    public int integer(String name) {
        return ((Number) required(name)).intValue();
    }

    /** A long setting's value. */
    public long whole(String name) {
        return ((Number) required(name)).longValue();
    }

    /** A real-number setting's value. */
    public double real(String name) {
        return ((Number) required(name)).doubleValue();
    }

    /** A flag's value. */
    public boolean flag(String name) {
        return Boolean.TRUE.equals(value(name));
    }

    /** An optional whole-number setting's value, or {@code otherwise} when it was not given. */
    public int integer(String name, int otherwise) {
        Object v = value(name);
        return v == null ? otherwise : ((Number) v).intValue();
    }

    /** An optional real-number setting's value, or {@code otherwise} when it was not given. */
    public double real(String name, double otherwise) {
        Object v = value(name);
        return v == null ? otherwise : ((Number) v).doubleValue();
    }

    /** An enum setting's value. */
    public <E extends Enum<E>> E choice(String name, Class<E> type) {
        return type.cast(required(name));
    }

    private Object value(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("no setting " + name + " among " + values.keySet());
        }
        return values.get(name);
    }

    private Object required(String name) {
        Object v = value(name);
        if (v == null) {
            throw new IllegalArgumentException(name + " has no value");
        }
        return v;
    }
}
