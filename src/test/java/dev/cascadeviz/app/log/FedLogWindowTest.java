package dev.cascadeviz.app.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.AppServices;
import dev.cascadeviz.app.WindowTestBase;
import dev.cascadeviz.app.library.ScenarioLibrary;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.workbench.EchoLog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A big run's log goes into the window a few lines a pulse: once fed it is the whole echo log,
 * and a step marks that statement's lines. The sizes are lowered so a lesson takes that path.
 */
class FedLogWindowTest extends WindowTestBase {

    private int aboveBefore;
    private int linesBefore;

    @BeforeEach
    void feedTheLogInSmallPieces() {
        aboveBefore = SqlLogView.workInBackgroundAbove;
        linesBefore = SqlLogView.linesPerPulse;
        SqlLogView.workInBackgroundAbove = 0;
        SqlLogView.linesPerPulse = 2;
    }

    @AfterEach
    void restoreTheSizes() {
        SqlLogView.workInBackgroundAbove = aboveBefore;
        SqlLogView.linesPerPulse = linesBefore;
    }

    /** The style of each character the spans cover, in order. */
    private static List<Collection<String>> perCharacter(StyleSpans<Collection<String>> spans) {
        List<Collection<String>> out = new ArrayList<>();
        for (StyleSpan<Collection<String>> span : spans) {
            for (int k = 0; k < span.getLength(); k++) {
                out.add(Set.copyOf(span.getStyle()));
            }
        }
        return out;
    }

    @Test
    void theFedLogIsTheWholeEchoLogAndAStepMarksItsStatement() throws Exception {
        Scenario lesson = AppServices.files().parse(ScenarioLibrary.text("31-libraries-books-not-null.yaml"), "31.yaml");
        interact(() -> model.show(lesson, null, "31.yaml"));
        SqlLogView log = lookup("#sql-log").query();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.getTrace() != null && !model.isRunning()
                && log.countsText().contains("statement") && !log.countsText().contains("writing"));
        WaitForAsyncUtils.waitForFxEvents();
        EchoLog expected = EchoLog.of(model.getTrace(), model.steps());
        assertTrue(expected.text().split("\n").length > 2 * SqlLogView.linesPerPulse, "fed in several pieces");
        assertEquals(expected.text(), log.text());
        CodeArea fed = lookup("#sql-log-area").query();
        List<Collection<String>> shownStyles = new ArrayList<>();
        interact(() -> shownStyles.addAll(perCharacter(fed.getStyleSpans(0, fed.getLength()))));
        List<Collection<String>> highlighted = perCharacter(SqlHighlighter.spans(expected.text()));
        for (int i = 0; i < expected.text().length(); i++) {
            if (expected.text().charAt(i) != '\n') { // a line end is no character of a paragraph: it has no style of its own
                assertEquals(highlighted.get(i), shownStyles.get(i), "the colour at " + i);
            }
        }
        assertTrue(highlighted.contains(Set.of("sql-keyword")), "keywords coloured");
        assertEquals(0, fed.getCaretPosition(), "the caret stays at the top while the pieces come in");
        assertEquals(0, fed.firstVisibleParToAllParIndex(), "and so does the view");
        int n = model.getTrace().statements().size();
        interact(() -> model.stepTo(n));
        WaitForAsyncUtils.waitForFxEvents();
        CodeArea area = lookup("#sql-log-area").query();
        int[] lines = expected.statementLines().get(n - 1);
        String selected = area.getSelectedText();
        assertTrue(selected.startsWith(model.getTrace().statements().get(n - 1).sql().split("\n")[0]), selected);
        assertEquals(lines[1] - lines[0] + 1, selected.split("\n", -1).length);
    }
}
