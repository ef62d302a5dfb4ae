package dev.cascadeviz.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A delete cascade (no passive_deletes) reads a dynamic relationship with INIT_OK:
 * {@code DynamicCollectionHistory(apply_to=...)} makes {@code AppenderQuery(attr, state).autoflush(False)},
 * whose copy ({@code AppenderMixin._generate}) needs the object's session. A detached object has
 * none: DetachedInstanceError, "no contextual session is established" (real SQLAlchemy 2.0.54 and
 * 2.1.1, the fidelity scenario dynamic_cascade_of_detached_object; the simulator used to fail with
 * a ClassCastException, r8504_0053).
 */
class DynamicCascadeOfDetachedObjectTest {

    private static final String SCENARIO = """
            tables:
              hen: {columns: {id: {type: integer, primary_key: true}}}
              ant: {columns: {id: {type: integer, primary_key: true}, hen_id: {type: integer, foreign_key: hen.id}}}
              ibis: {columns: {id: {type: integer, primary_key: true}, ant_id: {type: integer, foreign_key: ant.id}}}
            classes:
              Hen: {table: hen, relationships: {hen_ants: {target: Ant, cascade: all}}}
              Ant: {table: ant, relationships: {ant_ibiss: {target: Ibis, cascade: all, lazy: dynamic}}}
              Ibis: {table: ibis}
            rows:
              hen: [{id: 1}]
              ant: [{id: 1, hen_id: 1}]
              ibis: [{id: 1, ant_id: 1}]
            steps:
              - load: Hen(1).hen_ants
              - expunge: Ant(1)
              - delete: Hen(1)
            sqlalchemy: 'RELEASE'
            """;

    @Test
    void deletingIntoADetachedObjectsDynamicRelationshipRaisesDetachedInstanceError() throws Exception {
        for (String release : List.of("2.0", "2.1")) {
            Trace t = new Simulator().run(ScenarioFiles.parse(SCENARIO.replace("RELEASE", release), "detached.yaml"),
                    Engine.SQLITE);
            assertEquals("DetachedInstanceError", t.error().type(), release);
            assertEquals(2, t.error().step(), release + ": at the delete, whose cascade walks into Ant(1)");
            assertTrue(t.error().message().contains("is not bound to a Session, and no contextual session is established; "
                    + "lazy load operation of attribute 'ant_ibiss' cannot proceed"), t.error().message());
            assertEquals(2, t.statements().size(), release + ": the hen and its ants, no query of the ibises");
        }
    }
}
