package dev.cascadeviz.trace;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whether two traces agree, as docs/trace-format.md defines it: statements one by one (text with
 * runs of white space folded to one space, parameters equal, executemany or not), errors of
 * the same type raised by the same step (messages are not compared), and equal tables. The
 * project's extras (warnings, row changes, causes) are ignored.
 *
 * <p>Values are compared exactly but not by Java type: numbers by value (a {@code Long} 1 equals
 * a {@code Double} 1.0), anything else with {@code equals} (so {@code true} never equals 1 and
 * {@code "1"} never equals 1).
 */
public final class TraceAgreement {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private TraceAgreement() {
    }

    /** True when {@code actual} agrees with {@code expected}. */
    public static boolean agrees(Trace actual, Trace expected) {
        return firstDifference(actual, expected) == null;
    }

    /** True when {@code actual} agrees with at least one of the orders real SQLAlchemy produced. */
    public static boolean agreesWithAny(Trace actual, List<Trace> variants) {
        return variants.stream().anyMatch(v -> agrees(actual, v));
    }

    /**
     * Where the two traces part, in words, or null when they agree. Statements are numbered from
     * 1; the first difference in the order statements, error, tables is reported.
     */
    public static String firstDifference(Trace actual, Trace expected) {
        String d = statementDifference(actual.statements(), expected.statements());
        if (d == null) {
            d = errorDifference(actual.error(), expected.error());
        }
        if (d == null) {
            d = tablesDifference(actual.tables(), expected.tables());
        }
        return d;
    }

    /**
     * The variant {@code actual} comes closest to: the one whose statements agree longest, then
     * the one whose error agrees, then the one whose tables agree; the first on a tie.
     */
    public static Trace closest(Trace actual, List<Trace> variants) {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("no variants");
        }
        Trace best = null;
        long bestScore = -1;
        for (Trace v : variants) {
            long score = score(actual, v);
            if (score > bestScore) {
                best = v;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * How near {@code actual} comes to the nearest variant: statements agreeing from the first on
     * count most, then the error, then the tables (higher is nearer).
     */
    public static long closeness(Trace actual, List<Trace> variants) {
        return variants.isEmpty() ? -1 : score(actual, closest(actual, variants));
    }

    private static long score(Trace actual, Trace expected) {
        int same = 0;
        List<TraceStatement> a = actual.statements();
        List<TraceStatement> e = expected.statements();
        while (same < a.size() && same < e.size() && statementDifference(a.get(same), e.get(same)) == null) {
            same++;
        }
        boolean allStatements = same == a.size() && same == e.size();
        long s = (long) same * 4;
        if (allStatements) {
            s += 1;
        }
        if (errorDifference(actual.error(), expected.error()) == null) {
            s += 1;
        }
        if (tablesDifference(actual.tables(), expected.tables()) == null) {
            s += 1;
        }
        return s;
    }

    /** The SQL text with every run of white space folded to one space. */
    public static String foldWhitespace(String sql) {
        return WHITESPACE.matcher(sql).replaceAll(" ");
    }

    /** Equal values as a trace compares them: numbers by value, the rest with equals. */
    public static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return decimal(x).compareTo(decimal(y)) == 0;
        }
        return Objects.equals(a, b);
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? new BigDecimal(d) : BigDecimal.valueOf(Long.MAX_VALUE);
        }
        if (n instanceof BigDecimal bd) {
            return bd;
        }
        return new BigDecimal(n.toString());
    }

    // ---------------------------------------------------------------- statements

    private static String statementDifference(List<TraceStatement> actual, List<TraceStatement> expected) {
        int n = Math.min(actual.size(), expected.size());
        for (int i = 0; i < n; i++) {
            String d = statementDifference(actual.get(i), expected.get(i));
            if (d != null) {
                return "statement #" + (i + 1) + " " + d;
            }
        }
        if (actual.size() < expected.size()) {
            return "statement #" + (n + 1) + " missing: expected " + describe(expected.get(n))
                    + " (" + expected.size() + " statements expected, " + actual.size() + " sent)";
        }
        if (actual.size() > expected.size()) {
            return "statement #" + (n + 1) + " not expected: " + describe(actual.get(n))
                    + " (" + expected.size() + " statements expected, " + actual.size() + " sent)";
        }
        return null;
    }

    /** True when two statements agree: same folded text, executemany or not, and equal parameters. */
    public static boolean sameStatement(TraceStatement a, TraceStatement b) {
        return statementDifference(a, b) == null;
    }

    private static String statementDifference(TraceStatement actual, TraceStatement expected) {
        String a = foldWhitespace(actual.sql());
        String e = foldWhitespace(expected.sql());
        if (!a.equals(e)) {
            return "text: expected `" + e + "` but was `" + a + "`";
        }
        if (actual.many() != expected.many()) {
            return "`" + e + "`: expected " + (expected.many() ? "one executemany" : "a single execute")
                    + " with " + params(expected) + " but was " + (actual.many() ? "an executemany" : "a single execute")
                    + " with " + params(actual);
        }
        if (!sameLists(actual.paramSets(), expected.paramSets())) {
            return "`" + e + "`: expected parameters " + params(expected) + " but was " + params(actual);
        }
        return null;
    }

    private static boolean sameLists(List<List<Object>> a, List<List<Object>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!sameValues(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValues(List<Object> a, List<Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!sameValue(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String describe(TraceStatement s) {
        return "`" + foldWhitespace(s.sql()) + "` " + params(s);
    }

    private static String params(TraceStatement s) {
        return String.valueOf(s.many() ? s.paramSets() : s.params());
    }

    // ---------------------------------------------------------------- error

    private static String errorDifference(TraceError actual, TraceError expected) {
        if (actual == null && expected == null) {
            return null;
        }
        if (actual == null) {
            return "error: expected " + describe(expected) + " but the run raised nothing";
        }
        if (expected == null) {
            return "error: expected none but was " + describe(actual);
        }
        if (!actual.type().equals(expected.type()) || !Objects.equals(actual.step(), expected.step())) {
            return "error: expected " + describe(expected) + " but was " + describe(actual);
        }
        return null;
    }

    private static String describe(TraceError e) {
        String where = e.step() == null ? "when the mappers configure" : "at step " + e.step();
        return e.type() + " " + where + " (" + e.message() + ")";
    }

    // ---------------------------------------------------------------- tables

    private static String tablesDifference(Map<String, List<Map<String, Object>>> actual,
                                           Map<String, List<Map<String, Object>>> expected) {
        for (String table : expected.keySet()) {
            if (!actual.containsKey(table)) {
                return "table " + table + ": missing";
            }
        }
        for (String table : actual.keySet()) {
            if (!expected.containsKey(table)) {
                return "table " + table + ": not expected";
            }
        }
        for (Map.Entry<String, List<Map<String, Object>>> t : expected.entrySet()) {
            String d = rowsDifference(actual.get(t.getKey()), t.getValue());
            if (d != null) {
                return "table " + t.getKey() + " " + d;
            }
        }
        return null;
    }

    private static String rowsDifference(List<Map<String, Object>> actual, List<Map<String, Object>> expected) {
        int n = Math.min(actual.size(), expected.size());
        for (int i = 0; i < n; i++) {
            if (!sameRow(actual.get(i), expected.get(i))) {
                return "row " + (i + 1) + ": expected " + expected.get(i) + " but was " + actual.get(i);
            }
        }
        if (actual.size() != expected.size()) {
            List<Map<String, Object>> longer = actual.size() > expected.size() ? actual : expected;
            return "has " + actual.size() + " rows, expected " + expected.size() + "; "
                    + (longer == actual ? "extra " : "missing ") + "row " + (n + 1) + ": " + longer.get(n);
        }
        return null;
    }

    private static boolean sameRow(Map<String, Object> a, Map<String, Object> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> e : b.entrySet()) {
            if (!sameValue(a.get(e.getKey()), e.getValue())) {
                return false;
            }
        }
        return true;
    }
}
