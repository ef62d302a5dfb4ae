package dev.cascadeviz.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Cause;
import dev.cascadeviz.trace.RowChange;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The save path on small scenarios: every statement and changed row has its cause, named as the ORM acts. */
class SavePathCauseTest {

    private static final String MODEL = """
            tables:
              orders:
                columns:
                  id: {type: integer, primary_key: true}
                  note: {type: string}
              order_items:
                columns:
                  id: {type: integer, primary_key: true}
                  order_id: {type: integer, foreign_key: orders.id, onupdate: CASCADE}
                  product: {type: string}
            classes:
              Order:
                table: orders
                relationships:
                  items: {target: OrderItem, back_populates: order, %s}
              OrderItem:
                table: order_items
                relationships:
                  order: {target: Order, back_populates: items}
            rows:
              orders:
                - {id: 1, note: first}
              order_items:
                - {id: 1, order_id: 1, product: Widget}
                - {id: 2, order_id: 1, product: Gadget}
            steps:
            """;

    private static Trace run(String options, String... steps) throws Exception {
        StringBuilder sb = new StringBuilder(String.format(MODEL, options));
        for (String s : steps) {
            sb.append("  - ").append(s).append('\n');
        }
        Scenario scenario = ScenarioFiles.parse(sb.toString(), "t.yaml");
        Trace t = new Simulator().run(scenario, null);
        for (TraceStatement st : t.statements()) {
            assertNotNull(st.why(), "every statement has a cause: " + st.sql());
        }
        return t;
    }

    private static TraceStatement first(Trace t, String sqlStart) {
        return t.statements().stream().filter(s -> s.sql().startsWith(sqlStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + sqlStart + " in " + t.statements()));
    }

    @Test
    void aChildInsertedThroughTheCascadeNamesTheRelationship() throws Exception {
        Trace t = run("cascade: all", "new: {as: o, class: Order, values: {note: rush}}",
                "new: {as: i, class: OrderItem, values: {product: Gizmo}}", "append: {item: i, to: o.items}",
                "add: o", "commit");
        assertEquals(List.of("INSERT INTO orders (note) VALUES (?)",
                "INSERT INTO order_items (order_id, product) VALUES (?, ?)"),
                t.statements().stream().map(TraceStatement::sql).toList());
        assertTrue(first(t, "INSERT INTO orders").why().text().startsWith("session.add(Order()) made it pending"));
        Cause child = first(t, "INSERT INTO order_items").why();
        assertEquals("Order.items", child.relationship());
        assertEquals("cascade", child.setting());
        assertTrue(child.text().contains("save-update"), child.text());
        RowChange row = first(t, "INSERT INTO order_items").changes().get(0);
        assertEquals(RowChange.Kind.INSERT, row.kind());
        assertEquals(2L, row.after().get("order_id"), "the parent's generated key was copied in: " + row);
        assertEquals(2, t.tables().get("orders").size());
    }

    @Test
    void passiveUpdatesFalseUpdatesEachChildAndSaysWhy() throws Exception {
        Trace t = run("passive_updates: false", "set: {attr: Order(1).id, value: 7}", "commit");
        TraceStatement children = first(t, "UPDATE order_items");
        assertTrue(children.many());
        assertEquals("passive_updates", children.why().setting());
        assertTrue(children.why().text().contains("passive_updates=False"), children.why().text());
        assertTrue(first(t, "UPDATE orders SET id=?").why().text().contains("id changed on the object"));
    }

    @Test
    void passiveUpdatesLeavesTheChildrenToTheDatabase() throws Exception {
        Trace t = run("passive_updates: true", "load: Order(1).items", "set: {attr: Order(1).id, value: 7}", "commit");
        assertEquals(1, t.statements().stream().filter(s -> s.sql().startsWith("UPDATE")).count());
        assertTrue(t.tables().get("order_items").stream().allMatch(r -> Long.valueOf(7).equals(r.get("order_id"))),
                "ON UPDATE CASCADE moved the children: " + t.tables());
    }

    @Test
    void aLazyLoadOnADetachedObjectRaisesAtThatStep() throws Exception {
        Trace t = run("cascade: all", "get: {ref: Order(1), as: o}", "close", "load: o.items");
        assertEquals("DetachedInstanceError", t.error().type());
        assertEquals(2, t.error().step());
    }

    @Test
    void refreshOfAPendingObjectIsRefused() throws Exception {
        Trace t = run("cascade: all", "new: {as: o, class: Order}", "add: o", "refresh: o");
        assertEquals("InvalidRequestError", t.error().type());
        assertTrue(t.error().message().contains("is not persistent within this Session"), t.error().message());
    }
}
