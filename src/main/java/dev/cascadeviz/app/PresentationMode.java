package dev.cascadeviz.app;

import dev.cascadeviz.app.graph.GraphView;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
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
    /** The desktop's answer to full screen comes after a frame or more: looked at after this pause. */
    private final PauseTransition coverCheck = new PauseTransition(Duration.millis(400));
    /** The window's place before presentation, to go back to. */
    private Rectangle2D before;

    PresentationMode(Stage stage, Region root, WorkspaceModel model, GraphView graph) {
        this.stage = stage;
        this.root = root;
        this.model = model;
        this.graph = graph;
        fontSize.set(defaultFontSize(Screen.getPrimary().getBounds()));
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // Esc cancels a run; F11 leaves
        stage.setFullScreenExitHint("Presentation mode: F11 to leave, Ctrl+Plus / Ctrl+Minus for larger or smaller text");
        model.presentationProperty().addListener((o, a, on) -> apply(on));
        fontSize.addListener((o, a, b) -> {
            applyFont();
            refit.playFromStart(); // the cards' readable zoom follows the text size
        });
        refit.setOnFinished(e -> graph.fit());
        coverCheck.setOnFinished(e -> coverScreenIfFullScreenRefused());
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
        if (on) {
            before = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            // the window takes the screen's bounds before asking for full screen: an X server without
            // a window manager ignores the request while JavaFX lays the scene out for the whole
            // screen, so a 1500-pixel window showed the left 1500 pixels of a 1920-pixel toolbar
            cover(screenOf());
            stage.setFullScreen(true);
            coverCheck.playFromStart();
        } else {
            stage.setFullScreen(false);
            if (before != null) {
                stage.setX(before.getMinX());
                stage.setY(before.getMinY());
                stage.setWidth(before.getWidth());
                stage.setHeight(before.getHeight());
            }
        }
        Platform.runLater(graph::fit);
    }

    /**
     * Full screen is a request to the desktop: without a window manager (a kiosk session, a bare X
     * server driving a projector) the window keeps its size. It then takes the screen's bounds itself.
     */
    private void coverScreenIfFullScreenRefused() {
        if (!model.presentationProperty().get()) {
            return;
        }
        Rectangle2D screen = screenOf();
        if (stage.getWidth() < screen.getWidth() - 1 || stage.getHeight() < screen.getHeight() - 1) {
            cover(screen);
        }
    }

    /** The bounds of the screen the window is on (the primary one when it is on none). */
    private Rectangle2D screenOf() {
        var screens = Screen.getScreensForRectangle(stage.getX(), stage.getY(), Math.max(1, stage.getWidth()), Math.max(1, stage.getHeight()));
        return (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getBounds();
    }

    private void cover(Rectangle2D screen) {
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
    }

    private void applyFont() {
        boolean on = model.presentationProperty().get();
        root.setStyle(on ? "-fx-font-size: " + fontSize.get() + "px;" : "");
        graph.setReadableTextSize(on ? fontSize.get() : 0);
    }
}
