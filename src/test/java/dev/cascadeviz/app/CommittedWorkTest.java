package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.library.ScenarioLibrary;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.workbench.RowState;
import dev.cascadeviz.workbench.TableReplay;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/** A run that fails after an earlier commit: the window shows what the database holds, as trace does. */
class CommittedWorkTest extends WindowTestBase {

    /** Lesson 31 (NOT NULL book.library_id, no cascade): delete Emma, commit, then the failing library delete. */
    private static Scenario commitThenFail() throws Exception {
        Scenario lesson = AppServices.files().parse(ScenarioLibrary.text("31-libraries-books-not-null.yaml"), "31.yaml");
        return lesson.withSteps(List.of(new Step.Delete(ObjectRef.of("Book", 4L)), new Step.Commit(),
                new Step.Delete(ObjectRef.of("Library", 1L)), new Step.Commit()));
    }

    private static RowState row(Map<String, List<RowState>> tables, String table, long id) {
        return tables.get(table).stream().filter(r -> ((Number) r.shown().get("id")).longValue() == id).findFirst()
                .orElseThrow();
    }

    @Test
    void anEarlierCommitStaysAfterALaterStepFails() throws Exception {
        show(commitThenFail());
        var trace = model.getTrace();
        assertNotNull(trace.error(), "the library delete fails");
        assertEquals(3, trace.error().step(), "at the second commit, which flushes the library delete (0-based 3)");
        // the truth, as read from the database after the run: Emma gone, the rest there
        assertTrue(trace.tables().get("book").stream().noneMatch(r -> ((Number) r.get("id")).longValue() == 4));
        Map<String, List<RowState>> outcome = TableReplay.outcome(model.getScenario(), trace);
        assertTrue(row(outcome, "book", 4).isDeleted(), "Emma's delete was committed");
        assertFalse(row(outcome, "book", 1).isDeleted());
        assertFalse(row(outcome, "library", 1).isDeleted(), "the failed delete rolled back");
        assertEquals(4, outcome.get("book").stream().filter(r -> !r.isDeleted()).count());
        String state = lookup("#tables-state").<Label>query().getText();
        assertFalse(state.contains("as it was before the run"), state);
        assertTrue(state.contains("earlier commits"), state);
        String banner = lookup("#error-banner .label").queryAll().stream().map(n -> ((Label) n).getText())
                .reduce("", (a, b) -> a + " " + b);
        assertFalse(banner.contains("as they were before the run"), banner);
    }

    @Test
    void withoutAnEarlierCommitEverythingRollsBack() throws Exception {
        Scenario s = commitThenFail();
        show(s.withSteps(List.of(new Step.Delete(ObjectRef.of("Book", 4L)), new Step.Delete(ObjectRef.of("Library", 1L)),
                new Step.Commit())));
        Map<String, List<RowState>> outcome = TableReplay.outcome(model.getScenario(), model.getTrace());
        assertFalse(row(outcome, "book", 4).isDeleted(), "nothing was committed");
        assertTrue(lookup("#tables-state").<Label>query().getText().contains("as it was before the run"));
    }
}
