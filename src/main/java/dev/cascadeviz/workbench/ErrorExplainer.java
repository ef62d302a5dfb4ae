package dev.cascadeviz.workbench;

import dev.cascadeviz.advice.BlockedDatabaseCascade;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceError;
import java.util.Locale;

/** One plain sentence on why a run failed, for the error banner. */
public final class ErrorExplainer {

    private ErrorExplainer() {
    }

    /**
     * As {@link #explain(TraceError)}, naming the foreign key that refused a DELETE when the
     * scenario shows one: a key without an ON DELETE rule that refers to the deleted table, or to
     * a table the database's own ON DELETE CASCADE deletes from.
     */
    public static String explain(TraceError error, Scenario scenario, Trace trace) {
        String plain = explain(error);
        String msg = error.message().toLowerCase(Locale.ROOT);
        if (scenario == null || trace == null || trace.statements().isEmpty() || !error.type().equals("IntegrityError")
                || !(msg.contains("foreign key") || msg.contains("referential integrity"))) {
            return plain;
        }
        var last = trace.statements().get(trace.statements().size() - 1);
        if (!last.sql().startsWith("DELETE")) {
            return plain;
        }
        String table = StatementTables.mainTable(last);
        var block = table == null ? null : BlockedDatabaseCascade.blocking(scenario, table);
        if (block == null) {
            return plain;
        }
        String via = block.foreignKey().referencedTable().equals(table) ? ""
                : " (the database's ON DELETE CASCADE reaches " + block.foreignKey().referencedTable() + ")";
        return "The database refused the DELETE FROM " + table + " because " + block.describe()
                + " has no ON DELETE rule and rows still refer to what it would remove" + via + ": give "
                + block.columns() + " an ON DELETE rule, or have the ORM delete those rows first.";
    }

    public static String explain(TraceError error) {
        String type = error.type();
        String msg = error.message().toLowerCase(Locale.ROOT);
        if (type.equals("IntegrityError")) {
            if (msg.contains("not null") || msg.contains("null not allowed")) {
                return "The ORM tried to set the foreign key to NULL because the relationship has no delete cascade, "
                        + "but the column is NOT NULL.";
            }
            if (msg.contains("foreign key") || msg.contains("referential integrity")) {
                return "The database refused the change because other rows still reference this one: "
                        + "neither the ORM (no delete cascade, or passive_deletes) nor an ON DELETE rule took care of them.";
            }
            return "The database refused a statement because it would break a constraint.";
        }
        if (type.equals("AssertionError") && msg.contains("blank-out primary key")) {
            return "The foreign key is part of the child's primary key, so the ORM cannot set it to NULL: "
                    + "the relationship needs a delete (or delete-orphan) cascade.";
        }
        if (type.equals("ArgumentError")) {
            if (msg.contains("passive_deletes")) {
                return "passive_deletes='all' tells the ORM never to touch the children, which contradicts a delete "
                        + "or delete-orphan cascade, so SQLAlchemy refuses the mapping.";
            }
            if (msg.contains("delete-orphan")) {
                return "delete-orphan on the many-to-one or many-to-many side needs single_parent=True, because "
                        + "an object there can have more than one parent.";
            }
            return "SQLAlchemy refuses this mapping before any SQL runs.";
        }
        if (type.equals("StaleDataError")) {
            return "A statement matched a different number of rows than the ORM expected: something else "
                    + "(e.g. an ON DELETE rule) had already changed them.";
        }
        if (type.equals("CircularDependencyError")) {
            return "The rows depend on each other in a cycle, so the ORM cannot order its statements; "
                    + "post_update=True on one relationship breaks the cycle.";
        }
        if (type.equals("InvalidRequestError")) {
            return "The session refused this call in its current state.";
        }
        if (type.equals("ObjectNotFound") || msg.contains("no row")) {
            return "A step names a row that does not exist.";
        }
        return "The step raised this error, so the session rolled back and no change was kept.";
    }
}
