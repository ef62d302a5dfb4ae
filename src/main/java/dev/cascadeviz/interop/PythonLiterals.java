package dev.cascadeviz.interop;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Python source spelling of the values and names an exported module uses. */
final class PythonLiterals {

    /** Python 3 keywords (and the soft ones an attribute must not shadow in a class body). */
    static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield");

    private PythonLiterals() {
    }

    /** A double-quoted Python string literal. */
    static String string(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    // Controls, line and paragraph separators, direction overrides and lone surrogates as escapes.
                    if (c < 0x20 || c == 0x7f || dev.cascadeviz.model.VisibleText.needsEscape(s, i)) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A scenario value (Long, Double, String, Boolean or null) as a Python literal. */
    static String value(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "float(\"nan\")";
            }
            if (d.isInfinite()) {
                return d > 0 ? "float(\"inf\")" : "float(\"-inf\")";
            }
            return Double.toString(d);
        }
        if (v instanceof Number n) {
            return n.toString();
        }
        return string(v.toString());
    }

    static String bool(boolean b) {
        return b ? "True" : "False";
    }

    static String stringList(List<String> items) {
        return "[" + String.join(", ", items.stream().map(PythonLiterals::string).toList()) + "]";
    }

    /** True when the name can be a Python identifier as it is. */
    static boolean isIdentifier(String name) {
        if (name.isEmpty() || KEYWORDS.contains(name) || !Character.isJavaIdentifierStart(name.charAt(0))
                || name.charAt(0) == '$') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** A Python identifier made from a name: other characters become '_', a keyword gets a trailing '_'. */
    static String identifier(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(Character.isLetterOrDigit(c) || c == '_' ? c : '_');
        }
        if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        String s = sb.toString();
        return KEYWORDS.contains(s) ? s + "_" : s;
    }

    /** {@code OrderItem} as {@code order_item}. */
    static String snake(String name) {
        String s = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return identifier(s);
    }
}
