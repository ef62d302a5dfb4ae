package dev.cascadeviz.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row a statement changed. {@code before} is null for an insert, {@code after} null for a
 * delete. {@code foreignKey} names the rule when the database did it on its own, e.g.
 * {@code song.artist_id ON DELETE CASCADE}; null for the statement's own changes.
 *
 * @param key the row's primary-key values in primary-key column order
 */
public record RowChange(String table, Kind kind, List<Object> key, Map<String, Object> before,
                        Map<String, Object> after, String foreignKey) {

    public enum Kind { INSERT, UPDATE, DELETE }

    public RowChange {
        key = Collections.unmodifiableList(new ArrayList<>(key));
        before = before == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(before));
        after = after == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(after));
    }
}
