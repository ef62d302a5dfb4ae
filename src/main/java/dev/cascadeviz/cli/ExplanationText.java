package dev.cascadeviz.cli;

import dev.cascadeviz.advice.Advice;
import dev.cascadeviz.trace.RowChange;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The text of {@code explain}: warnings with their fixes, then statements with their causes. */
final class ExplanationText {

    private ExplanationText() {
    }

    static String of(List<Advice> advice, Trace trace) {
        StringBuilder b = new StringBuilder();
        if (advice.isEmpty()) {
            b.append("Warnings: none\n");
        } else {
            b.append("Warnings:\n");
            for (Advice a : advice) {
                b.append("  ! ").append(a.message()).append('\n');
                b.append("    fix: ").append(a.fix().description()).append('\n');
            }
        }
        b.append('\n').append("Statements:\n");
        if (trace.statements().isEmpty()) {
            b.append("  (none)\n");
        }
        int n = 1;
        for (TraceStatement s : trace.statements()) {
            b.append(String.format("%3d. ", n++)).append(oneLine(s.sql())).append('\n');
            b.append("     params: ").append(s.many() ? s.paramSets() : s.params()).append('\n');
            b.append("     why: ").append(s.cause() == null ? "(not explained)" : s.cause()).append('\n');
            for (String rule : databaseRules(s)) {
                b.append("     then the database: ").append(rule).append('\n');
            }
        }
        for (String w : trace.warnings()) {
            b.append("SAWarning: ").append(w).append('\n');
        }
        if (trace.error() != null) {
            b.append(trace.error().type()).append(": ").append(trace.error().message()).append('\n');
        }
        return b.toString();
    }

    private static String oneLine(String sql) {
        return sql.replace(" \n", " ").replace('\n', ' ');
    }

    /** Each database rule that fired, with how many rows of which table it changed. */
    private static List<String> databaseRules(TraceStatement s) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RowChange c : s.databaseChanges()) {
            String key = c.foreignKey() + ": " + c.kind().name().toLowerCase(Locale.ROOT) + " " + c.table();
            counts.merge(key, 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(k + " (" + v + (v == 1 ? " row)" : " rows)")));
        return out;
    }
}
