package io.muse4j.models.file;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model config record as the named numbers of a model file's header, written and read from the record's
 * components, so no config lists its fields twice: whole numbers as integers, reals as reals, booleans as 1 or 0.
 * Components of other types (such as an enum a model kind names in the file's kind) are left to the kind.
 */
public final class ConfigValues {
    private ConfigValues() {
    }

    /** The record's numeric and boolean components by name, in declaration order. */
    public static Map<String, Number> of(Record config) {
        Map<String, Number> values = new LinkedHashMap<>();
        for (RecordComponent component : config.getClass().getRecordComponents()) {
            Object value = get(component, config);
            if (value instanceof Boolean flag) {
                values.put(component.getName(), flag ? 1 : 0);
            } else if (value instanceof Number number) {
                values.put(component.getName(), number);
            }
        }
        return values;
    }

    /**
     * The record of {@code type} made from the named numbers; a component missing from them takes its value from
     * {@code others} (for the non-numeric ones) or {@code defaults} (for fields older files lack), and is an error
     * naming it otherwise.
     */
    public static <R extends Record> R read(Class<R> type, Map<String, Number> values, Map<String, ?> defaults,
                                            Object... others) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] arguments = new Object[components.length];
        int other = 0;
        for (int i = 0; i < components.length; i++) {
            Class<?> kind = components[i].getType();
            String name = components[i].getName();
            if (kind != int.class && kind != long.class && kind != double.class && kind != boolean.class) {
                arguments[i] = others[other++];
                continue;
            }
            Object value = values.containsKey(name) ? values.get(name) : defaults.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no '" + name + "' in the model config");
            }
            arguments[i] = convert((Number) value, kind);
        }
        try {
            Constructor<R> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getSimpleName() + " cannot be built from its components", e);
        }
    }

    private static Object convert(Number value, Class<?> kind) {
        if (kind == int.class) {
            return value.intValue();
        }
        if (kind == long.class) {
            return value.longValue();
        }
        if (kind == double.class) {
            return value.doubleValue();
        }
        return value.intValue() != 0;
    }

    private static Object get(RecordComponent component, Record config) {
        try {
            return component.getAccessor().invoke(config);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
