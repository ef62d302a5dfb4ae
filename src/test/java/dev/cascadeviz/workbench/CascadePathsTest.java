package dev.cascadeviz.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.orm.Simulator;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CascadePathsTest {

    static int statementStartingWith(Trace trace, String sql) {
        for (int i = 0; i < trace.statements().size(); i++) {
            if (trace.statements().get(i).sql().startsWith(sql)) {
                return i + 1;
            }
        }
        throw new AssertionError("no " + sql + " in " + trace.statements());
    }

    @Test
    void anItemSavedAlongItsParentsCollectionNamesThatRelationship() throws Exception {
        Scenario s = ScenarioFiles.load(Path.of(getClass().getResource("save_along_items.yaml").toURI()));
        Trace trace = new Simulator().run(s, Engine.SQLITE);
        int item = statementStartingWith(trace, "INSERT INTO order_items");
        int order = statementStartingWith(trace, "INSERT INTO orders");
        assertEquals(Set.of("Order.items"), CascadePaths.travelled(trace, item));
        // the order itself was added by session.add: no relationship carried it
        assertEquals(Set.of(), CascadePaths.travelled(trace, order));
        assertTrue(CascadePaths.travelled(trace, 0).isEmpty());
        assertTrue(CascadePaths.travelled(trace, trace.statements().size() + 1).isEmpty());
    }
}
