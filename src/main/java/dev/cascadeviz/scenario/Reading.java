package dev.cascadeviz.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Typed access to {@link Node}s for the section readers: each method either returns the value
 * or records a problem that says what was expected and returns null.
 */
final class Reading {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    final Problems problems;

    Reading(Problems problems) {
        this.problems = problems;
    }

    void problem(Node.Pos pos, String message) {
        problems.add(pos, message);
    }

    void problem(Node node, String message) {
        problems.add(node, message);
    }

    Node.MapNode map(Node node, String what) {
        if (node instanceof Node.MapNode m) {
            return m;
        }
        problem(node, "expected a mapping for " + what + ", found " + node.describe());
        return null;
    }

    /** Like {@link #map} but a null (e.g. an empty section) is an empty mapping. */
    Node.MapNode mapOrEmpty(Node node, String what) {
        if (node instanceof Node.Scalar s && s.kind() == Node.Kind.NULL) {
            return new Node.MapNode(node.pos(), Map.of());
        }
        return map(node, what);
    }

    Node.ListNode list(Node node, String what) {
        if (node instanceof Node.ListNode l) {
            return l;
        }
        if (node instanceof Node.Scalar s && s.kind() == Node.Kind.NULL) {
            return new Node.ListNode(node.pos(), List.of());
        }
        problem(node, "expected a list for " + what + ", found " + node.describe());
        return null;
    }

    /** Records a problem for every key of m that is not allowed; true when all are. */
    boolean keys(Node.MapNode m, Collection<String> allowed, String where) {
        boolean ok = true;
        for (Node.Entry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                problem(e.keyPos(), "unknown key '" + e.key() + "' in " + where + "; allowed keys: "
                        + String.join(", ", allowed));
                ok = false;
            }
        }
        return ok;
    }

    String string(Node node, String what) {
        if (node instanceof Node.Scalar s && s.isString()) {
            return (String) s.value();
        }
        String hint = node instanceof Node.Scalar s && s.kind() != Node.Kind.NULL ? " (quote it to make it a string)" : "";
        problem(node, "expected a string for " + what + ", found " + node.describe() + hint);
        return null;
    }

    /** A string that must be a name usable in Python and SQL: letters, digits, underscores. */
    String identifier(Node node, String what) {
        String s = string(node, what);
        if (s != null && !IDENTIFIER.matcher(s).matches()) {
            problem(node, "expected a name of letters, digits and underscores for " + what + ", found '" + s + "'");
            return null;
        }
        return s;
    }

    static boolean isIdentifier(String s) {
        return IDENTIFIER.matcher(s).matches();
    }

    /**
     * Why a table or column name cannot be used, or null when it can. SQLAlchemy takes any string
     * and quotes it in SQL as its SQLite dialect does (spaces, a leading digit, other alphabets,
     * quotes and reserved words are all fine). Refused: an empty name; a dot, since a
     * {@code table.column} reference (the file's and SQLAlchemy's {@code ForeignKey("table.column")})
     * splits at dots and "assumes that '.' will never appear within any component"; control
     * characters, which SQLite's C interface would cut at NUL and no line of SQL or Python can show.
     */
    static String sqlNameProblem(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        if (name.indexOf('.') >= 0) {
            return "contains '.': a table.column reference (and SQLAlchemy's ForeignKey(\"table.column\")) "
                    + "splits at the dots, so a name cannot hold one";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                return "contains a control character";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= name.length() || !Character.isLowSurrogate(name.charAt(i + 1))) {
                    return "contains an unpaired surrogate";
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate";
            }
        }
        return null;
    }

    Boolean bool(Node node, String what) {
        if (node instanceof Node.Scalar s && s.kind() == Node.Kind.BOOLEAN) {
            return (Boolean) s.value();
        }
        problem(node, "expected true or false for " + what + ", found " + node.describe());
        return null;
    }

    Long integer(Node node, String what) {
        if (node instanceof Node.Scalar s && s.kind() == Node.Kind.INTEGER && s.value() instanceof Long l) {
            return l;
        }
        problem(node, "expected an integer for " + what + ", found " + node.describe());
        return null;
    }

    /** An integer or a finite decimal number, as a double. */
    Double number(Node node, String what) {
        if (node instanceof Node.Scalar s && s.value() instanceof Number n
                && (s.kind() == Node.Kind.INTEGER || s.kind() == Node.Kind.FLOAT) && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        problem(node, "expected a number for " + what + ", found " + node.describe());
        return null;
    }

    /** A string or a list of strings (e.g. order_by), or null after a problem. */
    List<String> strings(Node node, String what) {
        if (node instanceof Node.ListNode l) {
            List<String> out = new ArrayList<>();
            boolean ok = true;
            for (Node item : l.items()) {
                String s = string(item, what);
                ok &= s != null;
                out.add(s);
            }
            return ok ? out : null;
        }
        if (node instanceof Node.Scalar s && s.isString()) {
            return List.of((String) s.value());
        }
        problem(node, "expected a string or a list of strings for " + what + ", found " + node.describe());
        return null;
    }

    static String quoted(Collection<String> names) {
        return names.isEmpty() ? "(none)" : "'" + String.join("', '", names) + "'";
    }
}
