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
public record Setting(String name, Class<?> type, String defaultValue, String description, double min, double max) {
    public Setting {
        Objects.requireNonNull(type, "type");
        if (!name.startsWith("--")) {
            throw new IllegalArgumentException("setting '" + name + "' must start with --");
        }
    }

    /** A setting that takes any finite number, if a number at all. */
    public Setting(String name, Class<?> type, String defaultValue, String description) {
        this(name, type, defaultValue, description, -Double.MAX_VALUE, Double.MAX_VALUE);
    }

    /**
     * This setting limited to {@code min..max}: {@link Double#MIN_VALUE} reads "above 0", and a bound next below a
     * round number, such as {@code Math.nextDown(1.0)}, reads "below 1".
     */
    public Setting within(double min, double max) {
        return new Setting(name, type, defaultValue, description, min, max);
    }

    /** Refuses a number outside the setting's range, NaN and infinities included, naming the option. */
    public void check(Object value) {
        if (value instanceof Number n) {
            checkRange(name, n, min, max);
        }
    }

    /** Refuses {@code value} outside {@code min..max} (read as {@link #within} says), NaN included, naming it. */
    public static void checkRange(String option, Number value, double min, double max) {
        double v = value.doubleValue();
        if (!(v >= min && v <= max) && min == -Double.MAX_VALUE && max == Double.MAX_VALUE) {
            throw new RequestException(option + " " + value + " must be a finite number");
        }
        if (!(v >= min && v <= max)) {
            String down = plain(Math.nextDown(min));
            String up = plain(Math.nextUp(max));
            throw new RequestException(option + " " + value + " must be "
                    + (down.length() < plain(min).length() ? "above " + down : "at least " + plain(min)) + " and "
                    + (up.length() < plain(max).length() ? "below " + up : "at most " + plain(max)));
        }
    }

    private static String plain(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
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
