package dev.cascadeviz.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Scenario;
import org.junit.jupiter.api.Test;

/** Files past SnakeYAML's 3 MiB default open, long lines are read in linear time, and a size limit says so. */
class LargeFileTest {

    private static final String HEAD = """
            tables:
              t:
                columns:
                  id: {type: integer, primary_key: true}
                  name: {type: string}
            classes:
              T: {table: t}
            rows:
              t:
            """;

    @Test
    void aFileOverThreeMebibytesOpens() throws ScenarioException {
        StringBuilder sb = new StringBuilder(HEAD);
        int rows = 70_000;
        for (int i = 0; i < rows; i++) {
            sb.append("    - {id: ").append(i).append(", name: row number ").append(i).append(" of a large table}\n");
        }
        assertTrue(sb.length() > 3 * 1024 * 1024, "the file must be past 3 MiB: " + sb.length());
        Scenario s = ScenarioFiles.parse(sb.toString(), "large.yaml");
        assertEquals(rows, s.rowsOf("t").size());
    }

    @Test
    void anEightMillionCharacterLineIsReadWhole() throws ScenarioException {
        String text = "title: " + "x".repeat(8_000_000) + "\n";
        Scenario s = ScenarioFiles.parse(text, "long.yaml");
        assertEquals(8_000_000, s.title().length());
    }

    @Test
    void theReadBufferHoldsTheLongestLineSoNoRefillCopiesATokenAgain() {
        // SnakeYAML's refills copied the token read so far each time: over 20 s for 8 M characters
        // with 1 KiB; the time itself is measured by conformance/bench-hostile.sh longline
        String text = "a: b\ntitle: " + "x".repeat(200_000) + "\r\nc: d";
        assertEquals(200_000 + "title: ".length() + 1, TreeReader.bufferSize(text));
    }

    @Test
    void aLoneCarriageReturnEndsALineForTheReadBufferToo() {
        // old Mac line ends: no '\n' at all, so the longest line is found between the '\r's
        String text = "a: b\rtitle: " + "x".repeat(100_000) + "\rc: " + "y".repeat(70_000) + "\r";
        assertEquals(100_000 + "title: ".length() + 1, TreeReader.bufferSize(text));
    }

    @Test
    void theReadBufferNeedNotHoldTheWholeFile() {
        String text = "- {id: 1, name: a row}\n".repeat(100_000);
        assertEquals(64 * 1024, TreeReader.bufferSize(text));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedAsSuch() {
        Problems problems = new Problems("big.yaml");
        assertNull(TreeReader.read("title: " + "x".repeat(100), false, problems, 50));
        assertEquals("big.yaml:1:1: the file has 107 characters; CascadeViz reads scenario files of up to 50 characters"
                + " (a size limit)", problems.sorted().get(0).toString());
    }
}
