package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.advice.Advice;
import dev.cascadeviz.advice.TinyScenarios;
import dev.cascadeviz.app.graph.GraphStyles;
import dev.cascadeviz.app.inspector.EdgeInspector;
import dev.cascadeviz.app.viewmodel.Selection;
import dev.cascadeviz.model.PassiveDeletes;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

class CauseAndWarningsTest extends WindowTestBase {

    @Test
    void clickingTheCauseOfAStatementSelectsItsEdgeAndMarksItsSetting() {
        show(TinyScenarios.deleteArtist("", ""));
        interact(() -> model.stepTo(3)); // SELECT artist, SELECT song, then the UPDATE that nulls song.artist_id
        Hyperlink cause = lookup("#sql-cause").query();
        assertTrue(cause.getText().startsWith("Why: Artist.songs has no delete cascade"), cause.getText());
        clickOn(cause);
        assertEquals(new Selection.Edge("Artist", "songs"), model.selectionProperty().get());
        assertTrue(window.graph().edgeView("Artist", "songs").getPseudoClassStates().contains(GraphStyles.SELECTED));
        Label section = lookup("#section-cascade").query();
        assertTrue(section.getStyleClass().contains(EdgeInspector.HIGHLIGHTED));
        assertTrue(!lookup("#section-passive_deletes").<Label>query().getStyleClass().contains(EdgeInspector.HIGHLIGHTED));
    }

    @Test
    void aWarningsFixIsAppliedAsAnUndoableEdit() {
        show(TinyScenarios.deleteArtist("", "ondelete: CASCADE"));
        assertEquals(Advice.Kind.ONDELETE_CASCADE_WITHOUT_PASSIVE_DELETES, model.advice().get(0).kind());
        TabPane side = lookup("#side-tabs").query();
        interact(() -> side.getSelectionModel().select(side.getTabs().size() - 1));
        assertEquals("Warnings (1)", side.getSelectionModel().getSelectedItem().getText());
        // the tab's content joins the scene on the next pulses; wait for them before looking it up
        WaitForAsyncUtils.waitForFxEvents(3);
        clickOn("#fix-0");
        awaitRun();
        assertEquals(PassiveDeletes.TRUE,
                model.getScenario().mappedClass("Artist").relationship("songs").effectivePassiveDeletes());
        assertTrue(model.advice().isEmpty(), model.advice().toString());
        assertTrue(model.getTrace().statements().stream().noneMatch(s -> s.sql().startsWith("UPDATE")));
        interact(model::undo);
        assertEquals(1, model.advice().size());
    }
}
