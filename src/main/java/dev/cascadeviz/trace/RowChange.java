package dev.cascadeviz.trace;

import dev.cascadeviz.model.CompactRow;
import java.util.ArrayList;
import java.util.Collections;
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
        before = before == null ? null : CompactRow.copyOf(before); // read-only, a third of a LinkedHashMap's size
        after = after == null ? null : CompactRow.copyOf(after);
    }
}
