package dev.cascadeviz.scenario;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The grammar of what a step names, shared by the file reader and the one-line notation of
 * {@link StepNotation}:
 *
 * <pre>
 * object    := Class '(' key (',' key)* ')'  |  name
 * attribute := object '.' (identifier | 'string' | "string")   (a column named "first name": Person(1).'first name')
 * key       := integer | decimal | 'string' | "string"      (a backslash escapes the next character)
 * name      := a lower-case identifier bound by an earlier step (o1, new_item)
 * </pre>
 *
 * and of a value written in one line ({@link #scalar}): None, true/false, a number, a quoted
 * string, or else the text itself (an object, a name, a plain word), resolved exactly as YAML
 * resolves the same plain scalar.
 */
final class StepSyntax {

    /**
     * A parsed object, optionally followed by an attribute: either {@code Class(key...)} (name
     * null) or a name bound by an earlier step (className null, key empty).
     */
    record Parsed(String className, List<Object> key, String name, String attribute) {

        boolean isName() {
            return name != null;
        }
    }

    /** What was expected; the text is short, so no position within it is needed. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+");

    private final String text;
    private int at;

    private StepSyntax(String text) {
        this.text = text;
    }

    /** An object ({@code Artist(1)}, {@code o1}), with {@code .attribute} when withAttribute. */
    static Parsed parse(String text, boolean withAttribute) throws SyntaxError {
        StepSyntax p = new StepSyntax(text.trim());
        String first = p.identifier("a class name");
        Parsed object;
        if (p.peek() != '(' && NAME.matcher(first).matches() && (p.peek() == '.' || p.at == p.text.length())) {
            object = new Parsed(null, List.of(), first, null);
        } else {
            object = new Parsed(first, p.key(first), null, null);
        }
        String attribute = null;
        if (withAttribute) {
            p.expect('.');
            attribute = p.peek() == '\'' || p.peek() == '"' ? p.quotedName() : p.identifier("an attribute name");
        }
        if (p.at != p.text.length()) {
            throw new SyntaxError("unexpected '" + p.text.substring(p.at) + "' after the object");
        }
        return new Parsed(object.className(), object.key(), object.name(), attribute);
    }

    private List<Object> key(String cls) throws SyntaxError {
        expect('(');
        List<Object> key = new ArrayList<>();
        spaces();
        if (peek() == ')') {
            throw new SyntaxError("the object needs its primary key between the parentheses, e.g. " + cls + "(1)");
        }
        while (true) {
            spaces();
            key.add(keyValue());
            spaces();
            if (peek() == ',') {
                at++;
                continue;
            }
            expect(')');
            return key;
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void spaces() {
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
    }

    private void expect(char c) throws SyntaxError {
        if (peek() != c) {
            throw new SyntaxError("expected '" + c + "' " + (at < text.length() ? "but found '" + peek() + "'" : "at the end"));
        }
        at++;
    }

    private String identifier(String what) throws SyntaxError {
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
            at++;
        }
        String s = text.substring(start, at);
        if (s.isEmpty() || !Reading.isIdentifier(s)) {
            throw new SyntaxError("expected " + what + " at '" + text.substring(start) + "'");
        }
        return s;
    }

    /**
     * {@code Artist(1).songs}, {@code o1.'first name'} split at the dot after the object: the
     * object's text and the attribute (unquoted); null when there is no such dot.
     */
    static String[] splitAttribute(String text) {
        String t = text.trim();
        int depth = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closingQuote(t, i);
                if (end < 0) {
                    return null;
                }
                i = end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == '.' && depth == 0) {
                String attr = t.substring(i + 1).trim();
                if (attr.length() >= 2 && (attr.charAt(0) == '\'' || attr.charAt(0) == '"')
                        && closingQuote(attr, 0) == attr.length() - 1) {
                    attr = unquote(attr);
                }
                return new String[] {t.substring(0, i).trim(), attr};
            }
        }
        return null;
    }

    /** A quoted attribute name: a column whose name is not an identifier. */
    private String quotedName() throws SyntaxError {
        int end = closingQuote(text, at);
        if (end < 0) {
            throw new SyntaxError("the attribute name " + text.substring(at) + " has no closing " + peek());
        }
        String s = unquote(text.substring(at, end + 1));
        at = end + 1;
        return s;
    }

    /** An attribute as the notation writes it: bare when it is an identifier, else quoted. */
    static String attribute(String name) {
        return Reading.isIdentifier(name) ? name : quote(name);
    }

    private Object keyValue() throws SyntaxError {
        char c = peek();
        if (c == '\'' || c == '"') {
            int end = closingQuote(text, at);
            if (end < 0) {
                throw new SyntaxError("the string key " + text.substring(at) + " has no closing " + c);
            }
            String s = unquote(text.substring(at, end + 1));
            at = end + 1;
            return s;
        }
        int start = at;
        while (at < text.length() && "+-.0123456789eE".indexOf(peek()) >= 0) {
            at++;
        }
        String number = text.substring(start, at);
        if (INTEGER.matcher(number).matches()) {
            try {
                return Long.parseLong(number.startsWith("+") ? number.substring(1) : number);
            } catch (NumberFormatException e) {
                throw new SyntaxError("the key " + number + " is too large for an integer");
            }
        }
        if (DECIMAL.matcher(number).matches()) {
            return Double.parseDouble(number);
        }
        throw new SyntaxError("expected a key: an integer or a quoted string, e.g. 1 or 'python'");
    }

    /** The index of the quote closing the string that opens at {@code start}, or -1. */
    static int closingQuote(String text, int start) {
        char q = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == q) {
                return i;
            }
        }
        return -1;
    }

    /** A quoted string's content: the quotes dropped, each backslash keeping only the character after it. */
    static String unquote(String quoted) {
        StringBuilder sb = new StringBuilder(quoted.length());
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length() - 1) {
                c = quoted.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** A string in single quotes, backslash and quote escaped: what {@link #unquote} reads back. */
    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** The value a one-line field stands for, typed as the YAML reader types the same plain or quoted scalar. */
    static Node.Scalar scalar(String field, Node.Pos pos) {
        String t = field.strip();
        if (t.length() >= 2 && (t.charAt(0) == '\'' || t.charAt(0) == '"') && closingQuote(t, 0) == t.length() - 1) {
            return new Node.Scalar(pos, Node.Kind.STRING, unquote(t), t);
        }
        switch (t) {
            case "None", "null", "Null", "NULL", "~" -> {
                return new Node.Scalar(pos, Node.Kind.NULL, null, t);
            }
            case "true", "True", "TRUE", "false", "False", "FALSE" -> {
                return new Node.Scalar(pos, Node.Kind.BOOLEAN, t.equalsIgnoreCase("true"), t);
            }
            default -> {
            }
        }
        if (INTEGER.matcher(t).matches()) {
            try {
                return new Node.Scalar(pos, Node.Kind.INTEGER, Long.parseLong(t.startsWith("+") ? t.substring(1) : t), t);
            } catch (NumberFormatException e) {
                return new Node.Scalar(pos, Node.Kind.INTEGER, new BigInteger(t), t);
            }
        }
        if (DECIMAL.matcher(t).matches()) {
            return new Node.Scalar(pos, Node.Kind.FLOAT, Double.parseDouble(t), t);
        }
        return new Node.Scalar(pos, Node.Kind.STRING, t, t);
    }

    /**
     * Where {@code word} stands in {@code line} at or after {@code from}, outside quotes and
     * parentheses (a word separator needs white space around it, "=" does not); -1 when absent.
     */
    static int separator(String line, String word, int from) {
        boolean isWord = Character.isLetter(word.charAt(0));
        int depth = 0;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closingQuote(line, i);
                if (end < 0) {
                    return -1;
                }
                i = end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && line.startsWith(word, i)) {
                if (!isWord) {
                    return i;
                }
                boolean before = i > from && Character.isWhitespace(line.charAt(i - 1));
                int after = i + word.length();
                if (before && after < line.length() && Character.isWhitespace(line.charAt(after))) {
                    return i;
                }
            }
        }
        return -1;
    }
}
