package dev.cascadeviz.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An object named in a step: {@code Artist(1)}, {@code Tag('python')}, {@code Link(1, 2)}.
 *
 * @param key primary-key values in primary-key column order (Long, String, Double or Boolean)
 */
public record ObjectRef(String className, List<Object> key) {

    public ObjectRef {
        Objects.requireNonNull(className, "className");
        key = List.copyOf(key);
    }

    public static ObjectRef of(String className, Object... key) {
        return new ObjectRef(className, List.of(key));
    }

    /** As written in a file: strings in single quotes, values comma-separated. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Object k : key) {
            parts.add(k instanceof String s ? "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'" : String.valueOf(k));
        }
        return className + "(" + String.join(", ", parts) + ")";
    }
}
