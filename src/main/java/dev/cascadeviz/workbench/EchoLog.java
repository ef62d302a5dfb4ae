package dev.cascadeviz.workbench;

import dev.cascadeviz.interop.PythonLiterals;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A trace written the way {@code create_engine(..., echo=True)} prints it: BEGIN (implicit), each
 * statement with its parameter line, then COMMIT or ROLLBACK. Timings are not measured by the
 * simulator, so the figures are illustrative; which statements were "generated" and which
 * "cached" (same text compiled earlier in the run) follows SQLAlchemy's rule. Transactions end
 * where the trace says (its {@code transactions}); without those marks, at the end of the run.
 *
 * @param text the whole log
 * @param statementLines for each statement, its first and last line (0-based, inclusive)
 */
public record EchoLog(String text, List<int[]> statementLines) {

    public static EchoLog of(Trace trace, List<Step> steps) {
        StringBuilder out = new StringBuilder();
        List<int[]> ranges = new ArrayList<>();
        if (trace == null || trace.statements().isEmpty()) {
            return new EchoLog("", ranges);
        }
        Map<Integer, String> ends = new HashMap<>();
        for (Trace.TransactionEnd end : trace.transactions()) {
            ends.putIfAbsent(end.statements(), end.kind());
        }
        int line = 0;
        boolean open = false;
        Map<String, Integer> firstSeen = new HashMap<>();
        List<TraceStatement> statements = trace.statements();
        for (int i = 0; i < statements.size(); i++) {
            if (!open) {
                out.append("BEGIN (implicit)\n");
                line++;
                open = true;
            }
            TraceStatement s = statements.get(i);
            int first = line;
            String sql = s.sql();
            out.append(sql).append('\n');
            line += sql.split("\n", -1).length;
            out.append(timing(firstSeen, sql, i)).append(' ').append(params(s)).append('\n');
            ranges.add(new int[] {first, line});
            line++;
            String end = ends.get(i + 1);
            if (end != null && i + 1 < statements.size()) {
                out.append(end).append('\n');
                line++;
                open = false;
            }
        }
        out.append(ends.getOrDefault(statements.size(), ending(trace, steps)));
        return new EchoLog(out.toString(), ranges);
    }

    private static String timing(Map<String, Integer> firstSeen, String sql, int index) {
        Integer earlier = firstSeen.putIfAbsent(sql, index);
        if (earlier == null) {
            return String.format(Locale.ROOT, "[generated in %.5fs]", 0.00011 + 0.00002 * (index % 5));
        }
        return String.format(Locale.ROOT, "[cached since %.4gs ago]", 0.0004 * (index - earlier));
    }

    /** SQLAlchemy shows at most this many parameter sets of an executemany. */
    static final int MAX_PARAM_SETS = 10;

    /** The statement's parameter line as the echo prints it: a tuple, or a list of tuples for an executemany. */
    public static String params(TraceStatement s) {
        return s.many() ? tupleList(s.paramSets()) : tuple(s.params());
    }

    /** Python's repr of a tuple: {@code ('Nirvana', None, True, 1.5)}, {@code (1,)}. */
    static String tuple(List<Object> values) {
        List<String> parts = new ArrayList<>();
        for (Object v : values) {
            parts.add(PythonLiterals.repr(v));
        }
        return values.size() == 1 ? "(" + parts.get(0) + ",)" : "(" + String.join(", ", parts) + ")";
    }

    /** A list of tuples, shortened as SQLAlchemy's {@code _repr_params} does beyond ten sets. */
    static String tupleList(List<List<Object>> sets) {
        if (sets.size() <= MAX_PARAM_SETS) {
            return list(sets);
        }
        String head = list(sets.subList(0, MAX_PARAM_SETS - 2));
        String tail = list(sets.subList(sets.size() - 2, sets.size()));
        String msg = " ... displaying %d of %d total bound parameter sets ... ".formatted(MAX_PARAM_SETS, sets.size());
        return head.substring(0, head.length() - 1) + " " + msg + " " + tail.substring(1);
    }

    private static String list(List<List<Object>> sets) {
        List<String> parts = new ArrayList<>();
        for (List<Object> s : sets) {
            parts.add(tuple(s));
        }
        return "[" + String.join(", ", parts) + "]";
    }

    /** COMMIT when the run ended in a commit; ROLLBACK after an error or when the session just closed. */
    private static String ending(Trace trace, List<Step> steps) {
        if (trace.error() != null) {
            return "ROLLBACK";
        }
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i) instanceof Step.Commit) {
                return "COMMIT";
            }
            if (steps.get(i) instanceof Step.Rollback) {
                return "ROLLBACK";
            }
        }
        return "ROLLBACK";
    }

    /** How many statements the trace holds. */
    public int statementCount() {
        return statementLines.size();
    }
}
