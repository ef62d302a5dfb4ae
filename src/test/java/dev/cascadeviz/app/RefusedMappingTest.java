package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.viewmodel.Selection;
import dev.cascadeviz.fixtures.TestScenarios;
import dev.cascadeviz.model.PassiveDeletes;
import dev.cascadeviz.workbench.Edits;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/** With the real simulator: a mapping SQLAlchemy refuses shows refused in the inspector. */
class RefusedMappingTest extends WindowTestBase {

    @Test
    void passiveDeletesAllWithDeleteCascadeIsShownRefused() {
        show(TestScenarios.artistSongs("all, delete", true));
        interact(() -> model.selectionProperty().set(new Selection.Edge("Artist", "songs")));
        interact(() -> model.edit("Set passive_deletes of Artist.songs to 'all'",
                Edits.relationship("Artist", "songs", r -> r.withPassiveDeletes(PassiveDeletes.ALL))));
        awaitRun();
        assertEquals("ArgumentError", model.getTrace().error().type());
        String refusal = lookup("#inspector-refusal").<Label>query().getText();
        assertTrue(refusal.startsWith("SQLAlchemy refuses this mapping — ArgumentError"), refusal);
    }
}
