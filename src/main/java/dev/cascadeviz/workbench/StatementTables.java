package dev.cascadeviz.workbench;

import dev.cascadeviz.trace.RowChange;
import dev.cascadeviz.trace.TraceStatement;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The tables a statement reads or changes, for highlighting it in the graph. */
public final class StatementTables {

    private static final Pattern TARGET = Pattern.compile(
            "(?s)^(?:DELETE FROM|UPDATE|INSERT INTO)\\s+\"?(\\w+)\"?|\\bFROM\\s+\"?(\\w+)\"?");

    private StatementTables() {
    }

    /** The table the statement is about (DELETE FROM x, UPDATE x, the first FROM of a SELECT), or null. */
    public static String mainTable(TraceStatement s) {
        Matcher m = TARGET.matcher(s.sql());
        if (m.find()) {
            return m.group(1) != null ? m.group(1) : m.group(2);
        }
        return null;
    }

    /** The main table, every table the statement itself changed, and every table the database changed because of it. */
    public static Set<String> touched(TraceStatement s) {
        Set<String> out = new LinkedHashSet<>();
        String main = mainTable(s);
        if (main != null) {
            out.add(main);
        }
        for (RowChange c : s.changes()) {
            out.add(c.table());
        }
        for (RowChange c : s.databaseChanges()) {
            out.add(c.table());
        }
        return out;
    }
}
