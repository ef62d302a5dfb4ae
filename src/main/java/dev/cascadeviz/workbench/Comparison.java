package dev.cascadeviz.workbench;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceComparison;
import dev.cascadeviz.trace.TraceComparison.Side;
import dev.cascadeviz.trace.TraceError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of running one scenario under two configurations: both traces, the rows each
 * loaded into the session, the {@link TraceComparison} of the two, and the summary figures the
 * compare view shows side by side. No JavaFX here.
 */
public record Comparison(CompareRun left, CompareRun right, Trace leftTrace, Trace rightTrace,
                         int leftLoaded, int rightLoaded, TraceComparison diff) {

    /** A summary line: its name, each side's figure, and whether they differ. */
    public record Metric(String name, String left, String right, boolean differs, String tip) {
    }

    /** Runs both sides, one after the other, on the calling thread (a worker: never the JavaFX thread). */
    public static Comparison run(ScenarioRunner runner, CompareRun left, CompareRun right) throws Exception {
        Trace a = runner.run(left.scenario(), left.scenario().database().engine());
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("comparison cancelled");
        }
        Trace b = runner.run(right.scenario(), right.scenario().database().engine());
        return of(left, a, right, b);
    }

    /** Compares two finished runs. */
    public static Comparison of(CompareRun left, Trace a, CompareRun right, Trace b) {
        Map<String, List<String>> keys = primaryKeys(left.scenario());
        primaryKeys(right.scenario()).forEach(keys::putIfAbsent);
        return new Comparison(left, right, a, b, LoadedRows.total(a), LoadedRows.total(b),
                TraceComparison.of(a, b, keys));
    }

    static Map<String, List<String>> primaryKeys(Scenario s) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Table t : s.tables().values()) {
            out.put(t.name(), t.primaryKey().stream().map(Column::name).toList());
        }
        return out;
    }

    public CompareRun run(Side side) {
        return side == Side.LEFT ? left : right;
    }

    public Trace trace(Side side) {
        return side == Side.LEFT ? leftTrace : rightTrace;
    }

    /** Rows loaded into the session by SELECTs; -1 when a SELECT has a shape that cannot be counted. */
    public int loadedRows(Side side) {
        return side == Side.LEFT ? leftLoaded : rightLoaded;
    }

    /** The figures the view lists, in order. */
    public List<Metric> metrics() {
        List<Metric> out = new ArrayList<>();
        out.add(number("Statements", diff.statementCount(Side.LEFT), diff.statementCount(Side.RIGHT),
                "SQL statements the ORM sent; an executemany is one statement"));
        out.add(number("Round trips", diff.roundTrips(Side.LEFT), diff.roundTrips(Side.RIGHT),
                "calls to the database driver: one per statement, an executemany being a single round trip"));
        out.add(number("Executions", diff.executions(Side.LEFT), diff.executions(Side.RIGHT),
                "parameter sets executed: an executemany counts once per row it sends"));
        out.add(new Metric("Rows loaded into the session", loadedText(leftLoaded), loadedText(rightLoaded),
                leftLoaded != rightLoaded, "rows the SELECTs returned, which the session turned into objects"));
        out.add(nonZero("Statements only on this side", diff.differingStatements(Side.LEFT),
                diff.differingStatements(Side.RIGHT), "highlighted in the SQL lists below"));
        out.add(new Metric("Outcome", outcome(leftTrace.error()), outcome(rightTrace.error()), !diff.sameError(),
                "what the steps ended with"));
        out.add(number("Rows left in the tables", rowCount(leftTrace), rowCount(rightTrace),
                "rows in all tables after the run"));
        int differing = differingRows();
        out.add(nonZero("Rows that differ", differing, differing,
                "rows one side has and the other has not, or has with other values (highlighted below);"
                        + " a difference between the sides, so the same figure on both"));
        return out;
    }

    /** Rows only the left has, rows only the right has, and rows both have with other values (counted once). */
    public int differingRows() {
        int n = 0;
        for (TraceComparison.TableDiff t : diff.tables()) {
            n += (int) t.side(Side.LEFT).stream().filter(r -> r.status() != TraceComparison.RowStatus.SAME).count();
            n += (int) t.side(Side.RIGHT).stream().filter(r -> r.status() == TraceComparison.RowStatus.ONLY_HERE).count();
        }
        return n;
    }

    private static Metric number(String name, int a, int b, String tip) {
        return new Metric(name, Integer.toString(a), Integer.toString(b), a != b, tip);
    }

    private static Metric nonZero(String name, int a, int b, String tip) {
        return new Metric(name, Integer.toString(a), Integer.toString(b), a + b > 0, tip);
    }

    private static String loadedText(int n) {
        return n < 0 ? "?" : Integer.toString(n);
    }

    private static int rowCount(Trace t) {
        return t.tables().values().stream().mapToInt(List::size).sum();
    }

    /** "completed", or the error and where it was raised. */
    public static String outcome(TraceError e) {
        if (e == null) {
            return "completed";
        }
        // steps are numbered from 1, as the error banner and the step list number them
        return e.type() + (e.step() == null ? " (mapping refused)" : " at step " + (e.step() + 1));
    }
}
