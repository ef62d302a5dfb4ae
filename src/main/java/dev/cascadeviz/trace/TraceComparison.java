package dev.cascadeviz.trace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Two runs of one scenario side by side: which statements both sent (the longest common
 * subsequence of statements that agree as {@link TraceAgreement#sameStatement} defines it), which
 * only one side sent or sent with other parameters, the counts, and which rows of the resulting
 * tables differ. Rows are matched by primary key when the caller knows the key columns, else by
 * their whole content.
 */
public final class TraceComparison {

    /** Above this many statement pairs, only the common beginning and end are matched. */
    private static final long LCS_LIMIT = 4_000_000L;

    public enum Side { LEFT, RIGHT }

    /** How a statement of one side relates to the other side. */
    public enum StatementStatus {
        /** The other side sent the same statement at the matching place. */
        SAME,
        /** The other side sent the same SQL text there, with other parameters. */
        OTHER_PARAMETERS,
        /** Only this side sent it. */
        ONLY_HERE
    }

    /** How a row of one side's resulting table relates to the other side. */
    public enum RowStatus {
        SAME,
        /** The other side has the row with the same primary key, with other values. */
        CHANGED,
        /** The other side has no such row. */
        ONLY_HERE
    }

    /** One row of a side's table, with the columns whose values differ from the other side's row. */
    public record RowDiff(Map<String, Object> row, RowStatus status, Set<String> changedColumns) {
    }

    /** One table after both runs; a side without the table has no rows. */
    public record TableDiff(String table, List<RowDiff> left, List<RowDiff> right) {

        public boolean differs() {
            return left.stream().anyMatch(r -> r.status() != RowStatus.SAME)
                    || right.stream().anyMatch(r -> r.status() != RowStatus.SAME);
        }

        public List<RowDiff> side(Side side) {
            return side == Side.LEFT ? left : right;
        }
    }

    private final Trace left;
    private final Trace right;
    private final List<StatementStatus> leftStatements;
    private final List<StatementStatus> rightStatements;
    private final List<TableDiff> tables;

    private TraceComparison(Trace left, Trace right, List<StatementStatus> l, List<StatementStatus> r,
                            List<TableDiff> tables) {
        this.left = left;
        this.right = right;
        this.leftStatements = List.copyOf(l);
        this.rightStatements = List.copyOf(r);
        this.tables = List.copyOf(tables);
    }

    /**
     * Compares two traces.
     *
     * @param primaryKeys the key columns of each table; a table without an entry is matched by whole rows
     */
    public static TraceComparison of(Trace left, Trace right, Map<String, List<String>> primaryKeys) {
        List<TraceStatement> a = left.statements();
        List<TraceStatement> b = right.statements();
        StatementStatus[] sa = new StatementStatus[a.size()];
        StatementStatus[] sb = new StatementStatus[b.size()];
        Arrays.fill(sa, StatementStatus.ONLY_HERE);
        Arrays.fill(sb, StatementStatus.ONLY_HERE);
        List<int[]> pairs = matchStatements(a, b);
        for (int[] p : pairs) {
            sa[p[0]] = StatementStatus.SAME;
            sb[p[1]] = StatementStatus.SAME;
        }
        pairSameText(a, b, pairs, sa, sb);
        return new TraceComparison(left, right, List.of(sa), List.of(sb),
                compareTables(left.tables(), right.tables(), primaryKeys == null ? Map.of() : primaryKeys));
    }

    // ------------------------------------------------------------------ results

    public Trace trace(Side side) {
        return side == Side.LEFT ? left : right;
    }

    /** Each statement's status, in the order the side sent them. */
    public List<StatementStatus> statements(Side side) {
        return side == Side.LEFT ? leftStatements : rightStatements;
    }

    /** Statements sent; an executemany is one statement. */
    public int statementCount(Side side) {
        return trace(side).statements().size();
    }

    /** Round trips to the database: one per statement, an executemany being a single round trip. */
    public int roundTrips(Side side) {
        return statementCount(side);
    }

    /** Parameter sets executed: an executemany counts once per parameter set. */
    public int executions(Side side) {
        return trace(side).statements().stream().mapToInt(s -> Math.max(1, s.paramSets().size())).sum();
    }

    /** Statements only this side sent (or sent with other parameters). */
    public int differingStatements(Side side) {
        return (int) statements(side).stream().filter(s -> s != StatementStatus.SAME).count();
    }

    public boolean sameStatements() {
        return differingStatements(Side.LEFT) == 0 && differingStatements(Side.RIGHT) == 0;
    }

    /** Both raised nothing, or both raised the same error type at the same step. */
    public boolean sameError() {
        TraceError x = left.error();
        TraceError y = right.error();
        if (x == null || y == null) {
            return x == y;
        }
        return x.type().equals(y.type()) && Objects.equals(x.step(), y.step());
    }

    /** Every table of either side, in the left side's order, then tables only the right side has. */
    public List<TableDiff> tables() {
        return tables;
    }

    public boolean sameTables() {
        return tables.stream().noneMatch(TableDiff::differs);
    }

    /** Rows of resulting tables that differ (counted on both sides). */
    public int differingRows(Side side) {
        int n = 0;
        for (TableDiff t : tables) {
            n += (int) t.side(side).stream().filter(r -> r.status() != RowStatus.SAME).count();
        }
        return n;
    }

    public boolean identical() {
        return sameStatements() && sameError() && sameTables();
    }

    // ------------------------------------------------------------------ statements

    /** Index pairs of matching statements, in order: common ends, then the LCS of the middle when small enough. */
    private static List<int[]> matchStatements(List<TraceStatement> a, List<TraceStatement> b) {
        int start = 0;
        while (start < a.size() && start < b.size() && TraceAgreement.sameStatement(a.get(start), b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && TraceAgreement.sameStatement(a.get(endA - 1), b.get(endB - 1))) {
            endA--;
            endB--;
        }
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < start; i++) {
            pairs.add(new int[] {i, i});
        }
        int n = endA - start;
        int m = endB - start;
        if ((long) n * m <= LCS_LIMIT) {
            pairs.addAll(lcs(a, b, start, endA, start, endB));
        }
        for (int i = 0; endA + i < a.size(); i++) {
            pairs.add(new int[] {endA + i, endB + i});
        }
        return pairs;
    }

    private static List<int[]> lcs(List<TraceStatement> a, List<TraceStatement> b, int a0, int a1, int b0, int b1) {
        int n = a1 - a0;
        int m = b1 - b0;
        int[][] len = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                len[i][j] = TraceAgreement.sameStatement(a.get(a0 + i), b.get(b0 + j))
                        ? len[i + 1][j + 1] + 1
                        : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        List<int[]> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (TraceAgreement.sameStatement(a.get(a0 + i), b.get(b0 + j))) {
                out.add(new int[] {a0 + i, b0 + j});
                i++;
                j++;
            } else if (len[i + 1][j] >= len[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return out;
    }

    /** Between two matched statements, pairs unmatched ones with the same text (and executemany or not), in order. */
    private static void pairSameText(List<TraceStatement> a, List<TraceStatement> b, List<int[]> pairs,
                                     StatementStatus[] sa, StatementStatus[] sb) {
        int prevA = -1;
        int prevB = -1;
        List<int[]> bounds = new ArrayList<>(pairs);
        bounds.add(new int[] {a.size(), b.size()});
        for (int[] p : bounds) {
            int j = prevB + 1;
            for (int i = prevA + 1; i < p[0]; i++) {
                for (int k = j; k < p[1]; k++) {
                    if (sb[k] == StatementStatus.ONLY_HERE && sameText(a.get(i), b.get(k))) {
                        sa[i] = StatementStatus.OTHER_PARAMETERS;
                        sb[k] = StatementStatus.OTHER_PARAMETERS;
                        j = k + 1;
                        break;
                    }
                }
            }
            prevA = p[0];
            prevB = p[1];
        }
    }

    private static boolean sameText(TraceStatement x, TraceStatement y) {
        return x.many() == y.many()
                && TraceAgreement.foldWhitespace(x.sql()).equals(TraceAgreement.foldWhitespace(y.sql()));
    }

    // ------------------------------------------------------------------ tables

    private static List<TableDiff> compareTables(Map<String, List<Map<String, Object>>> a,
                                                 Map<String, List<Map<String, Object>>> b,
                                                 Map<String, List<String>> keys) {
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        List<TableDiff> out = new ArrayList<>();
        for (String t : names) {
            List<Map<String, Object>> ra = a.getOrDefault(t, List.of());
            List<Map<String, Object>> rb = b.getOrDefault(t, List.of());
            List<String> key = keys.getOrDefault(t, List.of());
            out.add(new TableDiff(t, side(ra, rb, key), side(rb, ra, key)));
        }
        return out;
    }

    private static List<RowDiff> side(List<Map<String, Object>> rows, List<Map<String, Object>> other, List<String> key) {
        Map<List<String>, List<Map<String, Object>>> byKey = new HashMap<>();
        for (Map<String, Object> r : other) {
            byKey.computeIfAbsent(key(r, key), k -> new ArrayList<>()).add(r);
        }
        List<RowDiff> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            List<Map<String, Object>> candidates = byKey.getOrDefault(key(r, key), List.of());
            if (candidates.isEmpty()) {
                out.add(new RowDiff(r, RowStatus.ONLY_HERE, Set.of()));
                continue;
            }
            Map<String, Object> match = candidates.remove(0);
            Set<String> changed = new LinkedHashSet<>();
            Set<String> columns = new LinkedHashSet<>(r.keySet());
            columns.addAll(match.keySet());
            for (String c : columns) {
                if (!r.containsKey(c) || !match.containsKey(c) || !TraceAgreement.sameValue(r.get(c), match.get(c))) {
                    changed.add(c);
                }
            }
            out.add(new RowDiff(r, changed.isEmpty() ? RowStatus.SAME : RowStatus.CHANGED,
                    Collections.unmodifiableSet(changed)));
        }
        return out;
    }

    /** The row's key values in a form equal for values a trace calls equal; the whole row without key columns. */
    private static List<String> key(Map<String, Object> row, List<String> key) {
        List<String> out = new ArrayList<>();
        if (key.isEmpty() || !row.keySet().containsAll(key)) {
            Map<String, Object> sorted = new LinkedHashMap<>();
            row.keySet().stream().sorted().forEach(c -> sorted.put(c, row.get(c)));
            sorted.forEach((c, v) -> out.add(c + "=" + canonical(v)));
            return out;
        }
        for (String c : key) {
            out.add(canonical(row.get(c)));
        }
        return out;
    }

    private static String canonical(Object v) {
        if (v instanceof Number n) {
            BigDecimal d;
            try {
                d = n instanceof Double || n instanceof Float ? new BigDecimal(n.doubleValue()) : new BigDecimal(n.toString());
            } catch (NumberFormatException e) {
                return "n:" + n;
            }
            return "n:" + d.stripTrailingZeros().toPlainString();
        }
        if (v == null) {
            return "null";
        }
        return v.getClass().getSimpleName() + ":" + v;
    }
}
