package dev.cascadeviz.trace;

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
 * @param rowsReturned rows a SELECT returned (loaded into the session); -1 when not recorded
 */
public record TraceStatement(
        String sql,
        List<List<Object>> paramSets,
        boolean many,
        List<RowChange> changes,
        List<RowChange> databaseChanges,
        String cause,
        int rowsReturned) {

    /** A statement without a recorded row count. */
    public TraceStatement(String sql, List<List<Object>> paramSets, boolean many, List<RowChange> changes,
                          List<RowChange> databaseChanges, String cause) {
        this(sql, paramSets, many, changes, databaseChanges, cause, -1);
    }

    public TraceStatement {
        Objects.requireNonNull(sql, "sql");
        paramSets = List.copyOf(paramSets.stream().map(TraceStatement::copyNullable).toList());
        changes = changes == null ? List.of() : List.copyOf(changes);
        databaseChanges = databaseChanges == null ? List.of() : List.copyOf(databaseChanges);
    }

    /** A statement executed once. */
    public static TraceStatement single(String sql, List<Object> params) {
        return new TraceStatement(sql, List.of(params), false, null, null, null);
    }

    /** The parameters of a plain execute (the first set). */
    public List<Object> params() {
        return paramSets.isEmpty() ? List.of() : paramSets.get(0);
    }

    public boolean isSelect() {
        return sql.startsWith("SELECT");
    }

    public TraceStatement withEffects(List<RowChange> own, List<RowChange> byDatabase) {
        return new TraceStatement(sql, paramSets, many, own, byDatabase, cause, rowsReturned);
    }

    public TraceStatement withCause(String value) {
        return new TraceStatement(sql, paramSets, many, changes, databaseChanges, value, rowsReturned);
    }

    public TraceStatement withRowsReturned(int value) {
        return new TraceStatement(sql, paramSets, many, changes, databaseChanges, cause, value);
    }

    private static List<Object> copyNullable(List<Object> list) {
        return java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }
}
