package dev.cascadeviz.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.orm.Simulator;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command line's stdout writes a block as its writer would have written the text, in place. */
class Utf8OutputTest {

    private static byte[] throughTheWriter(String before, String block, String after) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter w = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
        w.print(before);
        w.write(block);
        w.println(after);
        w.flush();
        return bytes.toByteArray();
    }

    @Test
    void aBlockGoesOutBetweenWhatWasPrintedBeforeAndAfterItAsTheSameBytes() {
        String block = "{\"name\": \"Zoë – 日本 \uD83D\uDE00\"}".repeat(5000); // larger than any buffer on the way
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Output out = new Utf8Output(new PrintStream(bytes, false, StandardCharsets.UTF_8));
        out.print("before ");
        out.writeBlock(block);
        out.println(" after");
        assertArrayEquals(throughTheWriter("before ", block, " after"), bytes.toByteArray());
    }

    @Test
    void aFailedWriteIsTheWritersErrorStateNotAnException() {
        Utf8Output out = new Utf8Output(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        });
        out.writeBlock("{}");
        assertTrue(out.checkError());
    }

    @Test
    void aTraceWrittenAheadReachesStdoutAsTraceJsonWritesIt() throws Exception {
        Scenario s = ScenarioFiles.load(Path.of("assets/scenarios/10-artists-orm-cascade.yaml")).withSqlalchemy(Release.V2_1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Output out = new Utf8Output(new PrintStream(bytes, false, StandardCharsets.UTF_8));
        try (TraceJsonAhead json = new TraceJsonAhead(s.release())) {
            Trace trace = Simulator.withoutTablesBefore().run(s, null, json);
            json.finish(trace, out);
            out.flush();
            assertEquals(TraceJson.toJson(trace), bytes.toString(StandardCharsets.UTF_8));
        }
    }
}
