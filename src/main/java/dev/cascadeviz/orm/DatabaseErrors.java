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
        if (e.getClass().getName().startsWith("org.h2.")) {
            // H2 is not a DBAPI SQLAlchemy has: name the database, keep its sentence, drop the SQL it appends
            return new OrmException(type, "(H2 " + type + ") " + h2Text(message), e);
        }
        return new OrmException(type, "(sqlite3." + type + ") " + sqliteText(message), e);
    }

    /** H2 says {@code NULL not allowed for column "LIBRARY_ID"; SQL statement:\n...}. */
    private static String h2Text(String message) {
        int newline = message.indexOf('\n');
        String first = newline > 0 ? message.substring(0, newline) : message;
        int sql = first.indexOf("; SQL statement:");
        return sql > 0 ? first.substring(0, sql) : first;
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
