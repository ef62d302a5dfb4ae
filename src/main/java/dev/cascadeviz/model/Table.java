package dev.cascadeviz.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table: ordered columns, and the composite foreign keys that cannot sit on one column.
 *
 * @param compositeForeignKeys only the multi-column keys of the file's {@code foreign_keys} list
 */
public record Table(String name, Map<String, Column> columns, List<ForeignKey> compositeForeignKeys) {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        compositeForeignKeys = List.copyOf(compositeForeignKeys);
    }

    public Column column(String columnName) {
        return columns.get(columnName);
    }

    /** The primary-key columns in column order. */
    public List<Column> primaryKey() {
        List<Column> pk = new ArrayList<>();
        for (Column c : columns.values()) {
            if (c.primaryKey()) {
                pk.add(c);
            }
        }
        return pk;
    }

    /** Every foreign key: single-column ones (in column order) then the composite ones. */
    public List<ForeignKey> allForeignKeys() {
        List<ForeignKey> all = new ArrayList<>();
        for (Column c : columns.values()) {
            if (c.foreignKey() != null) {
                QualifiedColumn ref = QualifiedColumn.parse(c.foreignKey());
                all.add(new ForeignKey(List.of(c.name()), ref.table(), List.of(ref.column()), c.ondelete(), c.onupdate()));
            }
        }
        all.addAll(compositeForeignKeys);
        return all;
    }

    public Table withColumn(Column column) {
        Map<String, Column> copy = new LinkedHashMap<>(columns);
        copy.put(column.name(), column);
        return new Table(name, copy, compositeForeignKeys);
    }

    public Table withCompositeForeignKeys(List<ForeignKey> keys) {
        return new Table(name, columns, keys);
    }
}
