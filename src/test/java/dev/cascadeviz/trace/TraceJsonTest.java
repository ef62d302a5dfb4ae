package dev.cascadeviz.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceJsonTest {

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Every kind of field and value the JSON can hold. */
    private static Trace everything() {
        RowChange own = new RowChange("song", RowChange.Kind.UPDATE, List.of(1L), row("id", 1L, "rating", 2.5),
                row("id", 1L, "rating", null), null);
        RowChange byDb = new RowChange("song", RowChange.Kind.DELETE, List.of(2L), row("id", 2L, "ok", true), null,
                "song.artist_id ON DELETE CASCADE");
        TraceStatement select = new TraceStatement("SELECT x \nFROM t WHERE a = ? AND b = ?",
                List.of(Arrays.asList(1L, "é \"quoted\"")), false, null, null, "get Artist", 2);
        TraceStatement many = new TraceStatement("DELETE FROM song WHERE song.id = ?",
                List.of(List.of(1L), List.of(2L)), true, List.of(own), List.of(byDb), (String) null);
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("artist", List.of(row("id", 1L, "name", "Nirvana", "born", 1.5e10, "active", false)));
        tables.put("song", List.of());
        return new Trace(List.of(select, many), new TraceError("IntegrityError", "FOREIGN KEY constraint failed", 3),
                tables, List.of("a warning"), null);
    }

    @Test
    void writesTheSameTextAsTheIndentedTreeDoes() throws Exception {
        Trace trace = everything();
        String fromTree = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(TraceJson.toTree(trace));
        assertEquals(fromTree, TraceJson.toJson(trace));
    }

    @Test
    void writesAnErrorWithoutAStepAsNull() throws Exception {
        Trace trace = new Trace(List.of(), new TraceError("OperationalError", "no such table", null), Map.of(),
                List.of(), null);
        String fromTree = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(TraceJson.toTree(trace));
        assertEquals(fromTree, TraceJson.toJson(trace));
    }

    @Test
    void writingToAWriterGivesWhatToJsonReturnsAndReadsBack() throws Exception {
        StringWriter out = new StringWriter();
        TraceJson.write(everything(), out);
        assertEquals(TraceJson.toJson(everything()), out.toString());
        assertEquals(everything().statements().get(1).paramSets(), TraceJson.fromJson(out.toString()).statements().get(1).paramSets());
    }
}
