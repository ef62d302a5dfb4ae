package dev.cascadeviz.app.log;

import dev.cascadeviz.app.tables.RowState;
import dev.cascadeviz.app.tables.TableReplay;
import dev.cascadeviz.app.tables.Values;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the rows each SELECT of a trace loads into the session, by evaluating the simple SELECT
 * shapes the ORM emits (gets, lazy loads, loads through a secondary table: equality joins and
 * parameters) over the tables as they were when it ran.
 */
public final class LoadedRows {

    private static final Pattern SELECT = Pattern.compile(
            "(?s)^SELECT .*?\\sFROM (.+?)(?:\\s+WHERE (.+?))?(?:\\s+ORDER BY .*)?$");
    private static final Pattern COLUMN = Pattern.compile("^\"?([A-Za-z_][\\w]*)\"?\\.\"?([A-Za-z_][\\w]*)\"?$");

    private LoadedRows() {
    }

    /** Traces larger than this are not re-evaluated here (that would freeze the window). */
    private static final int MAX_EVALUATED_STATEMENTS = 300;

    /**
     * Rows loaded by all SELECTs together: the counts the simulator recorded, else (a trace read
     * from a file) by evaluating small traces; -1 when unknown.
     */
    public static int total(Scenario scenario, Trace trace) {
        int recorded = 0;
        boolean allRecorded = true;
        for (TraceStatement s : trace.statements()) {
            if (s.isSelect()) {
                if (s.rowsReturned() < 0) {
                    allRecorded = false;
                    break;
                }
                recorded += s.rowsReturned();
            }
        }
        if (allRecorded) {
            return recorded;
        }
        if (trace.statements().size() > MAX_EVALUATED_STATEMENTS) {
            return -1;
        }
        int total = 0;
        for (int i = 0; i < trace.statements().size(); i++) {
            TraceStatement s = trace.statements().get(i);
            if (!s.isSelect()) {
                continue;
            }
            int n = count(s, current(scenario, trace, i));
            if (n < 0) {
                return -1;
            }
            total += n;
        }
        return total;
    }

    private static Map<String, List<Map<String, Object>>> current(Scenario scenario, Trace trace, int before) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        TableReplay.after(scenario, trace, before).forEach((table, rows) -> {
            List<Map<String, Object>> live = new ArrayList<>();
            for (RowState r : rows) {
                if (!r.isDeleted()) {
                    live.add(r.now());
                }
            }
            out.put(table, live);
        });
        return out;
    }

    /** Rows of the first FROM table the statement returns, or -1 when its shape is not understood. */
    static int count(TraceStatement s, Map<String, List<Map<String, Object>>> tables) {
        Matcher m = SELECT.matcher(s.sql().strip());
        if (!m.matches()) {
            return -1;
        }
        List<String[]> from = new ArrayList<>();
        for (String part : m.group(1).split(",")) {
            String[] words = part.trim().split("\\s+");
            String table = unquote(words[0]);
            String alias = words.length == 3 && words[1].equalsIgnoreCase("AS") ? unquote(words[2]) : table;
            if (words.length != 1 && words.length != 3 || !tables.containsKey(table)) {
                return -1;
            }
            from.add(new String[] {table, alias});
        }
        List<String[]> conditions = new ArrayList<>();
        if (m.group(2) != null) {
            for (String c : m.group(2).split("\\s+AND\\s+")) {
                String[] sides = c.split("\\s*=\\s*");
                if (sides.length != 2) {
                    return -1;
                }
                conditions.add(new String[] {sides[0].trim(), sides[1].trim()});
            }
        }
        int[] matched = {0};
        join(from, 0, new HashMap<>(), tables, conditions, s.params(), matched, new ArrayList<>());
        return matched[0];
    }

    private static void join(List<String[]> from, int i, Map<String, Map<String, Object>> bound,
                             Map<String, List<Map<String, Object>>> tables, List<String[]> conditions,
                             List<Object> params, int[] matched, List<Map<String, Object>> firstSeen) {
        if (i == from.size()) {
            if (holds(conditions, bound, params)) {
                Map<String, Object> first = bound.get(from.get(0)[1]);
                if (firstSeen.stream().noneMatch(r -> r == first)) {
                    firstSeen.add(first);
                    matched[0]++;
                }
            }
            return;
        }
        for (Map<String, Object> row : tables.get(from.get(i)[0])) {
            bound.put(from.get(i)[1], row);
            join(from, i + 1, bound, tables, conditions, params, matched, firstSeen);
        }
        bound.remove(from.get(i)[1]);
    }

    private static boolean holds(List<String[]> conditions, Map<String, Map<String, Object>> bound, List<Object> params) {
        int p = 0;
        for (String[] c : conditions) {
            Object[] v = new Object[2];
            for (int side = 0; side < 2; side++) {
                if (c[side].equals("?")) {
                    v[side] = p < params.size() ? params.get(p) : null;
                    p++;
                } else {
                    Matcher col = COLUMN.matcher(c[side]);
                    if (!col.matches() || !bound.containsKey(col.group(1))) {
                        return false;
                    }
                    v[side] = bound.get(col.group(1)).get(col.group(2));
                }
            }
            if (v[0] == null || v[1] == null || !Values.same(v[0], v[1])) {
                return false;
            }
        }
        return true;
    }

    private static String unquote(String name) {
        return name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1) : name;
    }
}
