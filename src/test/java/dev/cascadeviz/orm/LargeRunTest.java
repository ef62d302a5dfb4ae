package dev.cascadeviz.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.RowChange;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deep and long inputs trace like small ones (issue 16): no stack overflow, every level followed.
 * Their time is measured by conformance/bench-hostile.sh (chain, tree), not asserted here.
 */
class LargeRunTest {

    /** Tables t0..t(n-1), each row referencing the previous table's with ON DELETE CASCADE. */
    static String chain(int n, Engine engine) {
        StringBuilder y = new StringBuilder("database: {engine: " + engine.fileName() + "}\ntables:\n");
        y.append("  t0: {columns: {id: {type: integer, primary_key: true}}}\n");
        for (int i = 1; i < n; i++) {
            y.append("  t").append(i).append(": {columns: {id: {type: integer, primary_key: true}, p: {type: integer, "
                    + "foreign_key: t").append(i - 1).append(".id, ondelete: CASCADE}}}\n");
        }
        y.append("classes:\n  T0: {table: t0}\nrows:\n");
        for (int i = 0; i < n; i++) {
            y.append("  t").append(i).append(": [{id: 1").append(i == 0 ? "" : ", p: 1").append("}]\n");
        }
        return y.append("steps: [{delete: T0(1)}, commit]\n").toString();
    }

    /** A self-referential chain of n levels: node i's parent is i - 1; the ORM deletes them all. */
    static String tree(int n) {
        StringBuilder y = new StringBuilder("""
                database: {engine: sqlite}
                tables:
                  node:
                    columns:
                      id: {type: integer, primary_key: true}
                      parent_id: {type: integer, foreign_key: node.id, index: true}
                classes:
                  Node:
                    table: node
                    relationships:
                      children: {target: Node, cascade: 'all, delete', back_populates: parent}
                      parent: {target: Node, back_populates: children, remote_side: node.id}
                rows:
                  node:
                """);
        for (int i = 1; i <= n; i++) {
            y.append("  - {id: ").append(i).append(", parent_id: ").append(i == 1 ? "null" : i - 1).append("}\n");
        }
        return y.append("steps: [{delete: Node(1)}, commit]\n").toString();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aThousandTableOnDeleteCascadeChainIsFollowedToItsEnd(Engine engine) throws Exception {
        // 1,001 tables: SQLite's deepest trigger recursion (one level more fails in SQLite itself).
        Scenario s = ScenarioFiles.parse(chain(1001, engine), "chain.yaml");
        Trace trace = Simulator.withoutTablesBefore().run(s, null);
        assertNull(trace.error());
        TraceStatement delete = trace.statements().get(1);
        assertTrue(delete.sql().startsWith("DELETE FROM t0"), delete.sql());
        List<RowChange> byDatabase = delete.databaseChanges();
        assertEquals(1000, byDatabase.size());
        for (int i = 1; i <= 1000; i++) {
            RowChange c = byDatabase.get(i - 1);
            assertEquals("t" + i, c.table());
            assertEquals(RowChange.Kind.DELETE, c.kind());
            assertEquals("t" + i + ".p ON DELETE CASCADE", c.foreignKey());
        }
        trace.tables().values().forEach(rows -> assertTrue(rows.isEmpty()));
    }

    @ParameterizedTest
    @ValueSource(ints = {3_000, 10_000})
    void aSelfReferentialChainThousandsOfLevelsDeepIsDeletedLevelByLevel(int levels) throws Exception {
        Scenario s = ScenarioFiles.parse(tree(levels), "tree.yaml");
        Trace trace = Simulator.withoutTablesBefore().run(s, null);
        assertNull(trace.error());
        long deletes = trace.statements().stream().filter(st -> st.sql().startsWith("DELETE")).count();
        assertEquals(levels, deletes); // the deepest level first, one statement per level
        assertEquals(List.of((Object) (long) levels), trace.statements().stream()
                .filter(st -> st.sql().startsWith("DELETE")).findFirst().orElseThrow().params());
        assertTrue(trace.tables().get("node").isEmpty());
    }
}
