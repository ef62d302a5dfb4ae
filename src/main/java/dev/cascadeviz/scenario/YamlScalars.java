package dev.cascadeviz.scenario;

import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The type of a plain YAML scalar, by YAML 1.1's implicit types as the files have always been
 * read (and as PyYAML, which the golden traces were captured with, reads them): {@code true},
 * {@code yes}, {@code on} are booleans; {@code ~}, {@code null} and nothing are null; integers
 * may be written 0b101, 017 (octal), 0x1F or with underscores; sexagesimal numbers (1:20) and
 * timestamps stay strings. Quoted scalars are always strings.
 */
final class YamlScalars {

    /** YAML 1.1's boolean words (a set, not a regular expression: every short plain scalar is looked up). */
    private static final Set<String> BOOL = Set.of(
            "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON",
            "off", "Off", "OFF");
    private static final Pattern INT = Pattern.compile(
            "[-+]?0b_*[0-1]+[0-1_]*|[-+]?0_*[0-7]+[0-7_]*|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x_*[0-9a-fA-F]+[0-9a-fA-F_]*");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(?:\\.[0-9]+|[0-9_]+(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?");
    private static final Pattern SPECIAL_FLOAT = Pattern.compile(
            "[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");

    private YamlScalars() {
    }

    /**
     * The plain scalar's node; a scalar YAML 1.1 reads as an infinite or not-a-number float, which
     * no column can hold, is a string of its text with {@link #unsupported} saying why.
     */
    static Node.Scalar plain(Node.Pos pos, String text) {
        int n = text.length();
        if (n == 0) {
            return new Node.Scalar(pos, Node.Kind.NULL, null, text);
        }
        char first = text.charAt(0);
        if (first == '~' && n == 1 || text.equals("null") || text.equals("Null") || text.equals("NULL")) {
            return new Node.Scalar(pos, Node.Kind.NULL, null, text);
        }
        if (n <= 5 && BOOL.contains(text)) {
            char c = Character.toLowerCase(first);
            boolean value = c == 'y' || c == 't' || c == 'o' && Character.toLowerCase(text.charAt(1)) == 'n';
            return new Node.Scalar(pos, Node.Kind.BOOLEAN, value, text);
        }
        boolean numeric = first >= '0' && first <= '9' || first == '-' || first == '+' || first == '.';
        if (!numeric) {
            return new Node.Scalar(pos, Node.Kind.STRING, text, text);
        }
        Long decimal = plainDecimal(text);
        if (decimal != null) {
            // written as Long.toString writes it (but "-0"): the text is made again when a message needs it
            return new Node.Scalar(pos, Node.Kind.INTEGER, decimal, decimal == 0 && n > 1 ? text : null);
        }
        if (INT.matcher(text).matches()) {
            Object value = integer(text);
            if (value != null) {
                return new Node.Scalar(pos, Node.Kind.INTEGER, value, text);
            }
        } else if (FLOAT.matcher(text).matches()) {
            try {
                return new Node.Scalar(pos, Node.Kind.FLOAT, Double.parseDouble(text.replace("_", "")), text);
            } catch (NumberFormatException e) {
                return new Node.Scalar(pos, Node.Kind.STRING, text, text);
            }
        }
        return new Node.Scalar(pos, Node.Kind.STRING, text, text);
    }

    /** Why a plain scalar cannot be a value (YAML's .inf and .nan), or null. */
    static String unsupported(String text) {
        if (!text.isEmpty() && text.charAt(0) != '.' && text.indexOf('.') < 0) {
            return null;
        }
        if (SPECIAL_FLOAT.matcher(text).matches() && text.indexOf(':') < 0) {
            return "the YAML value " + text + " (an infinite or not-a-number float) cannot be stored: write a finite number";
        }
        return null;
    }

    /** Whether plain text reads back as this very string. */
    static boolean isPlainString(String text) {
        return plain(new Node.Pos(1, 1), text).kind() == Node.Kind.STRING && unsupported(text) == null;
    }

    /** The common case, without a regular expression: 1 to 18 digits, no leading zero, an optional '-'. */
    private static Long plainDecimal(String text) {
        int start = text.charAt(0) == '-' ? 1 : 0;
        int n = text.length();
        if (n == start || n - start > 18 || text.charAt(start) == '0' && n - start > 1) {
            return null;
        }
        long v = 0;
        for (int i = start; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        return start == 1 ? -v : v;
    }

    private static Object integer(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (negative || t.startsWith("+")) {
            t = t.substring(1);
        }
        int radix = 10;
        if (t.startsWith("0b")) {
            radix = 2;
            t = t.substring(2);
        } else if (t.startsWith("0x")) {
            radix = 16;
            t = t.substring(2);
        } else if (t.length() > 1 && t.startsWith("0")) {
            radix = 8;
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            return null;
        }
        BigInteger v = new BigInteger(t, radix);
        if (negative) {
            v = v.negate();
        }
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }
}
