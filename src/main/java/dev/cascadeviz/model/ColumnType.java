package dev.cascadeviz.model;

import java.util.Locale;

/** The column types a scenario may use, named as in the file. */
public enum ColumnType {
    INTEGER, STRING, TEXT, BOOLEAN, FLOAT, NUMERIC, DATE, DATETIME;

    /** The name as written in a scenario file. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type for a file name, or null when the name is not a type. */
    public static ColumnType fromFileName(String name) {
        for (ColumnType t : values()) {
            if (t.fileName().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
