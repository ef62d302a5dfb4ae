package dev.cascadeviz.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SQLAlchemy's identity map is weak: after a commit expires every object, one that no step
 * holds and no live object references is freed by CPython, so loading its row again makes a
 * new object, which gets its eager loads; a held one is an existing object refreshed by a lazy
 * load, which does not. Expected statements measured with real SQLAlchemy 2.0.54.
 */
class WeakIdentityMapTest {

    /** Grand.parents and Parent.children are both lazy='immediate'. */
    private static final String MODEL = """
            tables:
              grand: {columns: {id: {type: integer, primary_key: true}}}
              parent: {columns: {id: {type: integer, primary_key: true}, grand_id: {type: integer, foreign_key: grand.id}}}
              child: {columns: {id: {type: integer, primary_key: true}, parent_id: {type: integer, foreign_key: parent.id}}}
            classes:
              Grand: {table: grand, relationships: {parents: {target: Parent, lazy: immediate}}}
              Parent: {table: parent, relationships: {children: {target: Child, lazy: immediate}}}
              Child: {table: child}
            rows:
              grand: [{id: 1}]
              parent: [{id: 1, grand_id: 1}]
              child: [{id: 1, parent_id: 1}]
            steps:
              - get: Grand(1)
              - commit
              - get: Grand(1)
            """;

    @Test
    void anObjectNothingHoldsIsLoadedAgainAsANewObjectAfterCommit() throws Exception {
        Trace t = new Simulator().run(ScenarioFiles.parse(MODEL, "weak.yaml"), Engine.SQLITE);
        assertNull(t.error());
        assertEquals(List.of("grand", "parent", "child", "grand", "parent", "child"), selected(t));
    }

    @Test
    void anObjectAStepHoldsStaysInTheIdentityMap() throws Exception {
        String held = MODEL.replace("  - get: Grand(1)\n  - commit\n", "  - get: Grand(1)\n  - get: Parent(1)\n  - commit\n");
        Trace t = new Simulator().run(ScenarioFiles.parse(held, "held.yaml"), Engine.SQLITE);
        assertNull(t.error());
        assertEquals(List.of("grand", "parent", "child", "grand", "parent"), selected(t));
    }

    private static List<String> selected(Trace t) {
        return t.statements().stream().map(TraceStatement::sql).filter(s -> s.startsWith("SELECT"))
                .map(s -> s.substring(s.indexOf("FROM") + 4).trim().split("\\s+")[0]).toList();
    }
}
