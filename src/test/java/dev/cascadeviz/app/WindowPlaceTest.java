package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The main window reopens where it was closed, on a screen that is still there. */
class WindowPlaceTest extends FxRobot {

    private Preferences prefs;
    private Stage stage;

    @BeforeEach
    void freshPreferencesAndStage() throws Exception {
        prefs = Preferences.userRoot().node("dev/cascadeviz/window-place-test");
        prefs.clear();
        FxToolkit.registerPrimaryStage();
        stage = FxToolkit.setupFixture(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new Pane()));
            s.setWidth(640);
            s.setHeight(480);
            return s;
        });
    }

    @AfterEach
    void closeAndForget() throws Exception {
        interact(stage::close);
        prefs.removeNode();
    }

    private List<Double> bounds() {
        return List.of(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    }

    @Test
    void aWindowMovedAndResizedIsRememberedWhenItClosesAndRestoredThere() {
        interact(() -> {
            WindowPlace.rememberOnClose(stage, prefs, () -> false);
            stage.show();
            stage.setX(30);
            stage.setY(40);
            stage.setWidth(900);
            stage.setHeight(620);
            stage.close();
        });
        interact(() -> {
            stage.setWidth(640);
            stage.setHeight(480);
            WindowPlace.restore(stage, prefs);
        });
        assertEquals(List.of(30.0, 40.0, 900.0, 620.0), bounds());
        assertFalse(stage.isMaximized());
    }

    @Test
    void fullScreenIsNotRememberedTheWindowReopensAsItWasBefore() {
        interact(() -> {
            WindowPlace.rememberOnClose(stage, prefs, () -> false);
            stage.show();
            stage.setX(50);
            stage.setY(60);
            stage.setWidth(1000);
            stage.setHeight(700);
            stage.setFullScreen(true);
        });
        assertTrue(stage.isFullScreen());
        interact(stage::close);
        interact(() -> WindowPlace.restore(stage, prefs));
        assertEquals(List.of(50.0, 60.0, 1000.0, 700.0), bounds());
    }

    @Test
    void aPlaceOnAScreenNoLongerThereIsNotRestoredAndASizeLargerThanTheScreenIsCutToIt() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        WindowPlace.save(prefs, new Rectangle2D(screen.getMaxX() + 5000, 10, 800, 600), false);
        interact(() -> WindowPlace.restore(stage, prefs));
        assertEquals(List.of(640.0, 480.0), bounds().subList(2, 4), "the window keeps its first size");
        WindowPlace.save(prefs, new Rectangle2D(screen.getMinX() + 10, screen.getMinY() + 10, screen.getWidth() * 3, screen.getHeight() * 3), false);
        interact(() -> WindowPlace.restore(stage, prefs));
        assertEquals(List.of(screen.getMinX(), screen.getMinY(), screen.getWidth(), screen.getHeight()), bounds());
    }

    @Test
    void aMaximizedWindowReopensMaximized() {
        WindowPlace.save(prefs, new Rectangle2D(20, 20, 700, 500), true);
        interact(() -> WindowPlace.restore(stage, prefs));
        assertTrue(stage.isMaximized());
    }

    @Test
    void boundsPresentationGaveTheWindowAreNotRemembered() {
        boolean[] presenting = {false};
        interact(() -> {
            WindowPlace.rememberOnClose(stage, prefs, () -> presenting[0]);
            stage.show();
            stage.setX(70);
            stage.setY(80);
            stage.setWidth(1000);
            stage.setHeight(650);
            presenting[0] = true; // presentation covering the screen itself
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(800);
            stage.close();
        });
        interact(() -> WindowPlace.restore(stage, prefs));
        assertEquals(List.of(70.0, 80.0, 1000.0, 650.0), bounds());
    }
}
