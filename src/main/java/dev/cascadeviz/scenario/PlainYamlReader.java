package dev.cascadeviz.scenario;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A fast reader for the plain subset of YAML that scenario files are written in (block mappings
 * and lists, one-line flow mappings and lists, plain, single- and double-quoted one-line
 * scalars, comments), giving exactly the {@link Node}s, positions included, that Jackson's
 * YAML parser gives through {@link TreeReader}. Anything outside that subset, anything
 * ambiguous and anything wrong (a duplicate key, a tab, an anchor, a literal block, a number
 * that is not plain decimal, ...) makes it give up and return null: the caller then reads the
 * text with Jackson, which also reports the problems. The scanner of SnakeYAML takes about a
 * second for a 37,000-row file on a cold JVM; this takes a tenth of that.
 */
final class PlainYamlReader {

    /** Thrown to give up; no stack trace, it is not an error. */
    private static final class GiveUp extends RuntimeException {
        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();
    /** SnakeYAML's own rules for what a plain scalar is, as Jackson's YAML parser applies them; made on first use. */
    private static final class Rules {
        static final Resolver RESOLVER = new Resolver();
    }
    private static final int MAX_DEPTH = 64;
    /** Jackson's YAML parser refuses documents past SnakeYAML's code point limit (3 MB); leave those to it. */
    private static final int MAX_CHARS = 3 * 1024 * 1024 - 1;
    private static final int MAX_KEY = 128;

    /** The text as an array: read a character at a time, an array is much faster than String.charAt on a cold JVM. */
    private final char[] s;
    private final int n;
    private int p;
    private int line = 1;
    private int lineStart;
    private int depth;
    private final String[] keys = new String[256];

    private PlainYamlReader(String text) {
        this.s = text.toCharArray();
        this.n = s.length;
    }

    /** The root node, or null when the text is not in the plain subset (read it with Jackson then). */
    static Node read(String text) {
        if (text.length() > MAX_CHARS) {
            return null;
        }
        PlainYamlReader reader = new PlainYamlReader(text);
        if (!reader.allCharsPlain()) {
            return null;
        }
        try {
            return reader.document();
        } catch (GiveUp e) {
            return null;
        }
    }

    /** No tab, carriage return, control, surrogate, BOM, NEL or Unicode line separator anywhere. */
    private boolean allCharsPlain() {
        for (char c : s) {
            if (c < 0x20 ? c != '\n' : c >= 0x7F && (c < 0xA0 || c >= 0xD800 && c < 0xE000
                    || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c >= 0xFFFE)) {
                return false;
            }
        }
        return true;
    }

    private static GiveUp giveUp() {
        return GIVE_UP;
    }

    private Node.Pos here() {
        return new Node.Pos(line, p - lineStart + 1);
    }

    private char peek() {
        return p < n ? s[p] : '\0';
    }

    private char peek(int ahead) {
        return p + ahead < n ? s[p + ahead] : '\0';
    }

    private Node document() {
        int indent = nextContentLine();
        if (indent != 0) {
            throw giveUp(); // empty, or an indented root: leave it to Jackson
        }
        Node root = blockMapping(0);
        if (p < n) {
            throw giveUp();
        }
        return root;
    }

    /**
     * From the start of a line (or the end of a finished line), skips blank and comment lines and
     * the indentation of the next content line; returns its indentation, or -1 at the end.
     */
    private int nextContentLine() {
        while (p < n) {
            int start = p;
            while (p < n && s[p] == ' ') {
                p++;
            }
            if (p < n && s[p] != '\n' && s[p] != '#') {
                return p - start;
            }
            while (p < n && s[p] != '\n') {
                p++;
            }
            if (p < n) {
                p++;
                line++;
                lineStart = p;
            }
        }
        return -1;
    }

    /** After a value on a line: spaces, maybe a comment, then the line break (or the end). */
    private void endOfLine() {
        while (p < n && s[p] == ' ') {
            p++;
        }
        if (p < n && s[p] == '#') {
            if (p > lineStart && s[p - 1] != ' ') {
                throw giveUp(); // '#' right after a value is not a comment
            }
            while (p < n && s[p] != '\n') {
                p++;
            }
        }
        if (p < n) {
            if (s[p] != '\n') {
                throw giveUp();
            }
            p++;
            line++;
            lineStart = p;
        }
    }

    private int column() {
        return p - lineStart;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw giveUp();
        }
    }

    /** A block mapping whose keys start at column {@code indent}; p is at its first key. */
    private Node blockMapping(int indent) {
        enter();
        Node.Pos pos = here();
        Entries.Builder entries = new Entries.Builder();
        while (true) {
            Node.Pos keyPos = here();
            String key = key();
            if (peek() != ':' || !(peek(1) == ' ' || peek(1) == '\n' || p + 1 >= n)) {
                throw giveUp();
            }
            p++;
            Node.Pos afterColon = here();
            Node value;
            while (peek() == ' ') {
                p++;
            }
            char c = peek();
            int next;
            if (p >= n || c == '\n' || c == '#') {
                endOfLine();
                next = nextContentLine();
                if (next > indent) {
                    value = startsItem() ? blockSequence(next) : blockMapping(next);
                    next = p < n ? column() : -1;
                } else if (next == indent && startsItem()) {
                    value = blockSequence(next);
                    next = p < n ? column() : -1;
                } else {
                    value = new Node.Scalar(afterColon, Node.Kind.NULL, null, "");
                }
            } else if (c == '|') {
                value = literal(indent);
                next = nextContentLine();
            } else {
                value = inlineValue(false);
                endOfLine();
                next = nextContentLine();
            }
            if (!entries.add(new Node.Entry(key, keyPos, value))) {
                throw giveUp(); // Jackson's path reports the duplicate
            }
            if (next < indent) {
                break;
            }
            if (next > indent || startsItem()) {
                throw giveUp();
            }
        }
        depth--;
        return new Node.MapNode(pos, entries.build());
    }

    /**
     * A literal block ({@code |} or {@code |-}) that is the value of a key at column
     * {@code parentIndent}; p is at the '|'. Ends at the start of the first line after it.
     */
    private Node literal(int parentIndent) {
        Node.Pos pos = here();
        p++;
        boolean strip = peek() == '-';
        if (strip) {
            p++;
        }
        if (p < n && s[p] != ' ' && s[p] != '\n') {
            throw giveUp(); // an explicit indentation or keep chomping
        }
        endOfLine();
        int indent = -1;
        StringBuilder text = new StringBuilder();
        int breaks = 0;
        while (p < n) {
            int start = p;
            while (p < n && s[p] == ' ') {
                p++;
            }
            int spaces = p - start;
            boolean blank = p >= n || s[p] == '\n';
            if (blank) {
                if (indent < 0 ? spaces > parentIndent : spaces > indent) {
                    throw giveUp(); // spaces that would be content or set the indentation
                }
            } else {
                if (indent < 0) {
                    if (spaces <= parentIndent) {
                        throw giveUp(); // an empty block
                    }
                    indent = spaces;
                } else if (spaces < indent) {
                    p = start;
                    break;
                }
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append("\n".repeat(breaks));
                breaks = 0;
                int from = start + indent;
                while (p < n && s[p] != '\n') {
                    p++;
                }
                text.append(s, from, p - from);
                if (p >= n) {
                    throw giveUp(); // no line break after the last line: leave the chomping to Jackson
                }
            }
            if (p < n) {
                p++;
                line++;
                lineStart = p;
                if (!blank) {
                    continue;
                }
            }
            if (blank) {
                if (indent < 0) {
                    throw giveUp(); // blank lines before the first: leave them to Jackson
                }
                breaks++;
            }
        }
        if (indent < 0) {
            throw giveUp();
        }
        if (!strip) {
            text.append('\n');
        }
        String value = text.toString();
        return new Node.Scalar(pos, Node.Kind.STRING, value, value);
    }

    /** True at "- " or a "-" that ends the line. */
    private boolean startsItem() {
        return peek() == '-' && (peek(1) == ' ' || peek(1) == '\n' || p + 1 >= n);
    }

    /** A block list whose dashes are at column {@code indent}; p is at the first dash. */
    private Node blockSequence(int indent) {
        enter();
        Node.Pos pos = here();
        List<Node> items = new ArrayList<>();
        while (true) {
            if (peek(1) != ' ') {
                throw giveUp(); // an empty item
            }
            p++;
            while (peek() == ' ') {
                p++;
            }
            char c = peek();
            if (p >= n || c == '\n' || c == '#' || startsItem()) {
                throw giveUp();
            }
            int next;
            if (looksLikeKey()) {
                items.add(blockMapping(column()));
                next = p < n ? column() : -1;
            } else {
                items.add(inlineValue(false));
                endOfLine();
                next = nextContentLine();
            }
            if (next < indent || next == indent && !startsItem()) {
                break;
            }
            if (next > indent) {
                throw giveUp();
            }
        }
        depth--;
        return new Node.ListNode(pos, items);
    }

    /** At a plain key followed by ": " or ":" and the line's end. */
    private boolean looksLikeKey() {
        int q = p;
        if (q >= n || !keyStart(s[q])) {
            return false;
        }
        while (q < n && keyPart(s[q])) {
            q++;
        }
        return q < n && s[q] == ':' && (q + 1 >= n || s[q + 1] == ' ' || s[q + 1] == '\n');
    }

    private static boolean keyStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean keyPart(char c) {
        return keyStart(c) || c >= '0' && c <= '9';
    }

    /**
     * A plain key of letters, digits and underscores that YAML reads as that same string. Keys
     * repeat on every row, so each is made once and then found again by its characters.
     */
    private String key() {
        int start = p;
        if (p >= n || !keyStart(s[p])) {
            throw giveUp();
        }
        int h = 0;
        while (p < n && keyPart(s[p])) {
            h = 31 * h + s[p];
            p++;
        }
        int length = p - start;
        if (length > MAX_KEY) {
            throw giveUp();
        }
        int slot = (h ^ h >>> 7 ^ h >>> 15) & (keys.length - 1);
        String key = keys[slot];
        if (key != null && key.length() == length && sameChars(start, key)) {
            return key;
        }
        key = new String(s, start, p - start);
        if (isReservedWord(key)) {
            throw giveUp();
        }
        keys[slot] = key;
        return key;
    }

    private boolean sameChars(int start, String key) {
        for (int i = 0; i < key.length(); i++) {
            if (s[start + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Words that YAML 1.1 may read as a boolean or null in some spelling. */
    private static boolean isReservedWord(String w) {
        return switch (w.length()) {
            case 2 -> w.equalsIgnoreCase("no") || w.equalsIgnoreCase("on");
            case 3 -> w.equalsIgnoreCase("yes") || w.equalsIgnoreCase("off");
            case 4 -> w.equalsIgnoreCase("true") || w.equalsIgnoreCase("null");
            case 5 -> w.equalsIgnoreCase("false");
            default -> false;
        };
    }

    /** A value that starts here and ends on this line: a flow mapping or list, or a scalar. */
    private Node inlineValue(boolean flow) {
        char c = peek();
        if (c == '{') {
            return flowMapping();
        } else if (c == '[') {
            return flowSequence();
        } else if (c == '\'') {
            return singleQuoted();
        } else if (c == '"') {
            return doubleQuoted();
        }
        return plain(flow);
    }

    private Node flowMapping() {
        enter();
        Node.Pos pos = here();
        p++;
        skipSpaces();
        Entries.Builder entries = new Entries.Builder();
        if (peek() == '}') {
            p++;
        } else {
            while (true) {
                Node.Pos keyPos = here();
                String key = key();
                if (peek() != ':' || peek(1) != ' ') {
                    throw giveUp();
                }
                p += 2;
                skipSpaces();
                Node value = inlineValue(true);
                if (!entries.add(new Node.Entry(key, keyPos, value))) {
                    throw giveUp();
                }
                skipSpaces();
                char c = peek();
                p++;
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw giveUp();
                }
                skipSpaces();
            }
        }
        depth--;
        return new Node.MapNode(pos, entries.build());
    }

    private Node flowSequence() {
        enter();
        Node.Pos pos = here();
        p++;
        skipSpaces();
        List<Node> items = new ArrayList<>();
        if (peek() == ']') {
            p++;
        } else {
            while (true) {
                items.add(inlineValue(true));
                skipSpaces();
                char c = peek();
                p++;
                if (c == ']') {
                    break;
                }
                if (c != ',') {
                    throw giveUp();
                }
                skipSpaces();
            }
        }
        depth--;
        return new Node.ListNode(pos, items);
    }

    private void skipSpaces() {
        while (p < n && s[p] == ' ') {
            p++;
        }
    }

    private Node singleQuoted() {
        Node.Pos pos = here();
        p++;
        StringBuilder b = null;
        int start = p;
        while (true) {
            if (p >= n || s[p] == '\n') {
                throw giveUp(); // a quoted string over several lines is folded: leave it to Jackson
            }
            char c = s[p];
            if (c == '\'') {
                if (peek(1) == '\'') {
                    if (b == null) {
                        b = new StringBuilder();
                    }
                    b.append(s, start, p + 1 - start);
                    p += 2;
                    start = p;
                    continue;
                }
                break;
            }
            p++;
        }
        String value = b == null ? new String(s, start, p - start) : b.append(s, start, p - start).toString();
        p++;
        return new Node.Scalar(pos, Node.Kind.STRING, value, value);
    }

    private Node doubleQuoted() {
        Node.Pos pos = here();
        int start = ++p;
        while (p < n && s[p] != '"') {
            char c = s[p];
            if (c == '\\' || c == '\n') {
                throw giveUp(); // escapes and folding: leave them to Jackson
            }
            p++;
        }
        if (p >= n) {
            throw giveUp();
        }
        String value = new String(s, start, p - start);
        p++;
        return new Node.Scalar(pos, Node.Kind.STRING, value, value);
    }

    /**
     * A plain scalar on one line, ending at the line's end, a comment or (in flow context) a flow
     * indicator; in flow context it holds only letters, digits, spaces and {@code _-.()/}, in
     * block context anything but ": ".
     */
    private Node plain(boolean flow) {
        Node.Pos pos = here();
        int start = p;
        Node integer = decimalInteger(pos, flow);
        if (integer != null) {
            return integer;
        }
        char first = peek();
        if ("?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0 || first == '-' && (peek(1) == ' ' || peek(1) == '\n' || p + 1 >= n)) {
            throw giveUp(); // an indicator, not a plain scalar
        }
        int end = p;
        while (p < n) {
            char c = s[p];
            if (c == '\n') {
                break;
            }
            if (c == ' ') {
                p++;
                continue;
            }
            if (flow && (c == ',' || c == ']' || c == '}')) {
                break;
            }
            if (c == '#' && s[p - 1] == ' ') {
                break;
            }
            if (flow ? !flowPlainPart(c)
                    : c == ':' && (p + 1 >= n || s[p + 1] == ' ' || s[p + 1] == '\n')) {
                throw giveUp();
            }
            p++;
            end = p;
        }
        p = end; // trailing spaces belong to what follows
        if (end == start) {
            throw giveUp();
        }
        return scalar(pos, new String(s, start, end - start));
    }

    /**
     * The common case of a plain scalar, read straight from the characters: a decimal integer
     * of up to 18 digits (no leading zero) that ends where a plain scalar ends; else null
     * with p unchanged.
     */
    private Node decimalInteger(Node.Pos pos, boolean flow) {
        int q = p;
        boolean negative = q < n && s[q] == '-';
        if (negative) {
            q++;
        }
        int digitsStart = q;
        long value = 0;
        while (q < n && s[q] >= '0' && s[q] <= '9' && q - digitsStart < 18) {
            value = value * 10 + (s[q] - '0');
            q++;
        }
        int digits = q - digitsStart;
        if (digits == 0 || digits > 1 && s[digitsStart] == '0') {
            return null;
        }
        char next = q < n ? s[q] : '\n';
        boolean ends = next == '\n' || (flow ? next == ',' || next == ']' || next == '}' || next == ' '
                : next == ' ');
        if (!ends || next == ' ' && !spacesThenEnd(q, flow)) {
            return null;
        }
        // No copy of the text when it is the number's own (Node.Scalar.text() makes it on demand).
        String text = negative && value == 0 ? "-0" : null;
        p = q;
        return new Node.Scalar(pos, Node.Kind.INTEGER, negative ? -value : value, text);
    }

    /** From q (at a space): only spaces up to the line's end, a comment, or in flow context a flow indicator. */
    private boolean spacesThenEnd(int q, boolean flow) {
        while (q < n && s[q] == ' ') {
            q++;
        }
        if (q >= n || s[q] == '\n' || s[q] == '#') {
            return true;
        }
        return flow && (s[q] == ',' || s[q] == ']' || s[q] == '}');
    }

    /** What a plain scalar inside a flow mapping or list may hold here: no indicator at all. */
    private static boolean flowPlainPart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '_' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c >= 0xA0;
    }

    /** The plain text typed as Jackson types it (YAML 1.1 through SnakeYAML's resolver), or give up. */
    private static Node scalar(Node.Pos pos, String text) {
        char first = text.charAt(0);
        if (keyStart(first) || first >= 0xA0) {
            // Of YAML 1.1's implicit types only booleans and null start with a letter.
            switch (text) {
                case "true":
                    return new Node.Scalar(pos, Node.Kind.BOOLEAN, Boolean.TRUE, text);
                case "false":
                    return new Node.Scalar(pos, Node.Kind.BOOLEAN, Boolean.FALSE, text);
                case "null":
                    return new Node.Scalar(pos, Node.Kind.NULL, null, text);
                default:
                    if (isReservedWord(text)) {
                        throw giveUp();
                    }
                    return new Node.Scalar(pos, Node.Kind.STRING, text, text);
            }
        }
        Node number = first == '-' || first >= '0' && first <= '9' ? number(pos, text) : null;
        if (number != null) {
            return number;
        }
        if (isDate(text) || Rules.RESOLVER.resolve(NodeId.scalar, text, true).equals(Tag.STR)) {
            return new Node.Scalar(pos, Node.Kind.STRING, text, text);
        }
        throw giveUp();
    }

    /** A plain decimal integer (up to 18 digits) or decimal fraction, or null. */
    private static Node number(Node.Pos pos, String text) {
        int i = text.charAt(0) == '-' ? 1 : 0;
        int digitsStart = i;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        int digits = i - digitsStart;
        if (digits == 0 || digits > 1 && text.charAt(digitsStart) == '0') {
            return null;
        }
        if (i == text.length()) {
            return digits > 18 ? null : new Node.Scalar(pos, Node.Kind.INTEGER, Long.parseLong(text), text);
        }
        if (text.charAt(i) == '.' && digits <= 15) {
            int f = i + 1;
            while (f < text.length() && text.charAt(f) >= '0' && text.charAt(f) <= '9') {
                f++;
            }
            if (f == text.length() && f > i + 1 && f - i <= 16) {
                return new Node.Scalar(pos, Node.Kind.FLOAT, Double.parseDouble(text), text);
            }
        }
        return null;
    }

    private static boolean isDate(String t) {
        if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && (t.charAt(i) < '0' || t.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }
}
