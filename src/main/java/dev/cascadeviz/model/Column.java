package dev.cascadeviz.model;

import java.util.Objects;

/**
 * One column of a table. Values are the effective ones (defaults applied), so two columns that
 * mean the same thing are equal; the writer leaves out what equals the default.
 *
 * @param foreignKey the referenced {@code table.column} of a single-column foreign key, or null
 * @param autoincrement SQLAlchemy's {@code autoincrement}: "auto" (default), "true", "false", "ignore_fk"
 */
public record Column(
        String name,
        ColumnType type,
        Integer length,
        boolean primaryKey,
        boolean nullable,
        boolean unique,
        boolean index,
        String autoincrement,
        String foreignKey,
        ReferentialAction ondelete,
        ReferentialAction onupdate) {

    public static final String AUTOINCREMENT_DEFAULT = "auto";

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        autoincrement = autoincrement == null ? AUTOINCREMENT_DEFAULT : autoincrement;
    }

    /** A plain nullable integer column. */
    public static Column of(String name, ColumnType type) {
        return new Column(name, type, null, false, true, false, false, null, null, null, null);
    }

    /** An integer primary-key column. */
    public static Column primaryKey(String name) {
        return new Column(name, ColumnType.INTEGER, null, true, false, false, false, null, null, null, null);
    }

    /** The default of {@code nullable} for a column: false for primary-key columns, else true. */
    public static boolean defaultNullable(boolean primaryKey) {
        return !primaryKey;
    }

    public Column withNullable(boolean value) {
        return new Column(name, type, length, primaryKey, value, unique, index, autoincrement, foreignKey, ondelete, onupdate);
    }

    public Column withOndelete(ReferentialAction value) {
        return new Column(name, type, length, primaryKey, nullable, unique, index, autoincrement, foreignKey, value, onupdate);
    }

    public Column withOnupdate(ReferentialAction value) {
        return new Column(name, type, length, primaryKey, nullable, unique, index, autoincrement, foreignKey, ondelete, value);
    }

    public Column withForeignKey(String target) {
        return new Column(name, type, length, primaryKey, nullable, unique, index, autoincrement, target, ondelete, onupdate);
    }
}
