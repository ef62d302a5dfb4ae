package dev.cascadeviz.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File > Export Picture's writer: the extension picks the format, a name without one gets .png. */
class PictureExportTest {

    @TempDir
    Path dir;

    @Test
    void extensionPicksTheFormat() throws Exception {
        Scenario s = ScenarioFiles.load(Path.of("assets/scenarios/50-comment-tree-with-cascade.yaml"));
        Path svg = PictureExport.write(s, dir.resolve("tree.svg"));
        assertTrue(Files.readString(svg).startsWith("<?xml"));
        assertTrue(Files.readString(svg).contains(">Comment.replies</text>"));
        Path png = PictureExport.write(s, dir.resolve("tree"));
        assertEquals("tree.png", png.getFileName().toString());
        assertNotNull(ImageIO.read(png.toFile()));
    }
}
