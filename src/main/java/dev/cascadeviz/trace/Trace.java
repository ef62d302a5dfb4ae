package dev.cascadeviz.trace;

import dev.cascadeviz.model.CompactRow;

import dev.cascadeviz.model.Release;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of running one scenario (docs/trace-format.md): statements, error, tables after the
 * run, and the project's own extras (warnings, the tables before the run).
 *
 * @param tables every table in scenario order, rows ordered by primary key, each row in column order
 * @param tablesBefore the same, as seeded before the first step (not part of the JSON contract)
 * @param release the SQLAlchemy release whose behaviour the trace shows; null when not known (a
 *                golden read back, whose release is that of its folder)
 */
public record Trace(
        List<TraceStatement> statements,
        TraceError error,
        Map<String, List<Map<String, Object>>> tables,
        List<String> warnings,
        Map<String, List<Map<String, Object>>> tablesBefore,
        List<TransactionEnd> transactions,
        Release release) {

    /**
     * Where a database transaction ended: after {@code statements} statements of the run, with
     * COMMIT or ROLLBACK. A transaction begins (implicitly) at the first statement after the
     * previous end. The project's own field, for the echo-style log.
     */
    public record TransactionEnd(int statements, String kind) {
    }

    /** A trace of no stated release. */
    public Trace(List<TraceStatement> statements, TraceError error, Map<String, List<Map<String, Object>>> tables,
                 List<String> warnings, Map<String, List<Map<String, Object>>> tablesBefore,
                 List<TransactionEnd> transactions) {
        this(statements, error, tables, warnings, tablesBefore, transactions, null);
    }

    /** A trace without transaction marks. */
    public Trace(List<TraceStatement> statements, TraceError error, Map<String, List<Map<String, Object>>> tables,
                 List<String> warnings, Map<String, List<Map<String, Object>>> tablesBefore) {
        this(statements, error, tables, warnings, tablesBefore, List.of());
    }

    public Trace {
        transactions = transactions == null ? List.of() : List.copyOf(transactions);
        statements = List.copyOf(statements);
        tables = copyTables(tables);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        tablesBefore = tablesBefore == null ? Map.of() : copyTables(tablesBefore);
    }

    static Map<String, List<Map<String, Object>>> copyTables(Map<String, List<Map<String, Object>>> in) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        in.forEach((t, rows) -> {
            List<Map<String, Object>> l = new ArrayList<>(rows.size());
            CompactRow.Shape[] last = {null};
            for (Map<String, Object> r : rows) {
                l.add(CompactRow.of(r, last)); // read-only; a CompactRow (the database's snapshot) is kept as it is
            }
            out.put(t, Collections.unmodifiableList(l));
        });
        return Collections.unmodifiableMap(out);
    }
}
