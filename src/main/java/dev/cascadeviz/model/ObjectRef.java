package dev.cascadeviz.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An object named in a step: {@code Artist(1)}, {@code Tag('python')}, {@code Link(1, 2)}, or a
 * name an earlier step bound with {@code as:} ({@code o1}), which stands for that same object.
 *
 * @param key primary-key values in primary-key column order (Long, String, Double or Boolean); empty for a name
 * @param name the bound name, or null for {@code Class(pk)} (a {@code session.get} at that moment)
 */
public record ObjectRef(String className, List<Object> key, String name) {

    public ObjectRef {
        Objects.requireNonNull(className, "className");
        key = List.copyOf(key);
    }

    public ObjectRef(String className, List<Object> key) {
        this(className, key, null);
    }

    /** A name bound by an earlier step to an object of the class. */
    public static ObjectRef named(String name, String className) {
        return new ObjectRef(className, List.of(), Objects.requireNonNull(name, "name"));
    }

    public boolean isName() {
        return name != null;
    }

    public static ObjectRef of(String className, Object... key) {
        return new ObjectRef(className, List.of(key));
    }

    /** As written in a file: strings in single quotes, values comma-separated. */
    @Override
    public String toString() {
        if (name != null) {
            return name;
        }
        List<String> parts = new ArrayList<>();
        for (Object k : key) {
            parts.add(k instanceof String s ? "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'" : String.valueOf(k));
        }
        return className + "(" + String.join(", ", parts) + ")";
    }
}
