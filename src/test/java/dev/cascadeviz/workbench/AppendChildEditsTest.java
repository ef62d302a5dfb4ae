package dev.cascadeviz.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.orm.Simulator;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A new child attached to a parent through a collection (issue 11): new + append + commit, for one-to-many and many-to-many. */
class AppendChildEditsTest {

    private static Scenario lesson(String file) throws Exception {
        return ScenarioFiles.load(Path.of("assets/scenarios", file));
    }

    @Test
    void aClassOffersItsCollectionsOnly() throws Exception {
        Scenario orders = SavePathReplayTest.scenario();
        assertEquals(List.of("Order.items"), SaveEdits.collections(orders, "Order").stream().map(MappedEdge::qualifiedName).toList());
        assertEquals(List.of(), SaveEdits.collections(orders, "OrderItem"), "a many-to-one is no collection");
        Scenario books = lesson("40-books-authors-association-rows.yaml");
        assertEquals(List.of("Book.authors"), SaveEdits.collections(books, "Book").stream().map(MappedEdge::qualifiedName).toList());
    }

    @Test
    void aOneToManyChildIsInsertedWithItsParentsKey() throws Exception {
        Scenario s = SavePathReplayTest.scenario();
        ObjectRef order2 = new ObjectRef("Order", List.of(2L));
        List<Step> steps = SaveEdits.newAndAppend(s, order2, "items", "{id: 9, product: pen}");
        assertEquals(3, steps.size());
        assertEquals(new Step.New("o2", "OrderItem", Map.of("id", 9L, "product", "pen")), steps.get(0));
        assertTrue(steps.get(1) instanceof Step.Append, steps.get(1).toString());
        Scenario after = SaveEdits.append(steps).apply(s);
        Trace trace = new Simulator().run(after, Engine.SQLITE);
        assertNull(trace.error());
        Map<String, Object> item = trace.tables().get("order_items").stream()
                .filter(r -> Long.valueOf(9).equals(((Number) r.get("id")).longValue())).findFirst().orElseThrow();
        assertEquals(2L, ((Number) item.get("order_id")).longValue());
    }

    @Test
    void aManyToManyChildGetsItsAssociationRow() throws Exception {
        Scenario s = lesson("40-books-authors-association-rows.yaml");
        ObjectRef book3 = new ObjectRef("Book", List.of(3L));
        MappedEdge authors = SaveEdits.collections(s, "Book").get(0);
        assertEquals(Map.of("name", "Terry Pratchett"), SaveEdits.childValues(s, authors));
        Scenario after = SaveEdits.append(SaveEdits.newAndAppend(s, book3, "authors", "{id: 7, name: Susanna Clarke}")).apply(s);
        Trace trace = new Simulator().run(after, Engine.SQLITE);
        assertNull(trace.error());
        assertTrue(trace.statements().stream().anyMatch(st -> st.sql().startsWith("INSERT INTO author")), trace.statements().toString());
        assertTrue(trace.tables().get("book_author").stream().anyMatch(r -> ((Number) r.get("book_id")).longValue() == 3
                && ((Number) r.get("author_id")).longValue() == 7), trace.tables().get("book_author").toString());
    }

    @Test
    void theChildsValuesLeaveOutItsKeyAndTheForeignKeyTheAppendFills() throws Exception {
        Scenario s = SavePathReplayTest.scenario();
        assertEquals(Map.of("product", "x"), SaveEdits.childValues(s, SaveEdits.collections(s, "Order").get(0)));
    }

    @Test
    void valuesTheLoaderRefusesAreRefusedWithItsMessage() throws Exception {
        Scenario s = SavePathReplayTest.scenario();
        ObjectRef order1 = new ObjectRef("Order", List.of(1L));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SaveEdits.newAndAppend(s, order1, "items", "{colour: red}"));
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SaveEdits.newAndAppend(s, order1, "nothing", "{}"));
    }
}
