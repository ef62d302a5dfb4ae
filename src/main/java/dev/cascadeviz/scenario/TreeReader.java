package dev.cascadeviz.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads scenario text into {@link Node}s that keep their positions: YAML through SnakeYAML
 * Engine's event parser, JSON through Jackson's streaming parser. Syntax errors, duplicate keys,
 * YAML aliases and nesting past {@link #MAX_DEPTH} become problems; the tree of a file with a
 * syntax error is not returned (null).
 */
final class TreeReader {

    /** The largest file read, in characters: a limit of CascadeViz, said as such when reached. */
    static final int MAX_CHARS = 256 * 1024 * 1024;
    /** Mappings and lists nested deeper than this are refused (a scenario needs four or five levels). */
    static final int MAX_DEPTH = 200;

    private static final JsonFactory JSON = new JsonFactory();

    private final Problems problems;
    /** Whether nodes get their positions; without them the YAML parser makes no marks. */
    private final boolean positions;

    /** YAML text of at least this many characters is scanned on a thread of its own ({@link YamlTokenFeed}). */
    private final int threadFromChars;

    private TreeReader(Problems problems, boolean positions, int threadFromChars) {
        this.problems = problems;
        this.positions = positions;
        this.threadFromChars = threadFromChars;
    }

    /** Whether text is read as JSON: a .json file name, or text whose first non-blank is '{'. */
    static boolean looksLikeJson(String text, String fileName) {
        if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".json")) {
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

    /** The document's root node, or null when the text is empty, too large or not valid YAML/JSON. */
    static Node read(String text, boolean json, Problems problems) {
        return read(text, json, problems, MAX_CHARS, true);
    }

    /**
     * Like {@link #read(String, boolean, Problems)}; without {@code positions} every YAML node's
     * position is {@link Node.Pos#UNKNOWN}, which is only good for a first reading that is done
     * again with positions when any problem is found (see {@link ScenarioReader}).
     */
    static Node read(String text, boolean json, Problems problems, boolean positions) {
        return read(text, json, problems, MAX_CHARS, positions);
    }

    static Node read(String text, boolean json, Problems problems, int maxChars) {
        return read(text, json, problems, maxChars, true);
    }

    private static Node read(String text, boolean json, Problems problems, int maxChars, boolean positions) {
        return read(text, json, problems, maxChars, positions, YamlTokenFeed.THREAD_FROM_CHARS);
    }

    /** Like the others, YAML of at least {@code threadFromChars} characters scanned on a thread of its own (tests use both ways). */
    static Node read(String text, boolean json, Problems problems, int maxChars, boolean positions, int threadFromChars) {
        if (text.length() > maxChars) {
            problems.add(new Node.Pos(1, 1), "the file has " + text.length() + " characters; CascadeViz reads "
                    + "scenario files of up to " + maxChars + " characters (a size limit)");
            return null;
        }
        TreeReader reader = new TreeReader(problems, positions, threadFromChars);
        return json ? reader.new Json().read(text) : reader.new Yaml().read(text);
    }

    /** Before reading a mapping or list at this depth: past {@link #MAX_DEPTH}, the problem, and the reading stops. */
    private void enter(Node.Pos pos, int depth) {
        if (depth >= MAX_DEPTH) {
            problems.add(pos, "mappings and lists nested more than " + MAX_DEPTH + " levels deep: a scenario needs a few");
            throw new TooDeep();
        }
    }

    /** Thrown once nesting is too deep: the problem is recorded, the rest of the file is not read. */
    private static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooDeep() {
            super(null, null, false, false);
        }
    }

    private void duplicate(Entries.Builder entries, Node.Entry entry) {
        Node.Entry earlier = entries.get(entry.key());
        if (earlier != null) {
            problems.add(entry.keyPos(), "duplicate key '" + entry.key() + "': it was already given at line "
                    + earlier.keyPos().line() + ", column " + earlier.keyPos().column());
        } else {
            entries.add(entry);
        }
    }

    /**
     * SnakeYAML's read buffer: it must hold the longest line, or each refill copies the token
     * read so far again (an 8 M-character line took over 20 s with 1 KiB); it need not hold the
     * whole file, which cost an int and a char per character, 300 MB for a 50 MB file of 10^6 rows.
     */
    static int bufferSize(String text) {
        // Runs before the parser can start, on the whole text: String.indexOf finds the '\n's
        // (a loop over charAt took some 45 ms on the 1.7 MB benchmark file in the command
        // line's cold JVM, indexOf 3 ms); only a stretch longer than the longest so far is
        // searched for '\r' as well, so the result is the longest run between any two breaks.
        int longest = 0;
        int start = 0;
        while (true) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            if (end - start > longest) {
                longest = Math.max(longest, longestBetweenReturns(text, start, end));
            }
            if (nl < 0) {
                return Math.max(64 * 1024, longest + 1);
            }
            start = nl + 1;
        }
    }

    /** The longest run of characters between '\r's (or the ends) in text[from, to). */
    private static int longestBetweenReturns(String text, int from, int to) {
        int longest = 0;
        int start = from;
        while (true) {
            int cr = text.indexOf('\r', start);
            int end = cr < 0 || cr >= to ? to : cr;
            longest = Math.max(longest, end - start);
            if (end == to) {
                return longest;
            }
            start = end + 1;
        }
    }

    /** SnakeYAML Engine's scanner of the text, with {@link SimpleKeySlots} in place of its own map of possible simple keys. */
    static ScannerImpl scanner(LoadSettings settings, String text) {
        ScannerImpl scanner = new ScannerImpl(settings, new StreamReader(settings, text));
        SimpleKeySlots.install(scanner);
        return scanner;
    }

    /** YAML: SnakeYAML Engine's events, read through a buffer that holds the longest line so that reading stays linear. */
    private final class Yaml {

        private Parser parser;

        Node read(String text) {
            LoadSettings settings = LoadSettings.builder()
                    .setBufferSize(bufferSize(text))
                    .setCodePointLimit(Integer.MAX_VALUE)
                    .setAllowDuplicateKeys(true)
                    .setUseMarks(positions)
                    .build();
            YamlTokenFeed feed = text.length() >= threadFromChars ? new YamlTokenFeed(settings, text) : null;
            try {
                parser = new ParserImpl(settings, feed != null ? feed : scanner(settings, text));
                parser.next(); // stream start
                if (parser.peekEvent().getEventId() == Event.ID.StreamEnd) {
                    problems.add(new Node.Pos(1, 1), "the file is empty: expected a mapping with "
                            + "'tables', 'classes', 'rows' and 'steps'");
                    return null;
                }
                parser.next(); // document start
                Node root = value(parser.next(), 0);
                parser.next(); // document end
                Event extra = parser.next();
                if (extra.getEventId() != Event.ID.StreamEnd) {
                    Event content = parser.next(); // the second document's first node: where it shows
                    problems.add(pos(content), "a scenario file holds one YAML document; found a second one here");
                }
                return root;
            } catch (TooDeep e) {
                return null;
            } catch (MarkedYamlEngineException e) {
                problems.add(e.getProblemMark().map(TreeReader::pos).orElse(new Node.Pos(1, 1)), syntaxMessage(e));
                return null;
            } catch (YamlEngineException e) {
                problems.add(new Node.Pos(1, 1), "YAML syntax error: " + e.getMessage());
                return null;
            } finally {
                if (feed != null) {
                    feed.close();
                }
            }
        }

        /** Keys repeat on every row: one String per distinct key, not per row (10^6 rows held 3 M copies). */
        private final Map<String, String> keys = new HashMap<>();

        private String key(String key) {
            String known = keys.get(key);
            if (known != null) {
                return known;
            }
            if (keys.size() < 100_000) {
                keys.put(key, key);
            }
            return key;
        }

        private Node value(Event event, int depth) {
            Node.Pos pos = pos(event);
            switch (event.getEventId()) {
                case MappingStart: {
                    enter(pos, depth);
                    Entries.Builder entries = new Entries.Builder();
                    Event e;
                    while ((e = parser.next()).getEventId() != Event.ID.MappingEnd) {
                        Node.Pos keyPos = pos(e);
                        String key;
                        if (e instanceof ScalarEvent k) {
                            key = key(k.getValue());
                        } else {
                            problems.add(keyPos, "expected a plain key (a name) here, found "
                                    + value(e, depth + 1).describe());
                            key = null;
                        }
                        Node v = value(parser.next(), depth + 1);
                        if (key != null) {
                            duplicate(entries, new Node.Entry(key, keyPos, v));
                        }
                    }
                    return new Node.MapNode(pos, entries.build());
                }
                case SequenceStart: {
                    enter(pos, depth);
                    List<Node> items = new ArrayList<>();
                    Event e;
                    while ((e = parser.next()).getEventId() != Event.ID.SequenceEnd) {
                        items.add(value(e, depth + 1));
                    }
                    return new Node.ListNode(pos, items);
                }
                case Scalar:
                    return scalar((ScalarEvent) event, pos);
                case Alias: {
                    String alias = ((AliasEvent) event).getAlias().getValue();
                    problems.add(pos, "YAML aliases (*" + alias + ") are not supported: write the value out");
                    return new Node.Scalar(pos, Node.Kind.STRING, alias, alias);
                }
                default:
                    problems.add(pos, "unexpected " + event.getEventId() + " here");
                    return new Node.Scalar(pos, Node.Kind.NULL, null, "");
            }
        }

        private Node scalar(ScalarEvent e, Node.Pos pos) {
            String text = e.getValue();
            boolean stringTag = e.getTag().map(t -> t.equals("tag:yaml.org,2002:str")).orElse(false);
            if (e.getScalarStyle() != ScalarStyle.PLAIN || stringTag) {
                return new Node.Scalar(pos, Node.Kind.STRING, text, text);
            }
            String unsupported = YamlScalars.unsupported(text);
            if (unsupported != null) {
                problems.add(pos, unsupported);
            }
            return YamlScalars.plain(pos, text);
        }
    }

    private Node.Pos pos(Event e) {
        if (!positions) {
            return Node.Pos.UNKNOWN;
        }
        Optional<Mark> m = e.getStartMark();
        return m.isPresent() ? pos(m.get()) : new Node.Pos(1, 1);
    }

    private static Node.Pos pos(Mark m) {
        return new Node.Pos(m.getLine() + 1, m.getColumn() + 1);
    }

    private static String syntaxMessage(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem().trim();
        if (e.getContext() != null && e.getContextMark().isPresent()) {
            Mark m = e.getContextMark().get();
            return "YAML syntax error: " + problem + " (" + e.getContext().trim() + " that starts at line "
                    + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ")";
        }
        return "YAML syntax error: " + problem;
    }

    /** JSON: Jackson's streaming parser. */
    private final class Json {

        private JsonParser parser;

        Node read(String text) {
            try (JsonParser p = JSON.createParser(text)) {
                parser = p;
                JsonToken first = p.nextToken();
                if (first == null) {
                    problems.add(new Node.Pos(1, 1), "the file is empty: expected a mapping with "
                            + "'tables', 'classes', 'rows' and 'steps'");
                    return null;
                }
                Node root = value(first, 0);
                if (p.nextToken() != null) {
                    problems.add(here(), "unexpected content after the end of the JSON object");
                }
                return root;
            } catch (JacksonException e) {
                JsonLocation loc = e.getLocation();
                Node.Pos pos = loc == null || loc.getLineNr() < 1 ? new Node.Pos(1, 1)
                        : new Node.Pos(loc.getLineNr(), Math.max(1, loc.getColumnNr()));
                String original = e.getOriginalMessage();
                problems.add(pos, "JSON syntax error: " + (original == null ? e.getClass().getSimpleName() : original.trim()));
                return null;
            } catch (TooDeep e) {
                return null;
            } catch (IOException | RuntimeException e) {
                problems.add(new Node.Pos(1, 1), "JSON syntax error: " + e.getMessage());
                return null;
            }
        }

        private Node.Pos here() {
            JsonLocation loc = parser.currentTokenLocation();
            return new Node.Pos(Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
        }

        private Node value(JsonToken token, int depth) throws IOException {
            Node.Pos pos = here();
            switch (token) {
                case START_OBJECT: {
                    enter(pos, depth);
                    Entries.Builder entries = new Entries.Builder();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String key = parser.currentName();
                        Node.Pos keyPos = here();
                        Node v = value(parser.nextToken(), depth + 1);
                        duplicate(entries, new Node.Entry(key, keyPos, v));
                    }
                    return new Node.MapNode(pos, entries.build());
                }
                case START_ARRAY: {
                    enter(pos, depth);
                    List<Node> items = new ArrayList<>();
                    JsonToken t;
                    while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                        items.add(value(t, depth + 1));
                    }
                    return new Node.ListNode(pos, items);
                }
                case VALUE_STRING:
                    return new Node.Scalar(pos, Node.Kind.STRING, parser.getText(), parser.getText());
                case VALUE_NUMBER_INT: {
                    if (parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                        long v = parser.getLongValue();
                        // JSON writes an integer as Long.toString does, but for "-0": keep the text only then
                        boolean canonical = parser.getTextLength() == Long.toString(v).length();
                        return new Node.Scalar(pos, Node.Kind.INTEGER, v, canonical ? null : parser.getText());
                    }
                    return new Node.Scalar(pos, Node.Kind.INTEGER, parser.getBigIntegerValue(), parser.getText());
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
    }
}
