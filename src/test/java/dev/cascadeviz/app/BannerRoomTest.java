package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.banner.ErrorBanner;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The error banner takes its room from the log and tables, so the graph keeps its height. */
class BannerRoomTest extends WindowTestBase {

    private void lesson(String name) throws Exception {
        show(ScenarioFiles.load(Path.of("assets/scenarios/" + name + ".yaml")));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private double graphHeight() {
        return window.graph().getHeight();
    }

    @Test
    void anErrorKeepsTheGraphsHeightAndLessonFortyThreesCardsInViewAt1280By720() throws Exception {
        interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        lesson("44-association-object-fixed-with-cascade");
        ErrorBanner banner = lookup("#error-banner").query();
        assertFalse(banner.isVisible());
        double without = graphHeight();
        lesson("43-association-object-blank-out-primary-key");
        assertTrue(banner.isVisible(), "lesson 43 ends in an AssertionError");
        assertTrue(banner.getHeight() > 40, "the banner's height: " + banner.getHeight());
        assertEquals(without, graphHeight(), 2, "the graph's height with the banner");
        interact(() -> window.graph().fit());
        Bounds view = window.graph().localToScene(window.graph().getLayoutBounds());
        for (String cls : model.getScenario().classes().keySet()) {
            Bounds card = window.graph().classNode(cls).localToScene(window.graph().classNode(cls).getLayoutBounds());
            assertTrue(view.contains(card), cls + " " + card + " outside the graph " + view);
        }
        lesson("44-association-object-fixed-with-cascade");
        assertFalse(banner.isVisible());
        assertEquals(without, graphHeight(), 2, "the graph's height once the banner has gone");
    }
}
