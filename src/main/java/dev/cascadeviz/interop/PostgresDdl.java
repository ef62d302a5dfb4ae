package dev.cascadeviz.interop;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A scenario's schema as PostgreSQL DDL, in the shape SQLAlchemy's PostgreSQL dialect writes
 * it: {@code SERIAL} for a lone integer primary key that autoincrements, PostgreSQL's type
 * names, {@code PRIMARY KEY} and {@code UNIQUE} inside the table, one
 * {@code CREATE INDEX ix_<table>_<column>} per indexed column. Foreign keys are added with
 * {@code ALTER TABLE} once every table exists, so that tables referencing each other (a cycle)
 * and any table order work.
 */
final class PostgresDdl {

    /** Words PostgreSQL reserves (SQLAlchemy's postgresql RESERVED_WORDS), which must be quoted as names. */
    static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
            "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint", "create",
            "current_catalog", "current_date", "current_role", "current_time", "current_timestamp", "current_user",
            "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for",
            "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into", "leading", "limit",
            "localtime", "localtimestamp", "new", "not", "null", "of", "off", "offset", "old", "on", "only", "or",
            "order", "placing", "primary", "references", "returning", "select", "session_user", "some", "symmetric",
            "table", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when",
            "where", "window", "with", "authorization", "between", "binary", "cross", "current_schema", "freeze",
            "full", "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer",
            "over", "overlaps", "right", "similar", "verbose");

    private PostgresDdl() {
    }

    static List<String> statements(Scenario scenario) {
        List<String> out = new ArrayList<>();
        for (Table t : scenario.tables().values()) {
            out.add(createTable(t));
            for (Column c : t.columns().values()) {
                if (c.index()) {
                    out.add("CREATE " + (c.unique() ? "UNIQUE " : "") + "INDEX " + quote("ix_" + t.name() + "_" + c.name())
                            + " ON " + quote(t.name()) + " (" + quote(c.name()) + ")");
                }
            }
        }
        for (Table t : scenario.tables().values()) {
            List<ForeignKey> keys = new ArrayList<>(t.compositeForeignKeys());
            for (ForeignKey fk : t.allForeignKeys()) {
                if (!fk.isComposite()) {
                    keys.add(fk);
                }
            }
            for (ForeignKey fk : keys) {
                out.add("ALTER TABLE " + quote(t.name()) + " ADD " + foreignKey(fk));
            }
        }
        return out;
    }

    static String createTable(Table t) {
        List<String> lines = new ArrayList<>();
        Column serial = serialColumn(t);
        for (Column c : t.columns().values()) {
            String line = quote(c.name()) + " " + (c == serial ? "SERIAL" : type(c));
            if (!c.nullable()) {
                line += " NOT NULL";
            }
            lines.add(line);
        }
        List<Column> pk = t.primaryKey();
        if (!pk.isEmpty()) {
            lines.add("PRIMARY KEY (" + String.join(", ", pk.stream().map(c -> quote(c.name())).toList()) + ")");
        }
        for (Column c : t.columns().values()) {
            if (c.unique() && !c.index()) {
                lines.add("UNIQUE (" + quote(c.name()) + ")");
            }
        }
        return "CREATE TABLE " + quote(t.name()) + " (\n\t" + String.join(",\n\t", lines) + "\n)";
    }

    /** The column SQLAlchemy makes SERIAL: the only primary-key column, an integer, autoincrementing, not a foreign key. */
    private static Column serialColumn(Table t) {
        List<Column> pk = t.primaryKey();
        if (pk.size() != 1) {
            return null;
        }
        Column c = pk.get(0);
        boolean integer = c.type() == ColumnType.INTEGER;
        boolean auto = c.autoincrement().equals("true")
                || (c.autoincrement().equals(Column.AUTOINCREMENT_DEFAULT) && c.foreignKey() == null && !inComposite(t, c))
                || (c.autoincrement().equals("ignore_fk"));
        return integer && auto ? c : null;
    }

    private static boolean inComposite(Table t, Column c) {
        return t.compositeForeignKeys().stream().anyMatch(fk -> fk.columns().contains(c.name()));
    }

    static String foreignKey(ForeignKey fk) {
        StringBuilder sb = new StringBuilder("FOREIGN KEY(")
                .append(String.join(", ", fk.columns().stream().map(PostgresDdl::quote).toList()))
                .append(") REFERENCES ").append(quote(fk.referencedTable())).append(" (")
                .append(String.join(", ", fk.referencedColumns().stream().map(PostgresDdl::quote).toList())).append(')');
        if (fk.ondelete() != null) {
            sb.append(" ON DELETE ").append(fk.ondelete().sql());
        }
        if (fk.onupdate() != null) {
            sb.append(" ON UPDATE ").append(fk.onupdate().sql());
        }
        return sb.toString();
    }

    static String type(Column c) {
        String len = c.length() == null ? "" : "(" + c.length() + ")";
        return switch (c.type()) {
            case INTEGER -> "INTEGER";
            case STRING -> "VARCHAR" + len;
            case TEXT -> "TEXT";
            case BOOLEAN -> "BOOLEAN";
            case FLOAT -> "FLOAT";
            case NUMERIC -> "NUMERIC";
            case DATE -> "DATE";
            case DATETIME -> "TIMESTAMP WITHOUT TIME ZONE";
        };
    }

    /** Bare when PostgreSQL folds and accepts the name as it is, else double-quoted. */
    static String quote(String name) {
        boolean plain = !name.isEmpty() && name.matches("[a-z_][a-z0-9_$]*") && !RESERVED.contains(name);
        return plain ? name : '"' + name.replace("\"", "\"\"") + '"';
    }
}
