package dev.cascadeviz.model;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key of a table: its local columns and the columns they reference, in order.
 * Single-column keys are written on their column in the file; {@link Table#allForeignKeys()}
 * gives both kinds as this record.
 */
public record ForeignKey(
        List<String> columns,
        String referencedTable,
        List<String> referencedColumns,
        ReferentialAction ondelete,
        ReferentialAction onupdate) {

    public ForeignKey {
        columns = List.copyOf(columns);
        Objects.requireNonNull(referencedTable, "referencedTable");
        referencedColumns = List.copyOf(referencedColumns);
        if (columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("a foreign key needs as many referenced columns as columns");
        }
    }

    public boolean isComposite() {
        return columns.size() > 1;
    }

    public ForeignKey withOndelete(ReferentialAction value) {
        return new ForeignKey(columns, referencedTable, referencedColumns, value, onupdate);
    }

    public ForeignKey withOnupdate(ReferentialAction value) {
        return new ForeignKey(columns, referencedTable, referencedColumns, ondelete, value);
    }
}
