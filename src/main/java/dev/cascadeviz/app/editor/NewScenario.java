package dev.cascadeviz.app.editor;

import dev.cascadeviz.model.DatabaseSettings;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Scenario;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** File > New: an empty canvas on the engine and SQLAlchemy release chosen. */
public final class NewScenario {

    private NewScenario() {
    }

    /** An empty scenario: no table, class, row or step; the file will state its release. */
    public static Scenario empty(Engine engine, Release release) {
        return new Scenario(1, release, null, null, new DatabaseSettings(engine, true), Map.of(), Map.of(), Map.of(),
                List.of(), Map.of());
    }

    /** Asks for the engine and release; empty when cancelled. */
    public static Optional<Scenario> ask(Window owner) {
        Dialog<Scenario> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("New scenario");
        d.setHeaderText("An empty canvas: add classes with a double-click on it.");
        ChoiceBox<Engine> engine = new ChoiceBox<>();
        engine.getItems().setAll(Engine.values());
        engine.setValue(DatabaseSettings.DEFAULT.engine());
        engine.setId("new-engine");
        ChoiceBox<Release> release = new ChoiceBox<>();
        release.getItems().setAll(Release.values());
        release.setValue(Release.DEFAULT);
        release.setId("new-release");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Database"), engine);
        grid.addRow(1, new Label("SQLAlchemy"), release);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? empty(engine.getValue(), release.getValue()) : null);
        return d.showAndWait();
    }
}
