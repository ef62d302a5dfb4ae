package dev.cascadeviz.app.compare;

import dev.cascadeviz.workbench.CompareRun;
import dev.cascadeviz.workbench.ScenarioRunner;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The compare view in a window of its own beside the main window; Esc closes it. */
public final class CompareWindow {

    private final Stage stage = new Stage();
    private final CompareViewModel model;

    public CompareWindow(Window owner, ScenarioRunner runner) {
        model = new CompareViewModel(runner);
        CompareView view = new CompareView(model);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1180, screen.getWidth()), Math.min(740, screen.getHeight()));
        scene.getStylesheets().add(CompareWindow.class.getResource("/dev/cascadeviz/app/app.css").toExternalForm());
        scene.getStylesheets().add(CompareWindow.class.getResource("/dev/cascadeviz/app/compare.css").toExternalForm());
        // a filter: the SQL lists and scroll panes would otherwise take Esc for themselves
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                stage.close();
            }
        });
        view.getStyleClass().add("cascadeviz");
        // in presentation the compare window reads like the main one: same text size, full screen
        if (owner != null && owner.getScene() != null && owner.getScene().getRoot().getStyleClass().contains("presentation")) {
            view.getStyleClass().add("presentation");
            view.setStyle(owner.getScene().getRoot().getStyle());
            stage.setMaximized(true);
        }
        stage.setScene(scene);
        if (owner != null) {
            stage.initOwner(owner);
            stage.getIcons().setAll(owner instanceof Stage s ? s.getIcons() : List.of());
        }
        stage.titleProperty().bind(model.titleProperty().map(t -> "Compare — " + t));
        stage.setOnHidden(e -> model.shutdown());
    }

    /** Shows the window and starts running both sides. */
    public void show(String heading, CompareRun left, CompareRun right) {
        model.start(heading, left, right);
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    public CompareViewModel model() {
        return model;
    }
}
