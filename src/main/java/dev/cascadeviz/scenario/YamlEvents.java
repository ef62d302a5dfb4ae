package dev.cascadeviz.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes YAML through SnakeYAML's emitter, one event at a time, so that each mapping and list
 * can be block or flow as the writer chooses while SnakeYAML decides how scalars are quoted.
 * A string is left plain only when both SnakeYAML's resolver and Jackson's parser (which
 * reads the file back) would take the plain text for that same string.
 */
final class YamlEvents {

    private static final Resolver RESOLVER = new Resolver();
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ImplicitTuple TYPED = new ImplicitTuple(true, false);

    private final Emitter emitter;
    private final Map<String, Boolean> plainSafe = new HashMap<>();

    YamlEvents(Writer out) {
        DumperOptions options = new DumperOptions();
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(Integer.MAX_VALUE / 2);
        options.setSplitLines(false);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        this.emitter = new Emitter(out, options);
    }

    void start() throws IOException {
        emitter.emit(new StreamStartEvent(null, null));
        emitter.emit(new DocumentStartEvent(null, null, false, null, null));
    }

    void end() throws IOException {
        emitter.emit(new DocumentEndEvent(null, null, false));
        emitter.emit(new StreamEndEvent(null, null));
    }

    void startMap(boolean flow) throws IOException {
        emitter.emit(new MappingStartEvent(null, null, true, null, null,
                flow ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK));
    }

    void endMap() throws IOException {
        emitter.emit(new MappingEndEvent(null, null));
    }

    void startList(boolean flow) throws IOException {
        emitter.emit(new SequenceStartEvent(null, null, true, null, null,
                flow ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK));
    }

    void endList() throws IOException {
        emitter.emit(new SequenceEndEvent(null, null));
    }

    void string(String s) throws IOException {
        scalar(s, new ImplicitTuple(isPlainSafe(s), true), DumperOptions.ScalarStyle.PLAIN);
    }

    /** A multi-line string as a literal block ({@code |}) where YAML allows one. */
    void text(String s) throws IOException {
        if (!s.contains("\n")) {
            string(s);
            return;
        }
        scalar(s, new ImplicitTuple(false, true), DumperOptions.ScalarStyle.LITERAL);
    }

    void integer(long v) throws IOException {
        scalar(Long.toString(v), TYPED, DumperOptions.ScalarStyle.PLAIN);
    }

    /** A double that reads back as a float (always with a '.' or an exponent). */
    void decimal(double v) throws IOException {
        scalar(Double.toString(v), TYPED, DumperOptions.ScalarStyle.PLAIN);
    }

    /** A coordinate: whole numbers without ".0". */
    void coordinate(double v) throws IOException {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            integer((long) v);
        } else {
            decimal(v);
        }
    }

    void bool(boolean v) throws IOException {
        scalar(Boolean.toString(v), TYPED, DumperOptions.ScalarStyle.PLAIN);
    }

    void nul() throws IOException {
        scalar("null", TYPED, DumperOptions.ScalarStyle.PLAIN);
    }

    /** A scalar value of a row: Long, Double, String, Boolean or null. */
    void value(Object v) throws IOException {
        if (v == null) {
            nul();
        } else if (v instanceof Long l) {
            integer(l);
        } else if (v instanceof Integer i) {
            integer(i);
        } else if (v instanceof Double d) {
            decimal(d);
        } else if (v instanceof Boolean b) {
            bool(b);
        } else {
            string(v.toString());
        }
    }

    private void scalar(String value, ImplicitTuple implicit, DumperOptions.ScalarStyle style) throws IOException {
        emitter.emit(new ScalarEvent(null, null, implicit, value, null, null, style));
    }

    private boolean isPlainSafe(String s) {
        return plainSafe.computeIfAbsent(s, YamlEvents::checkPlain);
    }

    private static boolean checkPlain(String s) {
        if (s.isEmpty() || !RESOLVER.resolve(NodeId.scalar, s, true).equals(Tag.STR)) {
            return false;
        }
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return true; // never emitted plain by SnakeYAML; no need to ask Jackson
        }
        try (JsonParser p = YAML.createParser("- " + s + "\n")) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return false;
            }
            JsonToken t = p.nextToken();
            return t == JsonToken.VALUE_STRING && s.equals(p.getText());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
