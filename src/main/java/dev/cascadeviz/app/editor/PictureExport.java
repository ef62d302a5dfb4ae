package dev.cascadeviz.app.editor;

import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.picture.ModelPicture;
import dev.cascadeviz.picture.PngPicture;
import dev.cascadeviz.picture.SvgPicture;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * File > Export Picture: the graph as PNG or SVG at presentation size, drawn by the same code as
 * {@code cascadeviz export --png/--svg} (java.awt, no snapshot of the window), so the window and
 * the command line give the same picture.
 */
public final class PictureExport {

    /** Presentation size: twice the window's 100 %, sharp on a projector and in a handout. */
    public static final double SCALE = 2;

    private PictureExport() {
    }

    /** Writes the picture; the file's extension (.svg, else PNG) picks the format. Returns the path written. */
    public static Path write(Scenario scenario, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".svg") && !name.endsWith(".png")) {
            file = file.resolveSibling(file.getFileName() + ".png");
        }
        ModelPicture picture = ModelPicture.of(scenario);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            Files.writeString(file, SvgPicture.of(picture, SCALE), StandardCharsets.UTF_8);
        } else {
            try (OutputStream out = Files.newOutputStream(file)) {
                PngPicture.write(picture, SCALE, out);
            }
        }
        return file;
    }
}
