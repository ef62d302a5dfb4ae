package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.editor.ModelEditor;
import dev.cascadeviz.app.editor.NewScenario;
import dev.cascadeviz.editing.ModelEdits;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Point;
import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Scenario;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 12's awkward bits when building a model by keyboard and mouse: the graph keeps the keyboard
 * after each dialog (Insert adds a column to the class just added, every time), Return confirms,
 * the relationship dialog keeps its width, the Columns dialog leaves the graph clear.
 */
class EditorKeyboardWindowTest extends WindowTestBase {

    @Test
    void insertAddsAColumnAfterEveryDialogToTheClassJustAdded() {
        show(NewScenario.empty(Engine.SQLITE, Release.V2_1));
        doubleClickOn(window.graph());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#class-name").tryQuery().isPresent(), "no class dialog");
        // headless Monocle sends the keys to the main window until the new dialog is clicked (under X it has them)
        clickOn("#class-name");
        write("User");
        assertEquals("User", lookup("#class-name").queryTextInputControl().getText());
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(model.getScenario().mappedClass("User"));
        for (String column : new String[] {"name", "email", "age", "nickname", "bio"}) {
            type(KeyCode.INSERT); // no click in between: the graph has the keyboard and the new class is selected
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(lookup("#column-dialog").tryQuery().isPresent(), "Insert for " + column + " opened nothing");
            clickOn("#column-name").write(column).type(KeyCode.ENTER); // (Monocle: see above)
            WaitForAsyncUtils.waitForFxEvents();
            assertNotNull(model.getScenario().table("user").column(column), column);
        }
        assertEquals(6, model.getScenario().table("user").columns().size());
        interact(model::undo);
        assertEquals(5, model.getScenario().table("user").columns().size());
    }

    @Test
    void theRelationshipDialogKeepsItsWidthWhateverTheClassNames() {
        Scenario s = NewScenario.empty(Engine.SQLITE, Release.V2_1);
        s = ModelEdits.addClass(s, "A", "a", new Point(40, 60));
        s = ModelEdits.addClass(s, "B", "b", new Point(300, 60));
        s = ModelEdits.addClass(s, "CustomerLoyaltyProgrammeMembership", "customer_loyalty_programme_membership", new Point(40, 300));
        s = ModelEdits.addClass(s, "InternationalShippingAddressHistory", "international_shipping_address_history",
                new Point(500, 300));
        show(s);
        double shortNames = dialogWidth("A", "B");
        double longNames = dialogWidth("CustomerLoyaltyProgrammeMembership", "InternationalShippingAddressHistory");
        assertEquals(shortNames, longNames, 0.5);
    }

    private double dialogWidth(String source, String target) {
        ModelEditor editor = (ModelEditor) window.graph().editing();
        Platform.runLater(() -> editor.connect(source, target));
        WaitForAsyncUtils.waitForFxEvents();
        Node pane = lookup("#relationship-dialog").query();
        double width = pane.getScene().getWindow().getWidth();
        clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        return width;
    }

    @Test
    void theColumnsDialogLeavesTheGraphClear() {
        Scenario s = NewScenario.empty(Engine.SQLITE, Release.V2_1);
        s = ModelEdits.addClass(s, "User", "users", new Point(40, 60));
        show(s);
        interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1000);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        rightClickOn(window.graph().classNode("User"));
        clickOn("Columns…");
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = lookup("#columns-list").query().getScene().getWindow();
        Bounds graph = window.graph().localToScreen(window.graph().getLayoutBounds());
        boolean overlaps = dialog.getX() < graph.getMaxX() && dialog.getX() + dialog.getWidth() > graph.getMinX()
                && dialog.getY() < graph.getMaxY() && dialog.getY() + dialog.getHeight() > graph.getMinY();
        assertFalse(overlaps, "dialog at " + dialog.getX() + "," + dialog.getY() + " " + dialog.getWidth() + "x"
                + dialog.getHeight() + ", graph " + graph);
        // closing it gives the graph the keyboard back: Insert opens the column form for the class
        clickOn("Close");
        WaitForAsyncUtils.waitForFxEvents();
        type(KeyCode.INSERT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#column-dialog").tryQuery().isPresent());
        type(KeyCode.ESCAPE);
    }
}
