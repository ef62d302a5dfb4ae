package dev.cascadeviz.interop;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Python's spelling of values and names: the literals an exported module writes, and the
 * {@code repr()} SQLAlchemy's echo prints parameters with. The one place that renders Python.
 */
public final class PythonLiterals {

    /** Python 3 keywords (and the soft ones an attribute must not shadow in a class body). */
    static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield");

    private PythonLiterals() {
    }

    /** A double-quoted Python string literal. */
    static String string(String s) {
        return quoted(s, '"');
    }

    /** A string as Python's {@code repr()} writes it: single quotes, double quotes when it holds a ' and no ". */
    public static String reprString(String s) {
        return quoted(s, s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'');
    }

    private static String quoted(String s, char quote) {
        StringBuilder sb = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == quote) {
                        sb.append('\\').append(c);
                    } else if (c < 0x20 || c >= 0x7f && c <= 0xff && !printable(c)) {
                        sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else if (c > 0xff && !Character.isSurrogate(c) && !printable(c)) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else if (Character.isSurrogate(c) && !validPair(s, i)) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append(quote).toString();
    }

    /** A value (Long, Double, String, Boolean or null) as Python's {@code repr()} prints it: {@code 'x'}, None, 1.5. */
    public static String repr(Object v) {
        if (v instanceof String s) {
            return reprString(s);
        }
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return d.isNaN() ? "nan" : d > 0 ? "inf" : "-inf";
        }
        return value(v);
    }

    /** Python's {@code repr(float)}: the shortest digits, positional from 1e-4 up to 1e16, else 1e+16 / 1.5e-05. */
    static String floatRepr(double d) {
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = b.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - b.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = b.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }

    /** Python's str.isprintable for one character: not a control, format, separator other than space, or unassigned. */
    private static boolean printable(char c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** A scenario value (Long, Double, String, Boolean or null) as a Python source literal. */
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
            return floatRepr(d);
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
