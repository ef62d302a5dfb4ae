package dev.cascadeviz.app.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A big log goes into the window in pieces cut at line ends, which together are the whole text. */
class LogChunksTest {

    private static String lines(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("SELECT ").append(i).append('\n');
        }
        return b.append("COMMIT").toString();
    }

    @Test
    void piecesAreWholeLinesAndMakeTheWholeText() {
        String text = lines(2 * SqlLogView.linesPerPulse + 7);
        List<String> parts = SqlLogView.chunks(text);
        assertEquals(3, parts.size());
        assertEquals(text, String.join("", parts));
        for (int i = 0; i < parts.size() - 1; i++) {
            assertTrue(parts.get(i).endsWith("\n"));
            assertEquals(SqlLogView.linesPerPulse, parts.get(i).chars().filter(c -> c == '\n').count());
        }
    }

    @Test
    void aShortOrEmptyTextIsOnePiece() {
        assertEquals(List.of(""), SqlLogView.chunks(""));
        assertEquals(List.of("BEGIN\nCOMMIT"), SqlLogView.chunks("BEGIN\nCOMMIT"));
    }
}
