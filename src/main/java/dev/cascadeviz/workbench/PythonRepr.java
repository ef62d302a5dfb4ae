package dev.cascadeviz.workbench;

import java.util.ArrayList;
import java.util.List;

/** Python's repr of the parameter values SQLAlchemy's echo prints: tuples, None, True, 'text'. */
final class PythonRepr {

    /** SQLAlchemy shows at most this many parameter sets of an executemany. */
    static final int MAX_PARAM_SETS = 10;

    private PythonRepr() {
    }

    static String value(Object v) {
        if (v == null) {
            return "None";
        } else if (v instanceof Boolean b) {
            return b ? "True" : "False";
        } else if (v instanceof String s) {
            return s.contains("'") && !s.contains("\"") ? "\"" + s + "\""
                    : "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        } else if (v instanceof Double d) {
            return d == Math.rint(d) && !d.isInfinite() ? String.format("%.1f", d) : d.toString();
        }
        return String.valueOf(v);
    }

    static String tuple(List<Object> values) {
        List<String> parts = new ArrayList<>();
        for (Object v : values) {
            parts.add(value(v));
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
}
