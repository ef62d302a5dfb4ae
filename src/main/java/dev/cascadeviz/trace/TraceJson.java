package dev.cascadeviz.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascadeviz.model.Release;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes traces as the JSON of trace-format.md. */
public final class TraceJson {

    /** Made on first use: writing a trace needs only the streaming generator, not databind. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private TraceJson() {
    }

    /** The trace as pretty-printed JSON. */
    public static String toJson(Trace trace) {
        StringWriter out = new StringWriter();
        try {
            write(trace, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * Writes the same JSON as {@link #toJson} to out as it goes, without building it in memory
     * first; out is neither flushed nor closed.
     */
    public static void write(Trace trace, Writer out) throws IOException {
        TraceJsonWriter.write(trace, out);
    }

    public static ObjectNode toTree(Trace trace) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (trace.release() != null) {
            root.put("sqlalchemy", trace.release().text());
        }
        ArrayNode statements = root.putArray("statements");
        for (TraceStatement s : trace.statements()) {
            statements.add(statementTree(s));
        }
        if (trace.error() == null) {
            root.putNull("error");
        } else {
            ObjectNode e = root.putObject("error");
            e.put("type", trace.error().type());
            e.put("message", trace.error().message());
            if (trace.error().step() == null) {
                e.putNull("step");
            } else {
                e.put("step", trace.error().step());
            }
        }
        root.set("tables", tablesTree(trace.tables()));
        ArrayNode warnings = root.putArray("warnings");
        trace.warnings().forEach(warnings::add);
        return root;
    }

    private static ObjectNode statementTree(TraceStatement s) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("sql", s.sql());
        if (s.many()) {
            ArrayNode sets = n.putArray("params");
            for (List<Object> set : s.paramSets()) {
                sets.add(valuesTree(set));
            }
            n.put("many", true);
        } else {
            n.set("params", valuesTree(s.params()));
        }
        if (!s.changes().isEmpty()) {
            n.set("changes", changesTree(s.changes()));
        }
        if (!s.databaseChanges().isEmpty()) {
            n.set("database_changes", changesTree(s.databaseChanges()));
        }
        if (s.cause() != null) {
            n.put("cause", s.cause());
        }
        if (s.rowsReturned() >= 0) {
            n.put("rows", s.rowsReturned());
        }
        return n;
    }

    private static ArrayNode changesTree(List<RowChange> changes) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (RowChange c : changes) {
            ObjectNode n = a.addObject();
            n.put("table", c.table());
            n.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
            n.set("key", valuesTree(c.key()));
            n.set("before", c.before() == null ? JsonNodeFactory.instance.nullNode() : rowTree(c.before()));
            n.set("after", c.after() == null ? JsonNodeFactory.instance.nullNode() : rowTree(c.after()));
            if (c.foreignKey() != null) {
                n.put("foreign_key", c.foreignKey());
            }
        }
        return a;
    }

    public static ObjectNode tablesTree(Map<String, List<Map<String, Object>>> tables) {
        ObjectNode t = JsonNodeFactory.instance.objectNode();
        tables.forEach((name, rows) -> {
            ArrayNode a = t.putArray(name);
            for (Map<String, Object> row : rows) {
                a.add(rowTree(row));
            }
        });
        return t;
    }

    private static ObjectNode rowTree(Map<String, Object> row) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        row.forEach((k, v) -> r.set(k, valueTree(v)));
        return r;
    }

    private static ArrayNode valuesTree(List<Object> values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (Object v : values) {
            a.add(valueTree(v));
        }
        return a;
    }

    public static JsonNode valueTree(Object v) {
        if (v == null) {
            return JsonNodeFactory.instance.nullNode();
        } else if (v instanceof Boolean b) {
            return JsonNodeFactory.instance.booleanNode(b);
        } else if (v instanceof Integer i) {
            return JsonNodeFactory.instance.numberNode(i.longValue());
        } else if (v instanceof Long l) {
            return JsonNodeFactory.instance.numberNode(l);
        } else if (v instanceof Double d) {
            return JsonNodeFactory.instance.numberNode(d);
        } else if (v instanceof Float f) {
            return JsonNodeFactory.instance.numberNode(f.doubleValue());
        } else if (v instanceof BigDecimal bd) {
            return JsonNodeFactory.instance.numberNode(bd.doubleValue());
        } else {
            return JsonNodeFactory.instance.textNode(v.toString());
        }
    }

    /** Parses a trace's JSON (the contract's fields; the project's extras other than warnings are dropped). */
    public static Trace fromJson(String json) {
        try {
            return fromTree(Mapper.MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a trace: " + e.getOriginalMessage(), e);
        }
    }

    public static Trace fromTree(JsonNode root) {
        List<TraceStatement> statements = new ArrayList<>();
        for (JsonNode s : root.path("statements")) {
            boolean many = s.path("many").asBoolean(false);
            List<List<Object>> sets = new ArrayList<>();
            if (many) {
                for (JsonNode set : s.path("params")) {
                    sets.add(values(set));
                }
            } else {
                sets.add(values(s.path("params")));
            }
            String cause = s.hasNonNull("cause") ? s.get("cause").asText() : null;
            int rows = s.path("rows").isInt() ? s.get("rows").asInt() : -1;
            statements.add(new TraceStatement(s.path("sql").asText(), sets, many, null, null, cause, rows));
        }
        TraceError error = null;
        JsonNode e = root.path("error");
        if (e.isObject()) {
            error = new TraceError(e.path("type").asText(), e.path("message").asText(),
                    e.path("step").isNumber() ? e.get("step").asInt() : null);
        }
        List<String> warnings = new ArrayList<>();
        for (JsonNode w : root.path("warnings")) {
            warnings.add(w.asText());
        }
        Release release = Release.fromText(root.path("sqlalchemy").asText(""));
        return new Trace(statements, error, tables(root.path("tables")), warnings, null, List.of(), release);
    }

    public static Map<String, List<Map<String, Object>>> tables(JsonNode node) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> t = it.next();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (JsonNode r : t.getValue()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> f = r.fields(); f.hasNext(); ) {
                    Map.Entry<String, JsonNode> c = f.next();
                    row.put(c.getKey(), value(c.getValue()));
                }
                rows.add(row);
            }
            tables.put(t.getKey(), rows);
        }
        return tables;
    }

    private static List<Object> values(JsonNode array) {
        List<Object> out = new ArrayList<>();
        for (JsonNode v : array) {
            out.add(value(v));
        }
        return out;
    }

    /** A JSON scalar as the trace's Java value: Long, Double, Boolean, String or null. */
    public static Object value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        } else if (v.isBoolean()) {
            return v.booleanValue();
        } else if (v.isIntegralNumber()) {
            return v.longValue();
        } else if (v.isNumber()) {
            return v.doubleValue();
        } else {
            return v.asText();
        }
    }
}
