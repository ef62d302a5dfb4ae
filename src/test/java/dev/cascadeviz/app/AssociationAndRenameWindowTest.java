package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.editor.ModelEditor;
import dev.cascadeviz.app.editor.NewScenario;
import dev.cascadeviz.app.viewmodel.Selection;
import dev.cascadeviz.editing.ModelEdits;
import dev.cascadeviz.editing.RelationshipPlan;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Point;
import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Scenario;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 12: an association object drawn as one relationship, a table renamed, through the real controls, undone. */
class AssociationAndRenameWindowTest extends WindowTestBase {

    private static Scenario postAndTag() {
        Scenario s = NewScenario.empty(Engine.SQLITE, Release.V2_1);
        s = ModelEdits.addClass(s, "Post", "posts", new Point(40, 60));
        return ModelEdits.addClass(s, "Tag", "tags", new Point(420, 60));
    }

    private void drawRelationship(String from, String to) {
        press(KeyCode.SHIFT);
        drag(window.graph().classNode(from), MouseButton.PRIMARY).dropTo(window.graph().classNode(to));
        release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private void chooseTable(String table) {
        ChoiceBox<String> choice = (ChoiceBox<String>) lookup("#rename-table-choice").query();
        interact(() -> choice.setValue(table));
    }

    @Test
    void anAssociationObjectIsDrawnAsOneUndoableEditShownInGraphAndPython() {
        show(postAndTag());
        drawRelationship("Post", "Tag");
        clickOn("#kind-association-object");
        String proposal = lookup("#relationship-proposal").queryLabeled().getText();
        assertTrue(proposal.contains("a new class PostTag on a new table post_tag"), proposal);
        // Return confirms the dialog after a click on a radio button
        type(KeyCode.ENTER);
        awaitRun();
        Scenario s = model.getScenario();
        assertNotNull(s.mappedClass("PostTag"));
        assertEquals("posts.id", s.table("post_tag").column("posts_id").foreignKey());
        assertTrue(s.table("post_tag").column("tags_id").primaryKey());
        assertEquals("Add relationship Post.post_tags", model.jobs().undoDescriptionProperty().get());
        assertNull(model.getTrace().error(), String.valueOf(model.getTrace().error()));
        // the graph: the new card and the four relationship ends
        assertNotNull(window.graph().classNode("PostTag"));
        assertNotNull(window.graph().edgeView("Post", "post_tags"));
        assertNotNull(window.graph().edgeView("PostTag", "tag"));
        // the Python preview of the selected relationship
        interact(() -> model.selectionProperty().set(new Selection.Edge("Post", "post_tags")));
        WaitForAsyncUtils.waitForFxEvents();
        String python = lookup(".python-preview").queryAs(Labeled.class).getText();
        assertTrue(python.contains("relationship(\"PostTag\", back_populates=\"post\")"), python);
        interact(model::undo);
        assertNull(model.getScenario().mappedClass("PostTag"));
        assertNull(model.getScenario().table("post_tag"));
        assertTrue(model.getScenario().mappedClass("Post").relationships().isEmpty());
    }

    @Test
    void aClassIsRenamedWithItsTableAsOneUndoableEdit() {
        Scenario s = new RelationshipPlan("Post", "Tag", RelationshipPlan.Kind.MANY_TO_MANY, "tags", "posts", "post_tags")
                .apply(postAndTag());
        show(s);
        clickOn(window.graph().classNode("Tag"));
        type(KeyCode.F2);
        doubleClickOn("#rename-table-field").eraseText(4).write("labels");
        doubleClickOn("#rename-field").write("Label");
        // the table name, edited by hand, no longer follows the class name
        assertEquals("labels", lookup("#rename-table-field").queryTextInputControl().getText());
        type(KeyCode.ENTER);
        awaitRun();
        Scenario r = model.getScenario();
        assertEquals("labels", r.mappedClass("Label").table());
        assertEquals("labels.id", r.table("post_tags").column("tags_id").foreignKey());
        assertEquals("Label", r.mappedClass("Post").relationship("tags").target());
        assertEquals("Rename class Tag to Label (table tags to labels)", model.jobs().undoDescriptionProperty().get());
        assertNotNull(window.graph().classNode("Label"));
        interact(model::undo);
        assertEquals(s, model.getScenario());
    }

    @Test
    void renamingATableFollowsItsNameAndAClashIsRefusedWithTheLoadersMessage() {
        Scenario s = new RelationshipPlan("Post", "Tag", RelationshipPlan.Kind.MANY_TO_MANY, "tags", "posts", "post_tags")
                .apply(postAndTag());
        show(s);
        clickOn("#menu-model");
        clickOn("#menu-rename-table");
        chooseTable("post_tags");
        clickOn("#rename-table-name").eraseText(9).write("tagging");
        type(KeyCode.ENTER);
        awaitRun();
        assertEquals("tagging", model.getScenario().mappedClass("Tag").relationship("posts").secondary());
        assertEquals("Rename table post_tags to tagging", model.jobs().undoDescriptionProperty().get());
        Scenario before = model.getScenario();
        // a name another table has: the loader's own message, nothing changes
        clickOn("#menu-model");
        clickOn("#menu-rename-table");
        chooseTable("posts");
        clickOn("#rename-table-name").eraseText(5).write("tags");
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        ModelEditor editor = (ModelEditor) window.graph().editing();
        assertNotNull(editor.lastRefusal());
        assertTrue(editor.lastRefusal().contains("duplicate key 'tags'"), editor.lastRefusal());
        assertEquals(before, model.getScenario());
        assertNotNull(lookup("#edit-refused").tryQuery().orElse(null));
        interact(model::undo);
        assertEquals("post_tags", model.getScenario().mappedClass("Tag").relationship("posts").secondary());
    }
}
