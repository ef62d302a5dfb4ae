package dev.cascadeviz.app.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.AppServices;
import dev.cascadeviz.app.PresentationMode;
import dev.cascadeviz.app.library.ScenarioLibrary;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.workbench.RowState;
import dev.cascadeviz.workbench.TableReplay;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The tables of a big run (virtualized tables fed from a worker, stepped through a timeline)
 * show, at every Previous/Next, the same rows as a replay from the start, and the whole outcome
 * at the end. The size above which a run counts as big is lowered so that a small scenario with
 * a COMMIT and a ROLLBACK takes that path.
 */
class BigTablesWindowTest extends BigTablesWindowTestBase {

    private ResultTablesView view() {
        return lookup("#result-tables").query();
    }

    /** Waits until the tables pane shows what was asked for. */
    private void awaitTables() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.isRunning() && model.getTrace() != null
                && !lookup("#tables-state").<Label>query().getText().contains("working"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertShows(Map<String, List<RowState>> expected, String where) {
        for (var e : expected.entrySet()) {
            List<RowState> shown = view().bigRows(e.getKey());
            assertEquals(e.getValue().size(), shown.size(), where + ": rows of " + e.getKey());
            for (int i = 0; i < shown.size(); i++) {
                assertTrue(e.getValue().get(i).sameAs(shown.get(i)), where + ": " + e.getKey() + " row " + i);
            }
            TableView<?> table = lookup("#table-" + e.getKey()).query();
            assertEquals(shown.size(), table.getItems().size());
        }
    }

    @Test
    void aBigRunsTablesGoInAPieceAPulseAndTheStateSaysWhatTheyShowOnlyOnceAllAreIn() throws Exception {
        Scenario lesson = AppServices.files().parse(ScenarioLibrary.text("44-association-object-fixed-with-cascade.yaml"), "44.yaml");
        int tables = lesson.tables().size();
        assertTrue(tables >= 3, "tables: " + tables);
        Set<Integer> cardCounts = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        AnimationTimer watch = new AnimationTimer() {
            @Override
            public void handle(long now) {
                var cards = view().lookupAll(".table-card");
                long filled = view().lookupAll(".row-table").stream().filter(t -> !((TableView<?>) t).getItems().isEmpty()).count();
                cardCounts.add(cards.size());
                String state = lookup("#tables-state").<Label>query().getText();
                if (!state.contains("working") && !state.isEmpty() && (cards.size() != tables || filled != tables)) {
                    wrong.add(state + " with " + cards.size() + " cards, " + filled + " filled");
                }
            }
        };
        interact(watch::start);
        interact(() -> model.show(lesson, null, "44.yaml"));
        awaitTables();
        interact(watch::stop);
        assertEquals(List.of(), wrong, "the state said what the tables show before they all showed it");
        assertTrue(cardCounts.stream().anyMatch(n -> n > 0 && n < tables), "cards seen over the pulses: " + cardCounts);
        assertEquals(tables, view().lookupAll(".table-card").size());
        assertShows(TableReplay.outcome(model.getScenario(), model.getTrace()), "the outcome");
    }

    /** Lesson 31 with these steps, run as a big run: its trace, of three statements at least. */
    private Trace runLesson31(Step... steps) throws Exception {
        Scenario lesson = AppServices.files().parse(ScenarioLibrary.text("31-libraries-books-not-null.yaml"), "31.yaml")
                .withSteps(List.of(steps));
        interact(() -> model.show(lesson, null, "31.yaml"));
        awaitTables();
        Trace trace = model.getTrace();
        assertTrue(trace.statements().size() >= 3, "statements: " + trace.statements().size());
        return trace;
    }

    @Test
    void previousAndNextShowTheSameTablesAsAReplayFromTheStart() throws Exception {
        // lesson 31: a delete rolled back, a delete committed, a delete that fails (rolled back too)
        Trace trace = runLesson31(new Step.Delete(ObjectRef.of("Book", 3L)), new Step.Flush(), new Step.Rollback(),
                new Step.Delete(ObjectRef.of("Book", 4L)), new Step.Commit(),
                new Step.Delete(ObjectRef.of("Library", 1L)), new Step.Commit());
        Scenario s = model.getScenario();
        int n = trace.statements().size();
        assertTrue(trace.transactions().stream().anyMatch(t -> "ROLLBACK".equals(t.kind())), "the run rolls back a transaction");
        assertShows(TableReplay.outcome(s, trace), "the outcome");
        for (int step = 1; step <= n; step++) {
            interact(model::stepNext);
            awaitTables();
            assertEquals(step, model.getStep());
            assertShows(TableReplay.after(s, trace, step), "Next to " + step);
            assertTrue(lookup("#tables-state").<Label>query().getText().startsWith("after statement " + step + " of " + n));
        }
        for (int step = n - 1; step >= 0; step--) {
            interact(model::stepPrevious);
            awaitTables();
            assertShows(TableReplay.after(s, trace, step), "Previous to " + step);
        }
        interact(model::showOutcome);
        awaitTables();
        assertShows(TableReplay.outcome(s, trace), "the outcome again");
        interact(() -> model.stepTo(n));
        awaitTables();
        assertShows(TableReplay.after(s, trace, n), "a jump to the last statement");
    }

    /**
     * The worker works out the first statement's tables while the outcome is shown (the first
     * Next from the outcome then only hands them over): whatever was shown before, the first
     * Next shows the tables after the first statement. The pauses let the worker get ahead, as a user's pause would.
     */
    @Test
    void theFirstNextFromTheOutcomeShowsTheFirstStatementWhereverTheTimelineWas() throws Exception {
        Trace trace = runLesson31(new Step.Delete(ObjectRef.of("Book", 4L)), new Step.Commit(),
                new Step.Delete(ObjectRef.of("Library", 1L)), new Step.Commit());
        Scenario s = model.getScenario();
        int n = trace.statements().size();
        for (Runnable elsewhere : List.<Runnable>of(() -> { }, () -> model.stepTo(n), () -> model.stepTo(2), model::stepNext)) {
            interact(elsewhere);
            awaitTables();
            interact(model::showOutcome);
            awaitTables();
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            interact(model::stepNext);
            awaitTables();
            assertEquals(1, model.getStep());
            assertShows(TableReplay.after(s, trace, 1), "the first Next from the outcome");
            interact(model::stepPrevious);
            awaitTables();
            assertShows(TableReplay.after(s, trace, 0), "Previous from the first statement");
        }
        interact(model::showOutcome);
        awaitTables();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        interact(model::stepPrevious);
        awaitTables();
        assertShows(TableReplay.after(s, trace, n), "Previous from the outcome");
    }

    /** Another scenario shown after a run was stepped through and back to its outcome: its own tables, as its replay has them. */
    @Test
    void anotherScenarioShownAfterASteppedRunShowsItsOwnTables() throws Exception {
        Scenario lesson = AppServices.files().parse(ScenarioLibrary.text("31-libraries-books-not-null.yaml"), "31.yaml");
        interact(() -> model.show(lesson, null, "31.yaml"));
        awaitTables();
        interact(model::stepPrevious);
        awaitTables();
        interact(model::showOutcome);
        awaitTables();
        Scenario other = AppServices.files().parse(ScenarioLibrary.text("44-association-object-fixed-with-cascade.yaml"), "44.yaml");
        interact(() -> model.show(other, null, "44.yaml"));
        awaitTables();
        assertShows(TableReplay.outcome(model.getScenario(), model.getTrace()), "the other scenario's outcome");
        assertEquals(other.tables().size(), view().lookupAll(".table-card").size());
        interact(model::stepNext);
        awaitTables();
        assertShows(TableReplay.after(model.getScenario(), model.getTrace(), 1), "the first Next in the other scenario's run");
    }

    @Test
    void aSmallScenarioOpenedAfterABigOneIsDrawnAsGridsAgain() throws Exception {
        Path file = Path.of(getClass().getResource(
                "/conformance/scenarios/generated/interleaved/two-parents_default_pdfalse_odnone.yaml").toURI());
        interact(() -> model.open(file));
        awaitTables();
        assertFalse(lookup("#result-tables .row-table").queryAll().isEmpty(), "a big run's tables are virtualized tables");
        ResultTablesView.bigAbove = 20_000;
        Path other = Path.of(getClass().getResource(
                "/conformance/scenarios/generated/interleaved/child-first_default_pdfalse_odnone.yaml").toURI());
        Scenario small = ScenarioFiles.load(other);
        interact(() -> model.show(small, other, "small.yaml"));
        awaitTables();
        assertTrue(lookup("#result-tables .row-table").queryAll().isEmpty());
        assertFalse(lookup(".table-grid").queryAll().isEmpty(), "a small run's tables are grids");
    }

    /** The values and column names of the virtualized tables that JavaFX cut off with an ellipsis. */
    private List<String> cutValues() {
        List<String> cut = new ArrayList<>();
        List<Node> labels = new ArrayList<>(lookup("#result-tables .table-cell-label").queryAll());
        labels.addAll(lookup("#result-tables .column-header .label").queryAll());
        for (Node node : labels) {
            Labeled cell = (Labeled) node;
            Text shown = (Text) cell.lookup(".text");
            if (cell.getText() != null && !cell.getText().isEmpty() && shown != null && !shown.getText().equals(cell.getText())) {
                cut.add(cell.getText() + " shown as " + shown.getText() + " at " + cell.getFont().getSize() + " px");
            }
        }
        return cut;
    }

    @Test
    void noValueIsCutOffAtTheUsualSizeNorAfterPresentationAndCtrlPlusEnlargeTheText() throws Exception {
        Scenario lesson = AppServices.files().parse(ScenarioLibrary.text("10-artists-orm-cascade.yaml"), "10.yaml");
        interact(() -> model.show(lesson, null, "10.yaml"));
        awaitTables();
        assertTrue(lookup("#result-tables .table-cell-label").queryAll().stream()
                .anyMatch(n -> "Celebrity Skin".equals(((Labeled) n).getText())), "the song titles are shown");
        assertEquals(List.of(), cutValues(), "at the usual size");
        interact(() -> model.presentationProperty().set(true));
        interact(() -> window.presentationMode().fontSizeProperty().set(PresentationMode.MAX_FONT - 8));
        WaitForAsyncUtils.waitForFxEvents();
        double size = lookup("#result-tables .table-cell-label").<Labeled>query().getFont().getSize();
        assertEquals(PresentationMode.MAX_FONT - 8, size, 0.5, "the cells take the presentation's size");
        assertEquals(List.of(), cutValues(), "in presentation");
    }
}
