package dev.cascadeviz.interop.python;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Splits Python source into tokens the way Python's own tokenizer does for the part of the
 * language a models module uses: names, numbers, strings (any quotes, prefixes, triple-quoted),
 * operators, NEWLINE at the end of each logical line (none inside brackets or after a
 * backslash), INDENT and DEDENT. Comments and blank lines vanish. Never throws: text it cannot
 * read becomes an {@link PyToken.Kind#ERROR} token that the parser reports with its line.
 */
public final class PyTokenizer {

    private static final String[] OPERATORS = {"**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>",
            "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@="};

    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;
    private int depth;
    private final Deque<Integer> indents = new ArrayDeque<>();
    private final List<PyToken> out = new ArrayList<>();

    private PyTokenizer(String src) {
        this.src = src.replace("\r\n", "\n").replace('\r', '\n');
        indents.push(0);
    }

    public static List<PyToken> tokenize(String source) {
        PyTokenizer t = new PyTokenizer(source.startsWith("\uFEFF") ? source.substring(1) : source);
        t.run();
        return t.out;
    }

    private void run() {
        boolean atLineStart = true;
        while (pos < src.length()) {
            if (atLineStart && depth == 0) {
                if (!indentation()) {
                    continue;
                }
                atLineStart = false;
            }
            char c = src.charAt(pos);
            if (c == '\n') {
                newline();
                if (depth == 0) {
                    add(PyToken.Kind.NEWLINE, "\n", line - 1);
                    atLineStart = true;
                }
            } else if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '#') {
                skipComment();
            } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                pos++;
                newline();
            } else if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                    pos++;
                }
                String word = src.substring(start, pos);
                if (pos < src.length() && (src.charAt(pos) == '"' || src.charAt(pos) == '\'') && isPrefix(word)) {
                    string(word);
                } else {
                    add(PyToken.Kind.NAME, word, line);
                }
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
                number();
            } else if (c == '"' || c == '\'') {
                string("");
            } else {
                operator();
            }
        }
        if (!out.isEmpty() && out.get(out.size() - 1).kind() != PyToken.Kind.NEWLINE) {
            add(PyToken.Kind.NEWLINE, "\n", line);
        }
        while (indents.peek() > 0) {
            indents.pop();
            add(PyToken.Kind.DEDENT, "", line);
        }
        add(PyToken.Kind.END, "", line);
    }

    /** Reads a line's indentation; false when the line is blank or a comment (consumed). */
    private boolean indentation() {
        int width = 0;
        while (pos < src.length() && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t' || src.charAt(pos) == '\f')) {
            width = src.charAt(pos) == '\t' ? (width / 8 + 1) * 8 : width + 1;
            pos++;
        }
        if (pos >= src.length()) {
            return false;
        }
        char c = src.charAt(pos);
        if (c == '\n') {
            newline();
            return false;
        }
        if (c == '#') {
            skipComment();
            if (pos < src.length()) {
                newline();
            }
            return false;
        }
        if (width > indents.peek()) {
            indents.push(width);
            add(PyToken.Kind.INDENT, "", line);
        } else {
            while (width < indents.peek()) {
                indents.pop();
                add(PyToken.Kind.DEDENT, "", line);
            }
            if (width != indents.peek()) {
                add(PyToken.Kind.ERROR, "the indentation does not match any outer level", line);
            }
        }
        return true;
    }

    private void skipComment() {
        while (pos < src.length() && src.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void newline() {
        pos++;
        line++;
        lineStart = pos;
    }

    private static boolean isPrefix(String word) {
        return word.length() <= 2 && word.toLowerCase(Locale.ROOT).matches("r|u|b|f|br|rb|fr|rf");
    }

    private void number() {
        int start = pos;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            boolean exponentSign = (c == '+' || c == '-') && pos > start
                    && (src.charAt(pos - 1) == 'e' || src.charAt(pos - 1) == 'E') && !src.substring(start, pos).startsWith("0x");
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) {
                pos++;
            } else {
                break;
            }
        }
        add(PyToken.Kind.NUMBER, src.substring(start, pos), line);
    }

    private void string(String prefix) {
        int startLine = line;
        char quote = src.charAt(pos);
        boolean triple = src.startsWith(String.valueOf(quote).repeat(3), pos);
        boolean raw = prefix.toLowerCase(Locale.ROOT).contains("r");
        pos += triple ? 3 : 1;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= src.length() || (!triple && src.charAt(pos) == '\n')) {
                add(PyToken.Kind.ERROR, "a string that is never closed", startLine);
                return;
            }
            char c = src.charAt(pos);
            if (triple ? src.startsWith(String.valueOf(quote).repeat(3), pos) : c == quote) {
                pos += triple ? 3 : 1;
                break;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                char n = src.charAt(pos + 1);
                pos += 2;
                if (raw) {
                    value.append(c).append(n);
                } else {
                    escape(n, value);
                }
                if (n == '\n') {
                    line++;
                }
                continue;
            }
            if (c == '\n') {
                line++;
            }
            value.append(c);
            pos++;
        }
        add(prefix.toLowerCase(Locale.ROOT).contains("f") ? PyToken.Kind.FSTRING : PyToken.Kind.STRING,
                value.toString(), startLine);
    }

    private void escape(char n, StringBuilder value) {
        switch (n) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case '0' -> value.append('\0');
            case '\n' -> { }
            case '\\', '\'', '"' -> value.append(n);
            case 'x', 'u', 'U' -> {
                int len = n == 'x' ? 2 : n == 'u' ? 4 : 8;
                if (pos + len <= src.length() && src.substring(pos, pos + len).matches("[0-9a-fA-F]+")) {
                    value.appendCodePoint(Integer.parseInt(src.substring(pos, pos + len), 16));
                    pos += len;
                } else {
                    value.append('\\').append(n);
                }
            }
            default -> value.append('\\').append(n);
        }
    }

    private void operator() {
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                add(PyToken.Kind.OP, op, line);
                return;
            }
        }
        char c = src.charAt(pos++);
        if ("([{".indexOf(c) >= 0) {
            depth++;
        } else if (")]}".indexOf(c) >= 0) {
            depth = Math.max(0, depth - 1);
        }
        if ("()[]{}:,.;=+-*/%<>&|^~@!".indexOf(c) < 0) {
            add(PyToken.Kind.ERROR, "an unexpected character '" + c + "'", line);
            return;
        }
        add(PyToken.Kind.OP, String.valueOf(c), line);
    }

    private void add(PyToken.Kind kind, String text, int atLine) {
        out.add(new PyToken(kind, text, atLine, pos - lineStart));
    }
}
