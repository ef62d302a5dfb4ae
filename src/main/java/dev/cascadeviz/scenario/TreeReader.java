package dev.cascadeviz.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML or JSON text with Jackson's streaming parser into {@link Node}s that keep their
 * positions. Syntax errors, duplicate keys and YAML aliases become problems; the tree of a file
 * with a syntax error is not returned (null).
 */
final class TreeReader {

    /** Made on first use: most YAML files never need them (see {@link PlainYamlReader}). */
    private static final class Factories {
        static final YAMLFactory YAML = new YAMLFactory();
        static final JsonFactory JSON = new JsonFactory();
    }

    private final Problems problems;
    private final boolean json;
    private JsonParser parser;

    private TreeReader(Problems problems, boolean json) {
        this.problems = problems;
        this.json = json;
    }

    /** Whether text is read as JSON: a .json file name, or text whose first non-blank is '{'. */
    static boolean looksLikeJson(String text, String fileName) {
        if (fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFEFF' || Character.isWhitespace(c)) {
                continue;
            }
            return c == '{';
        }
        return false;
    }

    /** The document's root node, or null when the text is empty or not valid YAML/JSON. */
    static Node read(String text, boolean json, Problems problems) {
        if (!json) {
            Node plain = PlainYamlReader.read(text);
            if (plain != null) {
                return plain;
            }
        }
        return readWithJackson(text, json, problems);
    }

    /** The tree as Jackson reads it, whatever the text; problems for what is wrong with it. */
    static Node readWithJackson(String text, boolean json, Problems problems) {
        return new TreeReader(problems, json).read(text);
    }

    private Node read(String text) {
        try (JsonParser p = json ? Factories.JSON.createParser(text) : Factories.YAML.createParser(text)) {
            parser = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add(new Node.Pos(1, 1), "the file is empty: expected a mapping with "
                        + "'tables', 'classes', 'rows' and 'steps'");
                return null;
            }
            Node root = value(first);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                problems.add(here(), json ? "unexpected content after the end of the JSON object"
                        : "a scenario file holds one YAML document; found a second one here");
            }
            return root;
        } catch (JacksonException e) {
            JsonLocation loc = e.getLocation();
            Node.Pos pos = loc == null || loc.getLineNr() < 1 ? new Node.Pos(1, 1)
                    : new Node.Pos(loc.getLineNr(), Math.max(1, loc.getColumnNr()));
            problems.add(pos, syntaxMessage(e));
            return null;
        } catch (TooDeep e) {
            problems.add(e.pos, "mappings and lists nested more than " + MAX_NESTING + " levels deep; a scenario needs "
                    + "far fewer");
            return null;
        } catch (IOException | RuntimeException e) {
            problems.add(new Node.Pos(1, 1), (json ? "JSON" : "YAML") + " syntax error: " + e.getMessage());
            return null;
        }
    }

    private String syntaxMessage(JacksonException e) {
        String what = json ? "JSON syntax error: " : "YAML syntax error: ";
        if (e.getCause() instanceof MarkedYAMLException m) {
            String problem = m.getProblem() == null ? "" : m.getProblem().trim();
            if (m.getContext() != null && m.getContextMark() != null) {
                return what + problem + " (" + m.getContext().trim() + " that starts at line "
                        + (m.getContextMark().getLine() + 1) + ", column " + (m.getContextMark().getColumn() + 1) + ")";
            }
            return what + problem;
        }
        String original = e.getOriginalMessage();
        return what + (original == null ? e.getClass().getSimpleName() : original.trim());
    }

    private Node.Pos here() {
        JsonLocation loc = parser.currentTokenLocation();
        return new Node.Pos(Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }

    /**
     * How deep mappings and lists may nest. A scenario needs about six levels; reading recurses
     * once per level, so a file nested thousands deep is refused here instead of overflowing the
     * thread's stack (Jackson's own limit, 1,000, is more than a small stack holds).
     */
    static final int MAX_NESTING = 100;

    /** Signals nesting beyond {@link #MAX_NESTING}, where it happened. */
    private static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Node.Pos pos;

        TooDeep(Node.Pos pos) {
            super(null, null, false, false);
            this.pos = pos;
        }
    }

    private int depth;

    private Node value(JsonToken token) throws IOException {
        Node.Pos pos = here();
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && ++depth > MAX_NESTING) {
            throw new TooDeep(pos);
        }
        switch (token) {
            case START_OBJECT: {
                Node m = mapping(pos);
                depth--;
                return m;
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(value(t));
                }
                depth--;
                return new Node.ListNode(pos, items);
            }
            case VALUE_STRING: {
                String text = parser.getText();
                if (!json && parser instanceof YAMLParser y && y.isCurrentAlias()) {
                    problems.add(pos, "YAML aliases (*" + text + ") are not supported: write the value out");
                }
                return new Node.Scalar(pos, Node.Kind.STRING, text, text);
            }
            case VALUE_NUMBER_INT: {
                Object v = parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
                // The text only when it says more than the value (a YAML 0x10 or +1); a million ids need no copy of it.
                String text = json && v instanceof Long ? null : parser.getText();
                if (text != null && v instanceof Long l && text.equals(Long.toString(l))) {
                    text = null;
                }
                return new Node.Scalar(pos, Node.Kind.INTEGER, v, text);
            }
            case VALUE_NUMBER_FLOAT:
                return new Node.Scalar(pos, Node.Kind.FLOAT, parser.getDoubleValue(), parser.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node.Scalar(pos, Node.Kind.BOOLEAN, token == JsonToken.VALUE_TRUE, parser.getText());
            case VALUE_NULL:
                return new Node.Scalar(pos, Node.Kind.NULL, null, parser.getText());
            default:
                problems.add(pos, "unexpected " + token + " here");
                return new Node.Scalar(pos, Node.Kind.NULL, null, "");
        }
    }

    private Node mapping(Node.Pos pos) throws IOException {
        Entries.Builder entries = new Entries.Builder();
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Node.Pos keyPos = here();
            Node v = value(parser.nextToken());
            Node.Entry earlier = entries.get(key);
            if (earlier != null) {
                problems.add(keyPos, "duplicate key '" + key + "': it was already given at line "
                        + earlier.keyPos().line() + ", column " + earlier.keyPos().column());
            } else {
                entries.add(new Node.Entry(key, keyPos, v));
            }
        }
        return new Node.MapNode(pos, entries.build());
    }
}
