package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.compare.CompareStyles;
import dev.cascadeviz.app.compare.CompareWindow;
import dev.cascadeviz.app.viewmodel.Selection;
import dev.cascadeviz.workbench.EdgeVariants;
import dev.cascadeviz.workbench.MappedEdge;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

class CompareViewTest extends WindowTestBase {

    private CompareWindow awaitComparison() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.compareLauncher().last() != null
                && window.compareLauncher().last().model().getResult() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return window.compareLauncher().last();
    }

    private ListView<?> sql(String side) {
        return lookup("#compare-sql-" + side).queryAs(ListView.class);
    }

    private String metric(String side, String name) {
        return lookup("#metric-" + side + "-" + name).<Label>query().getText();
    }

    private List<Node> statementCells(String side) {
        return lookup("#compare-sql-" + side).lookup("." + CompareStyles.STATEMENT).queryAll().stream()
                .filter(n -> ((ListCell<?>) n).getItem() != null).toList();
    }

    private static long marked(List<Node> nodes, PseudoClass p) {
        return nodes.stream().filter(n -> n.getPseudoClassStates().contains(p)).count();
    }

    private void openLesson(String file) {
        interact(() -> window.openBuiltIn(file));
        awaitRun();
    }

    @Test
    void comparingPassiveDeletesFromTheEdgeMenuShowsTwoStatementsAgainstFour() throws Exception {
        openLesson("13-artists-passive-deletes.yaml");
        rightClickOn(window.graph().edgeView("Artist", "songs").label());
        // the shown edge menu's "Compare with…" item for passive_deletes=False, fired as a click on it would
        // (hovering into the submenu under Monocle now and then met a stale popup with no scene)
        interact(() -> Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu && w.isShowing())
                .map(w -> (ContextMenu) w)
                .flatMap(m -> m.getItems().stream())
                .filter(i -> i instanceof Menu && "Compare with…".equals(i.getText()))
                .flatMap(i -> ((Menu) i).getItems().stream())
                .filter(i -> "passive_deletes=False".equals(i.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no 'passive_deletes=False' in the edge's menu"))
                .fire());
        awaitComparison();
        assertEquals(2, sql("left").getItems().size());
        assertEquals(4, sql("right").getItems().size());
        assertEquals("2", metric("left", "statements"));
        assertEquals("4", metric("right", "statements"));
        assertTrue(lookup("#metric-left-statements").query().getPseudoClassStates().contains(CompareStyles.DIFFERS));
        assertEquals(0, marked(statementCells("left"), CompareStyles.ONLY_HERE));
        assertEquals(2, marked(statementCells("right"), CompareStyles.ONLY_HERE));
        assertTrue(lookup("#compare-verdict").<Label>query().getText().startsWith("2 statements against 4"));
    }

    @Test
    void theInspectorComparesTheSelectedEdgeWithTheSettingPicked() throws Exception {
        openLesson("10-artists-orm-cascade.yaml");
        interact(() -> model.selectionProperty().set(new Selection.Edge("Artist", "songs")));
        clickOn("#inspector-compare");
        clickOn("ondelete=\"CASCADE\" on song.artist_id → artist.id");
        CompareWindow w = awaitComparison();
        assertTrue(w.model().rightProperty().get().label().contains("ondelete=\"CASCADE\""));
        assertTrue(w.model().leftProperty().get().label().contains("no ON DELETE"));
        assertFalse(model.isDirty(), "comparing does not change the scenario in the window");
    }

    @Test
    void twoLessonsOfOneThemeCompareFromTheLibraryWithTheDifferingRowsMarked() throws Exception {
        interact(() -> window.showLibraryBrowser());
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> {
            @SuppressWarnings("unchecked")
            TreeView<Object> tree = lookup("#library-tree").queryAs(TreeView.class);
            TreeItem<Object> theme = tree.getRoot().getChildren().get(0);
            tree.getSelectionModel().clearSelection();
            tree.getSelectionModel().select(theme.getChildren().get(0));
            tree.getSelectionModel().select(theme.getChildren().get(1));
        });
        clickOn("#library-compare");
        CompareWindow w = awaitComparison();
        assertTrue(w.model().leftProperty().get().label().startsWith("Artists and songs 1/4"));
        assertTrue(w.model().rightProperty().get().label().startsWith("Artists and songs 2/4"));
        List<Node> leftCells = lookup("#compare-tables-left").lookup("." + CompareStyles.CELL).queryAll().stream().toList();
        List<Node> rightCells = lookup("#compare-tables-right").lookup("." + CompareStyles.CELL).queryAll().stream().toList();
        assertTrue(marked(leftCells, CompareStyles.ONLY_HERE) + marked(rightCells, CompareStyles.ONLY_HERE)
                + marked(rightCells, CompareStyles.CHANGED) > 0, "some row differs");
        assertTrue(lookup("#metric-left-rows-that-differ").query().getPseudoClassStates().contains(CompareStyles.DIFFERS));
    }

    @Test
    void writesAScreenshotOfTheCompareView() throws Exception {
        openLesson("13-artists-passive-deletes.yaml");
        interact(() -> window.compareEdge(MappedEdge.find(model.getScenario(), "Artist", "songs"),
                EdgeVariants.of(MappedEdge.find(model.getScenario(),
                        "Artist", "songs")).stream().filter(v -> v.label().equals("passive_deletes=False")).findFirst().orElseThrow()));
        CompareWindow w = awaitComparison();
        WritableImage[] image = new WritableImage[1];
        interact(() -> image[0] = w.stage().getScene().snapshot(null));
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "cascadeviz-compare.png");
        ImageIO.write(toBufferedImage(image[0]), "png", file.toFile());
        assertTrue(file.toFile().length() > 10_000);
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
