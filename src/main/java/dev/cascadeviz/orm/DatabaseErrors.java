package dev.cascadeviz.orm;

import java.sql.SQLException;

/**
 * Maps a JDBC error to the DBAPI exception SQLAlchemy would raise: constraint violations are
 * IntegrityError, everything else OperationalError. The message keeps SQLAlchemy's
 * {@code (sqlite3.IntegrityError) ...} shape where the database's own text allows.
 */
final class DatabaseErrors {

    private DatabaseErrors() {
    }

    static OrmException translate(SQLException e) {
        String state = e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage();
        boolean integrity = (state != null && state.startsWith("23")) || message.contains("CONSTRAINT")
                || message.contains("constraint failed");
        String type = integrity ? "IntegrityError" : "OperationalError";
        return new OrmException(type, "(sqlite3." + type + ") " + sqliteText(message), e);
    }

    /** sqlite-jdbc says {@code [SQLITE_CONSTRAINT_NOTNULL] A NOT NULL constraint failed (NOT NULL constraint failed: t.c)}. */
    private static String sqliteText(String message) {
        int open = message.lastIndexOf('(');
        int close = message.lastIndexOf(')');
        if (message.startsWith("[SQLITE_") && open >= 0 && close > open) {
            return message.substring(open + 1, close);
        }
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
