package dev.cascadeviz.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cascadeviz.model.Release;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a trace's JSON (docs/trace-format.md) with Jackson's streaming generator straight to a
 * writer, pretty-printed exactly as {@link TraceJson#toTree} would be by an indenting
 * ObjectMapper, without building a tree or the whole text first (a 37,000-row trace is 6 MB).
 */
public final class TraceJsonWriter {

    private static final JsonFactory FACTORY = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final JsonGenerator g;

    private TraceJsonWriter(JsonGenerator g) {
        this.g = g;
    }

    /** Writes the trace to out and flushes the generator; out stays open. */
    static void write(Trace trace, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            TraceJsonWriter w = new TraceJsonWriter(g);
            w.begin(trace.release());
            for (TraceStatement s : trace.statements()) {
                w.statement(s);
            }
            w.end(trace);
        }
    }

    /**
     * A trace's JSON written in parts: the start (up to the statements, of the given release) now,
     * then each of its statements ({@link #statement}), then the rest ({@link #finish}); the same
     * text as {@link #write} when the statements are the trace's own.
     */
    public static TraceJsonWriter start(Writer out, Release release) throws IOException {
        TraceJsonWriter w = new TraceJsonWriter(FACTORY.createGenerator(out));
        w.begin(release);
        return w;
    }

    /** Everything after the statements, from the trace; then the generator is flushed and closed (out stays open). */
    public void finish(Trace trace) throws IOException {
        try (g) {
            end(trace);
        }
    }

    private void begin(Release release) throws IOException {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        if (release != null) {
            g.writeStringField("sqlalchemy", release.text());
        }
        g.writeArrayFieldStart("statements");
    }

    private void end(Trace trace) throws IOException {
        g.writeEndArray();
        rest(trace);
    }

    private void rest(Trace trace) throws IOException {
        if (trace.error() == null) {
            g.writeNullField("error");
        } else {
            g.writeObjectFieldStart("error");
            g.writeStringField("type", trace.error().type());
            g.writeStringField("message", trace.error().message());
            g.writeFieldName("step");
            if (trace.error().step() == null) {
                g.writeNull();
            } else {
                g.writeNumber(trace.error().step());
            }
            g.writeEndObject();
        }
        g.writeObjectFieldStart("tables");
        for (Map.Entry<String, List<Map<String, Object>>> t : trace.tables().entrySet()) {
            g.writeArrayFieldStart(t.getKey());
            for (Map<String, Object> row : t.getValue()) {
                row(row);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("warnings");
        for (String w : trace.warnings()) {
            g.writeString(w);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    public void statement(TraceStatement s) throws IOException {
        g.writeStartObject();
        g.writeStringField("sql", s.sql());
        g.writeFieldName("params");
        if (s.many()) {
            g.writeStartArray();
            for (List<Object> set : s.paramSets()) {
                values(set);
            }
            g.writeEndArray();
            g.writeBooleanField("many", true);
        } else {
            values(s.params());
        }
        if (!s.changes().isEmpty()) {
            g.writeFieldName("changes");
            changes(s.changes());
        }
        if (!s.databaseChanges().isEmpty()) {
            g.writeFieldName("database_changes");
            changes(s.databaseChanges());
        }
        if (s.cause() != null) {
            g.writeStringField("cause", s.cause());
        }
        if (s.rowsReturned() >= 0) {
            g.writeNumberField("rows", s.rowsReturned());
        }
        g.writeEndObject();
    }

    private void changes(List<RowChange> changes) throws IOException {
        g.writeStartArray();
        for (RowChange c : changes) {
            g.writeStartObject();
            g.writeStringField("table", c.table());
            g.writeStringField("kind", c.kind().name().toLowerCase(Locale.ROOT));
            g.writeFieldName("key");
            values(c.key());
            g.writeFieldName("before");
            rowOrNull(c.before());
            g.writeFieldName("after");
            rowOrNull(c.after());
            if (c.foreignKey() != null) {
                g.writeStringField("foreign_key", c.foreignKey());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void rowOrNull(Map<String, Object> row) throws IOException {
        if (row == null) {
            g.writeNull();
        } else {
            row(row);
        }
    }

    private void row(Map<String, Object> row) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Object> e : row.entrySet()) {
            g.writeFieldName(e.getKey());
            value(e.getValue());
        }
        g.writeEndObject();
    }

    private void values(List<Object> values) throws IOException {
        g.writeStartArray();
        for (Object v : values) {
            value(v);
        }
        g.writeEndArray();
    }

    /** As {@link TraceJson#valueTree}: integers as long, other numbers as double, the rest as text. */
    private void value(Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Integer i) {
            g.writeNumber(i.longValue());
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Float f) {
            g.writeNumber(f.doubleValue());
        } else if (v instanceof BigDecimal bd) {
            g.writeNumber(bd.doubleValue());
        } else {
            g.writeString(v.toString());
        }
    }
}
