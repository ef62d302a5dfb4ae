package dev.cascadeviz.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.emitter.Emitter;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ImplicitTuple;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.events.StreamEndEvent;
import org.snakeyaml.engine.v2.events.StreamStartEvent;

/**
 * Writes YAML through SnakeYAML Engine's emitter, one event at a time, so that each mapping and
 * list can be block or flow as the writer chooses while the emitter decides how scalars are
 * quoted. A string is left plain only when the reader ({@link TreeReader}) would read the plain
 * text back as that same string.
 */
final class YamlEvents {

    private static final ImplicitTuple TYPED = new ImplicitTuple(true, false);

    private final Emitter emitter;
    private final Map<String, Boolean> plainSafe = new HashMap<>();

    YamlEvents(Writer out) {
        DumpSettings settings = DumpSettings.builder()
                .setIndent(2)
                .setIndicatorIndent(2)
                .setIndentWithIndicator(true)
                .setWidth(Integer.MAX_VALUE / 2)
                .setSplitLines(false)
                .setBestLineBreak("\n")
                .build();
        this.emitter = new Emitter(settings, new StreamDataWriter() {
            @Override
            public void write(String str) {
                try {
                    out.write(str);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void write(String str, int off, int len) {
                try {
                    out.write(str, off, len);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    private void emit(Event event) throws IOException {
        try {
            emitter.emit(event);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    void start() throws IOException {
        emit(new StreamStartEvent());
        emit(new DocumentStartEvent(false, Optional.empty(), Map.of()));
    }

    void end() throws IOException {
        emit(new DocumentEndEvent(false));
        emit(new StreamEndEvent());
    }

    void startMap(boolean flow) throws IOException {
        emit(new MappingStartEvent(Optional.empty(), Optional.empty(), true, flow ? FlowStyle.FLOW : FlowStyle.BLOCK));
    }

    void endMap() throws IOException {
        emit(new MappingEndEvent());
    }

    void startList(boolean flow) throws IOException {
        emit(new SequenceStartEvent(Optional.empty(), Optional.empty(), true, flow ? FlowStyle.FLOW : FlowStyle.BLOCK));
    }

    void endList() throws IOException {
        emit(new SequenceEndEvent());
    }

    void string(String s) throws IOException {
        scalar(s, new ImplicitTuple(isPlainSafe(s), true), ScalarStyle.PLAIN);
    }

    /** A multi-line string as a literal block ({@code |}) where YAML allows one. */
    void text(String s) throws IOException {
        if (!s.contains("\n")) {
            string(s);
            return;
        }
        scalar(s, new ImplicitTuple(false, true), ScalarStyle.LITERAL);
    }

    void integer(long v) throws IOException {
        scalar(Long.toString(v), TYPED, ScalarStyle.PLAIN);
    }

    /** A double that reads back as a float (always with a '.' or an exponent). */
    void decimal(double v) throws IOException {
        scalar(Double.toString(v), TYPED, ScalarStyle.PLAIN);
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
        scalar(Boolean.toString(v), TYPED, ScalarStyle.PLAIN);
    }

    void nul() throws IOException {
        scalar("null", TYPED, ScalarStyle.PLAIN);
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

    private void scalar(String value, ImplicitTuple implicit, ScalarStyle style) throws IOException {
        emit(new ScalarEvent(Optional.empty(), Optional.empty(), implicit, value, style));
    }

    private boolean isPlainSafe(String s) {
        return plainSafe.computeIfAbsent(s, YamlEvents::checkPlain);
    }

    private static boolean checkPlain(String s) {
        return !s.isEmpty() && YamlScalars.isPlainString(s);
    }
}
