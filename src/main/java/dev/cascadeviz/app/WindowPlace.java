package dev.cascadeviz.app;

import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The main window opens where it was last closed: its place and size, or maximized, kept in the
 * user's preferences. A place on a screen that is no longer there (a projector unplugged) is not
 * restored; a size larger than the screen it lands on is cut to it. Presentation's full screen is
 * never remembered: the window reopens as it was before presentation.
 */
final class WindowPlace {

    private static final String X = "window.x";
    private static final String Y = "window.y";
    private static final String WIDTH = "window.width";
    private static final String HEIGHT = "window.height";
    private static final String MAXIMIZED = "window.maximized";

    private WindowPlace() {
    }

    /** Puts the window where {@code prefs} say it was, if that is on a screen still there. */
    static void restore(Stage stage, Preferences prefs) {
        double w = prefs.getDouble(WIDTH, -1);
        double h = prefs.getDouble(HEIGHT, -1);
        if (w > 0 && h > 0) {
            Rectangle2D saved = new Rectangle2D(prefs.getDouble(X, 0), prefs.getDouble(Y, 0), w, h);
            Screen screen = Screen.getScreensForRectangle(saved).stream().findFirst().orElse(null);
            if (screen != null) {
                Rectangle2D room = screen.getVisualBounds();
                WindowSize.fit(stage, room, w, h);
                stage.setX(Math.max(room.getMinX(), Math.min(saved.getMinX(), room.getMaxX() - stage.getWidth())));
                stage.setY(Math.max(room.getMinY(), Math.min(saved.getMinY(), room.getMaxY() - stage.getHeight())));
            }
        }
        stage.setMaximized(prefs.getBoolean(MAXIMIZED, false));
    }

    /**
     * Keeps the window's place in {@code prefs} when it closes, as it was outside full screen,
     * maximized and presentation (which may cover the screen itself where full screen is refused).
     */
    static void rememberOnClose(Stage stage, Preferences prefs, BooleanSupplier presenting) {
        Rectangle2D[] normal = {bounds(stage)};
        Runnable track = () -> {
            if (!stage.isFullScreen() && !stage.isMaximized() && !presenting.getAsBoolean() && stage.getWidth() > 0) {
                normal[0] = bounds(stage);
            }
        };
        stage.xProperty().addListener((o, a, b) -> track.run());
        stage.yProperty().addListener((o, a, b) -> track.run());
        stage.widthProperty().addListener((o, a, b) -> track.run());
        stage.heightProperty().addListener((o, a, b) -> track.run());
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> save(prefs, normal[0], stage.isMaximized()));
    }

    static void save(Preferences prefs, Rectangle2D normal, boolean maximized) {
        prefs.putDouble(X, normal.getMinX());
        prefs.putDouble(Y, normal.getMinY());
        prefs.putDouble(WIDTH, normal.getWidth());
        prefs.putDouble(HEIGHT, normal.getHeight());
        prefs.putBoolean(MAXIMIZED, maximized);
    }

    private static Rectangle2D bounds(Stage stage) {
        return new Rectangle2D(stage.getX(), stage.getY(), Math.max(0, stage.getWidth()), Math.max(0, stage.getHeight()));
    }
}
