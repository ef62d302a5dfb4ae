package dev.cascadeviz.model;

import java.util.Locale;

/** A foreign key's database-side rule, as in {@code ForeignKey(ondelete=..., onupdate=...)}. */
public enum ReferentialAction {
    CASCADE("CASCADE"), SET_NULL("SET NULL"), SET_DEFAULT("SET DEFAULT"), RESTRICT("RESTRICT"), NO_ACTION("NO ACTION");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /** The words as they appear in DDL and in scenario files. */
    public String sql() {
        return sql;
    }

    /** The action for its SQL words (case-insensitive, runs of spaces folded), or null. */
    public static ReferentialAction fromSql(String text) {
        if (text == null) {
            return null;
        }
        String norm = text.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        for (ReferentialAction a : values()) {
            if (a.sql.equals(norm)) {
                return a;
            }
        }
        return null;
    }
}
