package dev.cascadeviz.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One statement the ORM sent, with its parameters. A plain execute has one parameter set; an
 * executemany ({@code many}) has one per row.
 *
 * @param sql the text as SQLAlchemy's SQLite dialect compiles it
 * @param paramSets positional parameters, one list per execution
 * @param many true when sent as one executemany
 * @param changes rows this statement changed itself (the project's own field)
 * @param databaseChanges rows the database changed on its own because of it (ON DELETE / ON UPDATE rules)
 * @param cause why the ORM emitted it, in words; may be null
 * @param why the same cause with the relationship, foreign key and setting it names; may be null
 * @param rowsReturned rows a SELECT returned (loaded into the session); -1 when not recorded
 * @param executionNanos how long the embedded database took to execute it, as the executor
 *                       measured; -1 when not measured (a trace read from JSON). A measurement,
 *                       not part of what the statement is: {@link #equals} ignores it.
 */
public record TraceStatement(
        String sql,
        List<List<Object>> paramSets,
        boolean many,
        List<RowChange> changes,
        List<RowChange> databaseChanges,
        String cause,
        Cause why,
        int rowsReturned,
        long executionNanos) {

    public TraceStatement(String sql, List<List<Object>> paramSets, boolean many, List<RowChange> changes,
                          List<RowChange> databaseChanges, String cause, Cause why, int rowsReturned) {
        this(sql, paramSets, many, changes, databaseChanges, cause, why, rowsReturned, -1);
    }

    public TraceStatement {
        Objects.requireNonNull(sql, "sql");
        List<List<Object>> sets = new ArrayList<>(paramSets.size());
        for (List<Object> set : paramSets) {
            sets.add(copyNullable(set));
        }
        paramSets = Collections.unmodifiableList(sets);
        changes = changes == null ? List.of() : List.copyOf(changes);
        databaseChanges = databaseChanges == null ? List.of() : List.copyOf(databaseChanges);
        if (why != null) {
            cause = why.text();
        } else {
            why = Cause.text(cause);
        }
    }

    /** A statement whose cause is known only as words, without a recorded row count. */
    public TraceStatement(String sql, List<List<Object>> paramSets, boolean many, List<RowChange> changes,
                          List<RowChange> databaseChanges, String cause) {
        this(sql, paramSets, many, changes, databaseChanges, cause, null, -1);
    }

    /** A statement with its structured cause, without a recorded row count. */
    public TraceStatement(String sql, List<List<Object>> paramSets, boolean many, List<RowChange> changes,
                          List<RowChange> databaseChanges, String cause, Cause why) {
        this(sql, paramSets, many, changes, databaseChanges, cause, why, -1);
    }

    /** A statement with its cause in words and a recorded row count. */
    public TraceStatement(String sql, List<List<Object>> paramSets, boolean many, List<RowChange> changes,
                          List<RowChange> databaseChanges, String cause, int rowsReturned) {
        this(sql, paramSets, many, changes, databaseChanges, cause, null, rowsReturned);
    }

    /** A statement executed once. */
    public static TraceStatement single(String sql, List<Object> params) {
        return new TraceStatement(sql, List.of(params), false, null, null, (String) null);
    }

    /** The parameters of a plain execute (the first set). */
    public List<Object> params() {
        return paramSets.isEmpty() ? List.of() : paramSets.get(0);
    }

    public boolean isSelect() {
        return sql.startsWith("SELECT");
    }

    public TraceStatement withCause(String value) {
        return new TraceStatement(sql, paramSets, many, changes, databaseChanges, value, null, rowsReturned, executionNanos);
    }

    public TraceStatement withExecutionNanos(long value) {
        return new TraceStatement(sql, paramSets, many, changes, databaseChanges, null, why, rowsReturned, value);
    }

    /** Equal statements: the same in every component but the time it took ({@link #executionNanos}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof TraceStatement t && many == t.many && rowsReturned == t.rowsReturned && sql.equals(t.sql)
                && paramSets.equals(t.paramSets) && changes.equals(t.changes) && databaseChanges.equals(t.databaseChanges)
                && Objects.equals(cause, t.cause) && Objects.equals(why, t.why);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sql, paramSets, many, changes, databaseChanges, cause, why, rowsReturned);
    }

    private static List<Object> copyNullable(List<Object> list) {
        return Collections.unmodifiableList(new ArrayList<>(list));
    }
}
