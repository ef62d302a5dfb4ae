package dev.cascadeviz.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.orm.Simulator;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The merge and refresh-expire cascades' paths, as the statements' causes name them (issue 11):
 * lessons 64 (merge of a detached order) and 65 (refresh and expire).
 */
class MergeRefreshPathsTest {

    private static Trace run(String lesson) throws Exception {
        Scenario s = ScenarioFiles.load(Path.of("assets/scenarios", lesson));
        return new Simulator().run(s, Engine.SQLITE);
    }

    private static String causes(Trace t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.statements().size(); i++) {
            TraceStatement st = t.statements().get(i);
            sb.append(i + 1).append(": ").append(st.sql().lines().findFirst().orElse("")).append("  -- ").append(st.cause()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void theMergeCascadesLoadAndInsertAreMarkedOnItsRelationship() throws Exception {
        Trace t = run("64-merge-detached-order.yaml");
        List<TraceStatement> s = t.statements();
        // 1 get, 2 load (the steps), 3 merge's SELECT of the order, 4 the merge cascade's load of its items
        assertEquals(Set.of(), CascadePaths.travelled(t, 1), causes(t));
        assertEquals(Set.of(), CascadePaths.travelled(t, 2), causes(t));
        assertEquals(Set.of(), CascadePaths.travelled(t, 3), "merge's own SELECT of the order: no cascade yet\n" + causes(t));
        assertEquals(Set.of("Order.items"), CascadePaths.travelled(t, 4), causes(t));
        assertTrue(s.get(3).cause().contains("merge in its cascade"), s.get(3).cause());
        int insert = CascadePathsTest.statementStartingWith(t, "INSERT INTO order_items");
        assertEquals(Set.of("Order.items"), CascadePaths.travelled(t, insert), causes(t));
        assertTrue(s.get(insert - 1).cause().contains("merge cascade along Order.items"), s.get(insert - 1).cause());
        int update = CascadePathsTest.statementStartingWith(t, "UPDATE orders");
        assertEquals(Set.of(), CascadePaths.travelled(t, update), "the order's own change");
    }

    @Test
    void refreshMarksWhatItsCascadeExpiredAndTheReloadNamesIt() throws Exception {
        Trace t = run("65-refresh-and-expire.yaml");
        List<TraceStatement> s = t.statements();
        // 3: refresh's SELECT (the cascade expired the loaded items first); 4: OrderItem(2) loaded again by get
        assertTrue(s.get(2).cause().startsWith("session.refresh(Order(1))"), causes(t));
        assertEquals(Set.of("Order.items"), CascadePaths.travelled(t, 3), causes(t));
        assertEquals(Set.of("Order.items"), CascadePaths.travelled(t, 4), causes(t));
        assertTrue(s.get(3).cause().contains("OrderItem(2) was expired by the refresh-expire cascade along Order.items"),
                s.get(3).cause());
        // 5: Order(1) expired by session.expire (its items were not loaded again: nothing to cascade to)
        assertTrue(s.get(4).cause().startsWith("Order(1) was expired by session.expire(Order(1))"), causes(t));
        assertEquals(Set.of(), CascadePaths.travelled(t, 5));
        assertEquals(5, s.size(), causes(t));
    }
}
