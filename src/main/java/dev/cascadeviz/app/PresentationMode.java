package dev.cascadeviz.app;

import dev.cascadeviz.app.graph.GraphView;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import javafx.animation.PauseTransition;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Presentation mode (F11), for a class reading a projector from the back of the room: full
 * screen, dark high-contrast theme, and every text at a size chosen for the screen (about a
 * fortieth of its height) that Ctrl+Plus / Ctrl+Minus change. Outside presentation those keys
 * zoom the graph. The graph is fitted again whenever its room changes size.
 */
public final class PresentationMode {

    public static final int MIN_FONT = 12;
    public static final int MAX_FONT = 48;
    static final String STYLE = "presentation";

    private final Stage stage;
    private final Region root;
    private final WorkspaceModel model;
    private final GraphView graph;
    private final IntegerProperty fontSize = new SimpleIntegerProperty(this, "fontSize");
    private final PauseTransition refit = new PauseTransition(Duration.millis(150));

    PresentationMode(Stage stage, Region root, WorkspaceModel model, GraphView graph) {
        this.stage = stage;
        this.root = root;
        this.model = model;
        this.graph = graph;
        fontSize.set(defaultFontSize(Screen.getPrimary().getBounds()));
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // Esc cancels a run; F11 leaves
        stage.setFullScreenExitHint("Presentation mode: F11 to leave, Ctrl+Plus / Ctrl+Minus for larger or smaller text");
        model.presentationProperty().addListener((o, a, on) -> apply(on));
        fontSize.addListener((o, a, b) -> applyFont());
        refit.setOnFinished(e -> graph.fit());
        graph.widthProperty().addListener((o, a, b) -> refit.playFromStart());
        graph.heightProperty().addListener((o, a, b) -> refit.playFromStart());
    }

    /** About a forty-second of the screen's height: 17 px at 720 lines, 26 px at 1080. */
    static int defaultFontSize(Rectangle2D screen) {
        return clamp((int) Math.round(screen.getHeight() / 42));
    }

    private static int clamp(int px) {
        return Math.max(16, Math.min(MAX_FONT, px));
    }

    public IntegerProperty fontSizeProperty() {
        return fontSize;
    }

    /** Handles Ctrl+Plus (also Ctrl+= and the keypad's +) and Ctrl+Minus for the whole scene. */
    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            KeyCode k = e.getCode();
            if (k == KeyCode.PLUS || k == KeyCode.EQUALS || k == KeyCode.ADD) {
                larger();
                e.consume();
            } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
                smaller();
                e.consume();
            }
        });
    }

    /** In presentation, larger text; otherwise the graph zoomed in. */
    public void larger() {
        if (model.presentationProperty().get()) {
            fontSize.set(Math.min(MAX_FONT, fontSize.get() + 2));
        } else {
            graph.zoomIn();
        }
    }

    /** In presentation, smaller text; otherwise the graph zoomed out. */
    public void smaller() {
        if (model.presentationProperty().get()) {
            fontSize.set(Math.max(MIN_FONT, fontSize.get() - 2));
        } else {
            graph.zoomOut();
        }
    }

    /** The toolbar's text-size buttons, shown in presentation only. */
    Node controls() {
        Button smaller = new Button("A−");
        smaller.setId("font-smaller");
        smaller.setTooltip(new Tooltip("Smaller text (Ctrl+Minus)"));
        smaller.setOnAction(e -> smaller());
        Button larger = new Button("A+");
        larger.setId("font-larger");
        larger.setTooltip(new Tooltip("Larger text (Ctrl+Plus)"));
        larger.setOnAction(e -> larger());
        for (Button b : new Button[] {smaller, larger}) {
            b.setFocusTraversable(false);
            b.setMnemonicParsing(false);
        }
        HBox box = new HBox(2, smaller, larger);
        box.setId("font-size-controls");
        box.visibleProperty().bind(model.presentationProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void apply(boolean on) {
        MainWindow.applyTheme(on);
        if (on) {
            if (!root.getStyleClass().contains(STYLE)) {
                root.getStyleClass().add(STYLE);
            }
        } else {
            root.getStyleClass().remove(STYLE);
        }
        applyFont();
        stage.setFullScreen(on);
        javafx.application.Platform.runLater(graph::fit);
    }

    private void applyFont() {
        root.setStyle(model.presentationProperty().get() ? "-fx-font-size: " + fontSize.get() + "px;" : "");
    }
}
