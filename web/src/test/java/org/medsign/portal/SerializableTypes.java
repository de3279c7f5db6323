package org.medsign.portal;

import jakarta.inject.Inject;

import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Reads, from declared types alone, whether what a bean holds can be serialized: each field that travels (not
 * static, not transient), its generic arguments, and the fields of every medsign type it names, recursively (a
 * record's components are its fields). Collection interfaces are judged by their elements, since a service returns
 * Serializable JDK lists; {@code Object}, {@code Optional} and any type that is not Serializable are problems.
 */
final class SerializableTypes {

    private static final Set<Class<?>> COLLECTIONS = Set.of(Collection.class, List.class, Set.class, SortedSet.class,
            NavigableSet.class, Map.class, SortedMap.class, NavigableMap.class);

    private final List<String> problems = new ArrayList<>();
    private final Set<Class<?>> checked = new HashSet<>();

    private SerializableTypes() {
    }

    /** What keeps {@code type}'s instances from travelling, one line per field path; empty when nothing does. */
    static List<String> problems(Class<?> type) {
        SerializableTypes check = new SerializableTypes();
        check.type(type, type.getSimpleName());
        return check.problems;
    }

    private void fields(Class<?> owner, String path) {
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                String at = path + "." + field.getName();
                if (Modifier.isStatic(modifiers) || field.isSynthetic()) {
                    continue;
                }
                if (field.isAnnotationPresent(Inject.class) && !Modifier.isTransient(modifiers)) {
                    problems.add(at + ": an injected service must be transient and found again (Services.kept)");
                } else if (!Modifier.isTransient(modifiers)) {
                    type(field.getGenericType(), at);
                }
            }
        }
    }

    private void type(Type type, String path) {
        if (type instanceof Class<?> c) {
            type(c, path);
        } else if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (!COLLECTIONS.contains(raw)) {
                type(raw, path);
            }
            Type[] arguments = p.getActualTypeArguments();
            for (int i = 0; i < arguments.length; i++) {
                type(arguments[i], path + "<" + i + ">");
            }
        } else if (type instanceof GenericArrayType array) {
            type(array.getGenericComponentType(), path + "[]");
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                type(bound, path);
            }
        } else if (type instanceof TypeVariable<?> variable) {
            for (Type bound : variable.getBounds()) {
                type(bound, path + "<" + variable.getName() + ">");
            }
        } else {
            problems.add(path + ": a type this check cannot read: " + type);
        }
    }

    private void type(Class<?> c, String path) {
        if (c.isPrimitive() || c.isEnum()) {
            return;
        }
        if (c.isArray()) {
            type(c.getComponentType(), path + "[]");
        } else if (COLLECTIONS.contains(c)) {
            problems.add(path + ": a raw " + c.getSimpleName() + " (its elements are unknown)");
        } else if (!Serializable.class.isAssignableFrom(c)) {
            problems.add(path + ": " + c.getName() + " is not Serializable");
        } else if (c.getName().startsWith("java.")) {
            return; // the JDK's own Serializable types (String, boxes, java.time, Locale …) serialize what they hold
        } else if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
            problems.add(path + ": " + c.getName() + " is abstract; what implements it is unknown");
        } else if (checked.add(c)) {
            fields(c, path);
        }
    }
}
