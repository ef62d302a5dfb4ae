package dev.cascadeviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.picture.ModelPicture;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code export --svg} and {@code export --png}: the graph as a picture at presentation size. */
class ExportPictureCommandTest {

    private static final String BOOKS = "assets/scenarios/40-books-authors-association-rows.yaml";

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CascadeVizCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void svgIsAWellFormedDocumentNamingEveryCardAndLabel() throws Exception {
        Run r = run("export", "--svg", BOOKS);
        assertEquals(0, r.code(), r.err());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        StringBuilder texts = new StringBuilder();
        var nodes = doc.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.append(nodes.item(i).getTextContent()).append('\n');
        }
        for (String word : new String[] {"Book", "Author", "book_author", "Book.authors", "Author.books", "author_id"}) {
            assertTrue(texts.toString().contains(word + "\n") || texts.toString().contains(word), word);
        }
        // presentation size: twice the drawing's own size
        ModelPicture p = ModelPicture.of(ScenarioFiles.load(Path.of(BOOKS)));
        assertEquals(Math.round(p.frame().width() * 2), Math.round(Double.parseDouble(doc.getDocumentElement().getAttribute("width"))));
    }

    @Test
    void pngIsWrittenAtTwiceTheDrawingsSize() throws Exception {
        Path png = dir.resolve("books.png");
        Run r = run("export", "--png", BOOKS, "-o", png.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image);
        ModelPicture p = ModelPicture.of(ScenarioFiles.load(Path.of(BOOKS)));
        assertEquals((int) Math.ceil(p.frame().width() * 2), image.getWidth());
        assertEquals((int) Math.ceil(p.frame().height() * 2), image.getHeight());
        // something is drawn: the background's grey and a card's white both occur
        int white = 0;
        int other = 0;
        for (int x = 0; x < image.getWidth(); x += 7) {
            for (int y = 0; y < image.getHeight(); y += 7) {
                if ((image.getRGB(x, y) & 0xffffff) == 0xffffff) {
                    white++;
                } else {
                    other++;
                }
            }
        }
        assertTrue(white > 100 && other > 100, white + " / " + other);
    }

    @Test
    void pngWithoutAnOutputFileIsAUsageProblem() {
        Run r = run("export", "--png", BOOKS);
        assertEquals(CascadeVizCommand.USAGE, r.code());
        assertTrue(r.err().contains("-o"), r.err());
    }

    @Test
    void aBrokenScenarioIsAScenarioProblem() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "tables:\n  t:\n    columns:\n      id: {type: integr}\n");
        assertEquals(CascadeVizCommand.SCENARIO_PROBLEM, run("export", "--svg", bad.toString()).code());
    }
}
