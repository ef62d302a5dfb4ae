package dev.cascadeviz.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the object names of steps: {@code Artist(1)}, {@code Tag('python')}, {@code Link(1, 2)},
 * optionally followed by {@code .attribute}. Keys are integers or strings in single or double
 * quotes (a backslash escapes the next character).
 */
final class ObjectRefSyntax {

    /** A parsed name; attribute is null when none was written. */
    record Parsed(String className, List<Object> key, String attribute) {
    }

    /** Thrown with what was expected; the text position is not needed as the scalar is short. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    private final String text;
    private int at;

    private ObjectRefSyntax(String text) {
        this.text = text;
    }

    static Parsed parse(String text, boolean withAttribute) throws SyntaxError {
        ObjectRefSyntax p = new ObjectRefSyntax(text.trim());
        String cls = p.name("a class name");
        p.expect('(');
        List<Object> key = new ArrayList<>();
        p.spaces();
        if (p.peek() == ')') {
            throw new SyntaxError("the object needs its primary key between the parentheses, e.g. " + cls + "(1)");
        }
        while (true) {
            p.spaces();
            key.add(p.keyValue());
            p.spaces();
            if (p.peek() == ',') {
                p.at++;
                continue;
            }
            p.expect(')');
            break;
        }
        String attribute = null;
        if (withAttribute) {
            p.expect('.');
            attribute = p.name("an attribute name");
        }
        if (p.at != p.text.length()) {
            throw new SyntaxError("unexpected '" + p.text.substring(p.at) + "' after the object");
        }
        return new Parsed(cls, key, attribute);
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

    private String name(String what) throws SyntaxError {
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

    private Object keyValue() throws SyntaxError {
        char c = peek();
        if (c == '\'' || c == '"') {
            at++;
            StringBuilder sb = new StringBuilder();
            while (at < text.length() && text.charAt(at) != c) {
                if (text.charAt(at) == '\\' && at + 1 < text.length()) {
                    at++;
                }
                sb.append(text.charAt(at++));
            }
            if (at >= text.length()) {
                throw new SyntaxError("the string key " + c + sb + " has no closing " + c);
            }
            at++;
            return sb.toString();
        }
        int start = at;
        if (c == '-') {
            at++;
        }
        while (at < text.length() && Character.isDigit(peek())) {
            at++;
        }
        String digits = text.substring(start, at);
        if (digits.isEmpty() || digits.equals("-")) {
            throw new SyntaxError("expected a key: an integer or a quoted string, e.g. 1 or 'python'");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new SyntaxError("the key " + digits + " is too large for an integer");
        }
    }
}
