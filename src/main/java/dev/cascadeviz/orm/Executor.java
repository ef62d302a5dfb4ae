package dev.cascadeviz.orm;

import dev.cascadeviz.db.DatabaseEffects;
import dev.cascadeviz.db.ScenarioDatabase;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.trace.Cause;
import dev.cascadeviz.trace.RowChange;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sends the ORM's statements to the embedded database and records each as the trace sees it:
 * text, parameters, executemany, the rows it changed and the rows the database changed on its
 * own. Database errors become SQLAlchemy's DBAPI error types.
 */
public final class Executor {

    private final ScenarioDatabase db;
    private final List<TraceStatement> statements = new ArrayList<>();
    /** Told of each statement as it is recorded (a statement, once recorded, never changes). */
    private final Consumer<TraceStatement> recorded;
    private final List<Trace.TransactionEnd> transactions = new ArrayList<>();
    private boolean inTransaction;
    private long databaseNanos;

    /** Time spent inside the database driver so far. */
    public long databaseNanos() {
        return databaseNanos;
    }

    public Executor(ScenarioDatabase db) {
        this(db, s -> { });
    }

    /** An executor that tells {@code recorded} of each statement as it records it, on the thread that runs it. */
    public Executor(ScenarioDatabase db, Consumer<TraceStatement> recorded) {
        this.db = db;
        this.recorded = recorded;
    }

    private void record(TraceStatement statement) {
        statements.add(statement);
        recorded.accept(statement);
    }

    public List<TraceStatement> statements() {
        return statements;
    }

    public List<Trace.TransactionEnd> transactions() {
        return transactions;
    }

    /** Runs a SELECT; rows come back normalized by the given column types. */
    public List<List<Object>> query(String sql, List<Object> params, List<ColumnType> types, Cause cause) {
        checkInterrupted();
        inTransaction = true;
        // the statement is recorded once, after it ran (whether it failed or not): nothing runs in between
        int returned = -1;
        long t0 = System.nanoTime();
        try {
            List<List<Object>> rows = db.query(sql, params, types);
            returned = rows.size();
            return rows;
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        } finally {
            long took = System.nanoTime() - t0;
            databaseNanos += took;
            record(new TraceStatement(sql, List.of(params), false, null, null, null, cause, returned, took));
        }
    }

    /**
     * Runs an UPDATE or DELETE with one or more parameter sets (executemany when several) and
     * returns how many rows they matched in all.
     *
     * @param keys primary keys of the target rows, for the database-side effects; null for none
     */
    public int execute(String sql, List<List<Object>> paramSets, String table, RowChange.Kind kind,
                       List<List<Object>> keys, List<RowChange> changes, Cause cause) {
        checkInterrupted();
        inTransaction = true;
        boolean many = paramSets.size() > 1;
        List<RowChange> byDatabase = null;
        long t0 = System.nanoTime();
        try {
            DatabaseEffects.Pending pending = DatabaseEffects.NONE;
            if (keys != null && !keys.isEmpty()) {
                pending = kind == RowChange.Kind.DELETE ? db.effects().beforeDelete(table, keys)
                        : db.effects().beforeUpdate(table, keys);
            }
            int[] counts = db.execute(sql, paramSets, many);
            byDatabase = pending.changes();
            int total = 0;
            for (int c : counts) {
                total += c < 0 ? 1 : c;
            }
            return total;
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        } finally {
            long took = System.nanoTime() - t0;
            databaseNanos += took;
            record(new TraceStatement(sql, paramSets, many, changes, byDatabase, null, cause, -1, took));
        }
    }

    /**
     * A statement the DBAPI cannot send: sqlite3 binds each parameter set in turn and refuses a
     * value of a type it does not know, naming its 1-based position in the set. The statement is
     * recorded with the parameters as given (what SQLAlchemy logs); the error is returned to throw.
     */
    public OrmException unbindable(String sql, List<List<Object>> paramSets, int position, String typeName,
                                   Cause cause) {
        checkInterrupted();
        inTransaction = true;
        record(new TraceStatement(sql, paramSets, paramSets.size() > 1, null, null, null, cause, -1, 0));
        return new OrmException("ProgrammingError", "(sqlite3.ProgrammingError) Error binding parameter "
                + position + ": type '" + typeName + "' is not supported");
    }

    /**
     * Runs an INSERT. The trace shows {@code sql} with {@code paramSets}, as SQLAlchemy sends
     * them; the database runs {@code runSql} with {@code runParamSets}, which add the keys the
     * database would generate (see {@link ScenarioDatabase#nextRowid}).
     */
    public void insert(String sql, List<List<Object>> paramSets, String runSql, List<List<Object>> runParamSets,
                       List<RowChange> changes, Cause cause) {
        checkInterrupted();
        inTransaction = true;
        boolean many = paramSets.size() > 1;
        record(new TraceStatement(sql, many ? paramSets : List.of(paramSets.get(0)), many, changes, null, null,
                cause));
        long t0 = System.nanoTime();
        try {
            db.execute(runSql, runParamSets, many);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        } finally {
            databaseNanos += System.nanoTime() - t0;
        }
    }

    /** The key the database generates for the next row of a table (see {@link ScenarioDatabase#nextRowid}). */
    public long nextRowid(String table, String column) {
        try {
            return db.nextRowid(table, column);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }

    public void commit() {
        if (!inTransaction) {
            return;
        }
        try {
            db.commit();
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
        transactions.add(new Trace.TransactionEnd(statements.size(), "COMMIT"));
        inTransaction = false;
    }

    public void rollback() {
        try {
            db.rollback();
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
        if (inTransaction) {
            transactions.add(new Trace.TransactionEnd(statements.size(), "ROLLBACK"));
        }
        inTransaction = false;
    }

    private static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new RunCancelledException();
        }
    }
}
