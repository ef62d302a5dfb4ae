package dev.cascadeviz.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a golden file written by conformance/capture.py (see conformance/README.md). */
final class GoldenTraces {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GoldenTraces() {
    }

    /** The traces real SQLAlchemy produced for one scenario: one per distinct outcome over the hash seeds. */
    static List<Trace> variants(Path golden) throws IOException {
        JsonNode root = MAPPER.readTree(golden.toFile());
        JsonNode variants = root.path("variants");
        if (!variants.isArray() || variants.isEmpty()) {
            throw new IOException(golden + ": a golden needs at least one variant");
        }
        List<Trace> out = new ArrayList<>();
        for (JsonNode v : variants) {
            out.add(TraceJson.fromTree(v));
        }
        return out;
    }
}
