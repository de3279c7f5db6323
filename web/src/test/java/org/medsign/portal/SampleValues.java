package org.medsign.portal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A filled-in instance of a declared type, for serializing what a bean really holds: records through their
 * canonical constructors, lists as the services build them ({@code Stream.toList()}), other medsign classes through
 * their no-argument constructors with every field that travels filled. A type it cannot make fails the test: add it.
 */
final class SampleValues {

    private SampleValues() {
    }

    /** {@code bean}'s class made with its no-argument constructor and every non-static, non-transient field set. */
    static <T> T filled(Class<T> type) throws ReflectiveOperationException {
        Constructor<T> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        T instance = constructor.newInstance();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
                    field.setAccessible(true);
                    field.set(instance, of(field.getGenericType()));
                }
            }
        }
        return instance;
    }

    static Object of(Type type) throws ReflectiveOperationException {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] arguments = p.getActualTypeArguments();
            if (raw == List.class) {
                return Stream.of(of(arguments[0])).toList();
            }
            if (raw == Set.class) {
                return Set.of(of(arguments[0]));
            }
            if (raw == Map.class) {
                return Map.of(of(arguments[0]), of(arguments[1]));
            }
            return of(raw);
        }
        Class<?> c = (Class<?>) type;
        if (c == boolean.class || c == Boolean.class) {
            return true;
        } else if (c == int.class || c == Integer.class) {
            return 7;
        } else if (c == long.class || c == Long.class) {
            return 7L;
        } else if (c == String.class) {
            return "x";
        } else if (c == Instant.class) {
            return Instant.parse("2026-12-05T01:02:03Z");
        } else if (c == LocalDate.class) {
            return LocalDate.of(2026, 12, 5);
        } else if (c == LocalDateTime.class) {
            return LocalDateTime.of(2026, 12, 5, 1, 2);
        } else if (c == Duration.class) {
            return Duration.ofMinutes(7);
        } else if (c == ZoneId.class) {
            return ZoneId.of("Asia/Taipei");
        } else if (c == Locale.class) {
            return Locale.TRADITIONAL_CHINESE;
        } else if (c == BigDecimal.class) {
            return BigDecimal.TEN;
        } else if (c.isEnum()) {
            return c.getEnumConstants()[0];
        } else if (c.isRecord()) {
            return record(c);
        } else if (c.getName().startsWith("org.medsign.")) {
            return filled(c);
        }
        throw new IllegalArgumentException("no sample value for " + type + ": add one to SampleValues");
    }

    private static Object record(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = of(components[i].getGenericType());
        }
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return canonical.newInstance(values);
    }
}
