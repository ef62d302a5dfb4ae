package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.tables.ResultTablesView;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.Test;

/**
 * A new child attached to a parent from the tables pane (issue 11), through the real controls: a
 * parent row's menu offers "Add new Child to Parent(k).collection", the values typed become
 * new + append + commit (one undoable edit), and the run inserts the child (one-to-many: its
 * foreign key; many-to-many: its association row). Also: a primary-key change reads "1 → 7".
 */
class AppendChildPaneTest extends WindowTestBase {

    private long rows(GridPane grid) {
        return grid.getChildren().stream().map(GridPane::getRowIndex).filter(r -> r != null && r > 0).distinct().count();
    }

    @Test
    void aNewItemIsAppendedToAnOrdersCollection() throws Exception {
        show(ScenarioFiles.load(Path.of(getClass().getResource("/dev/cascadeviz/workbench/save_marks.yaml").toURI())));
        List<Step> original = model.getScenario().steps();
        rightClickOn(cell("orders", 2, 1));
        clickOn("Add new OrderItem to Order(2).items…");
        TextField values = lookup("#new-object-values").query();
        assertEquals("{product: 'x'}", values.getText());
        clickOn(values).push(KeyCode.END).eraseText(20).write("{id: 9, product: pen}").push(KeyCode.ENTER);
        awaitRun();
        List<Step> steps = model.getScenario().steps();
        assertEquals(original, steps.subList(0, original.size()));
        assertEquals(original.size() + 3, steps.size());
        assertTrue(steps.get(original.size() + 1) instanceof Step.Append);
        assertTrue(steps.get(original.size() + 2) instanceof Step.Commit, steps.toString());
        assertTrue(model.getTrace().tables().get("order_items").stream()
                .anyMatch(r -> ((Number) r.get("id")).longValue() == 9 && ((Number) r.get("order_id")).longValue() == 2));
        assertEquals("Order(2).items.append(OrderItem(…)); commit", model.jobs().undoDescriptionProperty().get());
        interact(model::undo);
        assertEquals(original, model.getScenario().steps());
    }

    @Test
    void aNewAuthorIsAppendedToABooksManyToManyCollection() throws Exception {
        show(ScenarioFiles.load(Path.of("assets/scenarios/40-books-authors-association-rows.yaml")));
        int original = model.getScenario().steps().size();
        // Book(3) is the third row of book in the lesson's data
        GridPane books = lookup("#table-book").query();
        Label book3 = null;
        for (Node n : books.getChildren()) {
            if (n instanceof Label l && GridPane.getColumnIndex(n) == 1 && "3".equals(l.getText())) {
                book3 = l;
            }
        }
        assertTrue(book3 != null, "Book(3) is shown");
        rightClickOn(book3);
        clickOn("Add new Author to Book(3).authors…");
        clickOn("#new-object-values").push(KeyCode.END).eraseText(40).write("{id: 7, name: Susanna Clarke}").push(KeyCode.ENTER);
        awaitRun();
        assertEquals(original + 3, model.getScenario().steps().size());
        assertTrue(model.getTrace().tables().get("book_author").stream()
                .anyMatch(r -> ((Number) r.get("book_id")).longValue() == 3 && ((Number) r.get("author_id")).longValue() == 7),
                model.getTrace().tables().toString());
    }

    @Test
    void aRowTheRunInsertedOffersOnlyANewObjectLikeIt() throws Exception {
        // lesson 60 inserts Order(1) with a key the database generates: no step can name it
        show(ScenarioFiles.load(Path.of("assets/scenarios/60-orders-save-update-two-items.yaml")));
        rightClickOn(cell("orders", 1, 1));
        assertTrue(lookup("new Order(…) + session.add; commit").tryQuery().isPresent());
        assertTrue(lookup("Add new OrderItem to Order(1).items…").tryQuery().isEmpty());
        assertTrue(lookup("session.delete(Order(1))").tryQuery().isEmpty());
        push(KeyCode.ESCAPE);
    }

    @Test
    void aPrimaryKeyChangeIsOneRowWithItsKeyOldToNew() throws Exception {
        show(ScenarioFiles.load(Path.of("assets/scenarios/62-update-parent-id-on-update-cascade.yaml")));
        GridPane orders = lookup("#table-orders").query();
        assertEquals(1, rows(orders), "one order row: not a deleted one and an inserted one");
        assertEquals("1 → 7", cell("orders", 1, 1).getText());
        assertTrue(cell("orders", 1, 1).getPseudoClassStates().contains(ResultTablesView.CHANGED));
    }
}
