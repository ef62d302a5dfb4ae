package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.banner.ErrorBanner;
import dev.cascadeviz.app.graph.GraphStyles;
import dev.cascadeviz.app.log.SqlLogView;
import dev.cascadeviz.app.tables.ResultTablesView;
import dev.cascadeviz.app.tables.RowActions;
import dev.cascadeviz.fixtures.TestScenarios;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

class RunViewsTest extends WindowTestBase {

    private SqlLogView log() {
        return lookup("#sql-log").query();
    }

    private String tablesState() {
        return lookup("#tables-state").<Label>query().getText();
    }

    /** The cell of a result table in grid row {@code row} (1 = first data row) and column {@code column} (1 = first column). */
    @Test
    void deletingARowFromItsMenuRunsDeleteAndCommitAndShowsTheTrace() {
        openDefault();
        String firstTable = model.getScenario().tables().keySet().iterator().next();
        clickOn(lookup("#table-" + firstTable + " .row-actions").<MenuButton>queryAll().toArray(new MenuButton[0])[1]);
        ObjectRef second = RowActions.objectOf(model.getScenario(), firstTable,
                model.getScenario().rowsOf(firstTable).get(1));
        clickOn("session.delete(" + second + ")");
        assertEquals(List.of(new Step.Delete(second), new Step.Commit()), model.getScenario().steps());
        awaitRun();
        Trace trace = model.getTrace();
        for (TraceStatement s : trace.statements()) {
            assertTrue(log().text().contains(s.sql()), s.sql());
        }
        trace.tables().forEach((table, rows) -> {
            String title = lookup("#result-tables .table-title").queryAll().stream()
                    .map(n -> ((Label) n).getText()).filter(t -> t.startsWith(table + " ")).findFirst().orElseThrow();
            assertTrue(title.startsWith(table + "  (" + rows.size() + " of "), title);
        });
    }

    @Test
    void theLogShowsEachStatementAsTheEchoPrintsIt() {
        runner.use(TestScenarios::cascadeDeleteTrace);
        show(TestScenarios.artistSongs("all, delete", true));
        String text = log().text();
        assertTrue(text.startsWith("BEGIN (implicit)\n" + TestScenarios.GET_ARTIST + "\n(1,)\n"), text);
        assertTrue(text.contains("DELETE FROM song WHERE song.id = ?\n[(1,), (2,)]"), text);
        assertTrue(text.contains("[(1,), (2,)]"), text);
        assertTrue(text.endsWith("COMMIT"), text);
        assertEquals("4 statements  ·  3 rows loaded into the session", log().countsText());
    }

    @Test
    void theTablesMarkWhatTheDatabaseDeletedApartFromWhatTheOrmDeleted() {
        runner.use(TestScenarios::databaseCascadeTrace);
        show(TestScenarios.artistSongs("all, delete", true));
        Label artist1 = cell("artist", 1, 1);
        Label song1 = cell("song", 1, 1);
        assertTrue(artist1.getPseudoClassStates().contains(ResultTablesView.DELETED));
        assertTrue(artist1.getPseudoClassStates().contains(ResultTablesView.BY_ORM));
        assertTrue(song1.getPseudoClassStates().contains(ResultTablesView.BY_DATABASE));
        assertFalse(cell("song", 2, 1).getPseudoClassStates().contains(ResultTablesView.DELETED));
    }

    @Test
    void steppingThroughShowsTheTablesAfterEachStatement() {
        runner.use(TestScenarios::cascadeDeleteTrace);
        show(TestScenarios.artistSongs("all, delete", true));
        push(KeyCode.F7);
        push(KeyCode.F7);
        push(KeyCode.F7);
        assertEquals(3, model.getStep());
        assertEquals("after statement 3 of 4", tablesState());
        assertTrue(cell("song", 1, 1).getPseudoClassStates().contains(ResultTablesView.DELETED));
        assertFalse(cell("artist", 1, 1).getPseudoClassStates().contains(ResultTablesView.DELETED));
        assertTrue(window.graph().edgeView("Artist", "songs").getPseudoClassStates().contains(GraphStyles.CURRENT));
        push(KeyCode.F6);
        assertEquals(2, model.getStep());
        assertFalse(cell("song", 1, 1).getPseudoClassStates().contains(ResultTablesView.DELETED));
    }

    @Test
    void anErrorShowsTheBannerAndTheTablesRolledBack() {
        runner.use(TestScenarios::notNullFailureTrace);
        show(TestScenarios.artistSongs("save-update, merge", false));
        ErrorBanner banner = lookup("#error-banner").query();
        assertTrue(banner.isVisible());
        assertEquals("IntegrityError: (sqlite3.IntegrityError) NOT NULL constraint failed: song.artist_id", banner.headlineText());
        assertEquals("The ORM tried to set the foreign key to NULL because the relationship has no delete cascade, "
                + "but the column is NOT NULL.", banner.whyText());
        assertTrue(tablesState().startsWith("rolled back"), tablesState());
        assertTrue(log().text().endsWith("ROLLBACK"));
    }

    @Test
    void aRunThatSucceedsHidesTheBanner() {
        runner.use(TestScenarios::cascadeDeleteTrace);
        show(TestScenarios.artistSongs("all, delete", true));
        assertFalse(lookup("#error-banner").query().isVisible());
    }

    @Test
    void cancellingARunInterruptsTheWorkerAndKeepsTheWindowResponsive() throws Exception {
        show(TestScenarios.artistSongs("all, delete", true));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        runner.use((s, e) -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException x) {
                interrupted.countDown();
                throw x;
            }
            return null;
        });
        interact(model::run);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertTrue(model.isRunning());
        assertTrue(lookup("#cancel-button").query().isVisible());
        clickOn("#cancel-button");
        assertTrue(interrupted.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model.isRunning());
        String tables = lookup("#tables-state").<Label>query().getText();
        assertFalse(tables.contains("running"), "the tables no longer say the run is going: " + tables);
    }
}
