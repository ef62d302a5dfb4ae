package dev.cascadeviz.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Appending a new object to a {@code lazy='dynamic'} collection cascades it into the session
 * (save-update rides on the append event, as for any collection), so the flush INSERTs it:
 * real SQLAlchemy 2.0.54 sends the parent's SELECT and {@code INSERT INTO child (id, parent_id)
 * VALUES (?, ?)} [5, 1], nothing else (getting a dynamic attribute sends no SELECT).
 */
class DynamicAppendTest {

    private static final String MODEL = """
            tables:
              parent: {columns: {id: {type: integer, primary_key: true}}}
              child: {columns: {id: {type: integer, primary_key: true}, parent_id: {type: integer, foreign_key: parent.id}}}
            classes:
              Parent: {table: parent, relationships: {children: {target: Child, lazy: dynamic}}}
              Child: {table: child}
            rows:
              parent: [{id: 1}]
            steps:
              - new: {as: c, class: Child, values: {id: 5}}
              - append: {item: c, to: Parent(1).children}
              - commit
            """;

    @Test
    void aNewObjectAppendedToADynamicCollectionIsInserted() throws Exception {
        Trace t = new Simulator().run(ScenarioFiles.parse(MODEL, "dynamic_append.yaml"), Engine.SQLITE);
        assertNull(t.error());
        assertEquals(2, t.statements().size(), t.statements().toString());
        assertTrue(t.statements().stream().anyMatch(s -> s.sql().startsWith("INSERT INTO child")
                && s.params().equals(List.of(5L, 1L))), t.statements().toString());
        assertEquals(List.of(Map.of("id", 5L, "parent_id", 1L)), t.tables().get("child"));
    }
}
