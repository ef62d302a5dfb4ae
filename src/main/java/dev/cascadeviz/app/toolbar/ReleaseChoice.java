package dev.cascadeviz.app.toolbar;

import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Scenario;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;

/**
 * The SQLAlchemy release the scenario shows ("2.0" / "2.1"), beside the database selector. It
 * follows the scenario (opening, undo, redo); choosing another release is one undoable edit,
 * which marks the file changed and runs the steps again.
 */
public final class ReleaseChoice extends ChoiceBox<Release> {

    private boolean syncing;

    public ReleaseChoice(WorkspaceModel model) {
        setId("release-choice");
        getItems().setAll(Release.values());
        setTooltip(new Tooltip("The SQLAlchemy release whose SQL and behaviour the run shows"));
        disableProperty().bind(model.scenarioProperty().isNull());
        Runnable sync = () -> {
            Scenario s = model.getScenario();
            syncing = true;
            setValue(s == null ? null : s.release());
            syncing = false;
        };
        model.scenarioProperty().addListener((o, a, b) -> sync.run());
        sync.run();
        valueProperty().addListener((o, a, chosen) -> {
            Scenario s = model.getScenario();
            if (!syncing && chosen != null && s != null && s.release() != chosen) {
                model.edit("Use SQLAlchemy " + chosen.text(), x -> x.withSqlalchemy(chosen));
            }
        });
    }
}
