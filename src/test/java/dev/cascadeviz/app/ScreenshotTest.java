package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Writes target/screenshots/main-window.png: the main window on the default scenario. It goes to
 * target/ so that running the tests never changes a tracked file; copy it over
 * assets/screenshots/main-window.png (the README's picture) when the window's look changes on purpose.
 */
class ScreenshotTest extends WindowTestBase {

    @Test
    void writesAScreenshotOfTheMainWindowOnTheDefaultScenario() throws Exception {
        openDefault();
        interact(() -> window.graph().fit());
        WritableImage[] image = new WritableImage[1];
        interact(() -> image[0] = stage.getScene().snapshot(null));
        Path dir = Path.of(System.getProperty("cascadeviz.project.dir", "."), "target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve("main-window.png");
        ImageIO.write(toBufferedImage(image[0]), "png", file.toFile());
        assertTrue(Files.size(file) > 10_000);
    }

    private static BufferedImage toBufferedImage(WritableImage img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        return out;
    }
}
