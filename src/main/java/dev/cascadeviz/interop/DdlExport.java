package dev.cascadeviz.interop;

import dev.cascadeviz.db.Ddl;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.VisibleText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The schema of a scenario as a DDL script (statements ending in {@code ;}) for SQLite, H2 or PostgreSQL. */
public final class DdlExport {

    /** The dialects a script can be written for. */
    public enum Dialect {
        SQLITE, H2, POSTGRESQL;

        /** The dialect for its lower-case name (also {@code postgres}), or null. */
        public static Dialect named(String name) {
            String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
            return switch (n) {
                case "sqlite" -> SQLITE;
                case "h2" -> H2;
                case "postgresql", "postgres", "pg" -> POSTGRESQL;
                default -> null;
            };
        }

        public String label() {
            return switch (this) {
                case SQLITE -> "SQLite";
                case H2 -> "H2";
                case POSTGRESQL -> "PostgreSQL";
            };
        }
    }

    private DdlExport() {
    }

    /** The statements, each without its terminating semicolon. */
    public static List<String> statements(Scenario scenario, Dialect dialect) {
        return switch (dialect) {
            case SQLITE -> trimmed(Ddl.statements(scenario, Engine.SQLITE));
            case H2 -> trimmed(Ddl.statements(scenario, Engine.H2));
            case POSTGRESQL -> PostgresDdl.statements(scenario);
        };
    }

    /** The whole script: a comment naming the dialect, then each statement followed by {@code ;}. */
    public static String script(Scenario scenario, Dialect dialect) {
        StringBuilder sb = new StringBuilder("-- ");
        // The title is inside a line comment: no character of it may end the line (CR did, and the rest ran as SQL).
        sb.append(scenario.title() == null ? "CascadeViz scenario" : VisibleText.escape(scenario.title()))
                .append(": schema for ").append(dialect.label()).append(", exported by CascadeViz\n");
        if (dialect == Dialect.SQLITE) {
            sb.append("-- foreign keys are enforced only with PRAGMA foreign_keys=ON on each connection\n");
        }
        for (String s : statements(scenario, dialect)) {
            sb.append('\n').append(s).append(";\n");
        }
        return sb.toString();
    }

    private static List<String> trimmed(List<String> statements) {
        List<String> out = new ArrayList<>();
        for (String s : statements) {
            out.add(s.strip());
        }
        return out;
    }
}
