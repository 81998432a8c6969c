package io.muse4j.models.kind;

import java.util.Objects;

/**
 * A training option that one kind of model takes, declared once by that kind, such as {@code --heads} of a
 * transformer. Commands offer exactly the settings of the kind asked for, so another kind's option is refused.
 *
 * @param name the option as typed, with its dashes
 * @param type Integer, Double, Long, Boolean (a flag, false unless given), String or an enum
 * @param defaultValue the value when the option is not given, as typed; null when it has none (see description)
 * @param description one line for help
 */
public record Setting(String name, Class<?> type, String defaultValue, String description) {
    public Setting {
        Objects.requireNonNull(type, "type");
        if (!name.startsWith("--")) {
            throw new IllegalArgumentException("setting '" + name + "' must start with --");
        }
    }

    /** A whole-number setting. */
    public static Setting integer(String name, int defaultValue, String description) {
        return new Setting(name, Integer.class, Integer.toString(defaultValue), description);
    }

    /** A real-number setting. */
    public static Setting real(String name, double defaultValue, String description) {
        return new Setting(name, Double.class, Double.toString(defaultValue), description);
    }

    /** A flag: false unless given. */
    public static Setting flag(String name, String description) {
        return new Setting(name, Boolean.class, null, description);
    }

    /** A setting without a default: absent unless given (its description says what stands in). */
    public static Setting optional(String name, Class<?> type, String description) {
        return new Setting(name, type, null, description);
    }

    /** Whether this is a flag, which takes no value. */
    public boolean isFlag() {
        return type == Boolean.class;
    }
}
