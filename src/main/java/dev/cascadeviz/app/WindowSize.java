package dev.cascadeviz.app;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The main window's first size and its minimum, both within the screen it opens on: a
 * 1280×720 projector gets a window that fits it, never one taller than the screen or smaller
 * than its own minimum.
 */
final class WindowSize {

    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 600;

    private WindowSize() {
    }

    static void fit(Stage stage, double width, double height) {
        fit(stage, Screen.getPrimary().getVisualBounds(), width, height);
    }

    static void fit(Stage stage, Rectangle2D screen, double width, double height) {
        double minW = Math.min(MIN_WIDTH, screen.getWidth());
        double minH = Math.min(MIN_HEIGHT, screen.getHeight());
        stage.setMinWidth(minW);
        stage.setMinHeight(minH);
        stage.setWidth(Math.max(minW, Math.min(width, screen.getWidth())));
        stage.setHeight(Math.max(minH, Math.min(height, screen.getHeight())));
    }
}
