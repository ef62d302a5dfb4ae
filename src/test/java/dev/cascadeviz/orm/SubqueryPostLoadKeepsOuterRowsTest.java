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
 * A subquery load runs its own Query, whose {@code loading.instances} runs its post loads; after a
 * selectin post load whose parents CPython already freed (the extra rows of a {@code uselist=False}
 * immediate load) the objects nothing holds are freed, but only those that query made: the object
 * the outer query is loading is still held by that query's rows. Expected statements measured with
 * real SQLAlchemy 2.0.54 and 2.1.1 (fidelity scenario {@code subquery_post_load_keeps_outer_rows};
 * random model r8503_0024).
 */
class SubqueryPostLoadKeepsOuterRowsTest {

    /** Elk.dog is a uselist=False subquery load, Dog.ant a uselist=False immediate one meeting two rows. */
    private static final String MODEL = """
            tables:
              elk: {columns: {id: {type: integer, primary_key: true}}}
              dog: {columns: {id: {type: integer, primary_key: true}, elk_id: {type: integer, foreign_key: elk.id}}}
              ant: {columns: {id: {type: integer, primary_key: true}, dog_id: {type: integer, foreign_key: dog.id}}}
              hen: {columns: {id: {type: integer, primary_key: true}, ant_id: {type: integer, foreign_key: ant.id}}}
            classes:
              Elk: {table: elk, relationships: {dog: {target: Dog, lazy: subquery, uselist: false}}}
              Dog: {table: dog, relationships: {ant: {target: Ant, lazy: immediate, uselist: false}}}
              Ant: {table: ant, relationships: {hens: {target: Hen, lazy: selectin}}}
              Hen: {table: hen}
            rows:
              elk: [{id: 1}]
              dog: [{id: 1, elk_id: 1}]
              ant: [{id: 1, dog_id: 1}, {id: 2, dog_id: 1}]
              hen: [{id: 1, ant_id: 2}]
            steps:
              - get: Elk(1)
              - get: Elk(1)
            sqlalchemy: 'RELEASE'
            """;

    @Test
    void theObjectTheOuterQueryLoadsStaysInTheIdentityMap() throws Exception {
        // the second get finds Elk(1) in the identity map: no SELECT of its own
        for (String release : List.of("2.0", "2.1")) {
            Trace t = new Simulator().run(ScenarioFiles.parse(MODEL.replace("RELEASE", release),
                    "subquery-post-load.yaml"), Engine.SQLITE);
            assertNull(t.error(), release);
            assertEquals(List.of("elk", "dog", "ant", "hen"), entities(t), release);
        }
    }

    /** The table of each SELECT's first column: the entity it loads. */
    private static List<String> entities(Trace t) {
        return t.statements().stream().map(TraceStatement::sql).filter(s -> s.startsWith("SELECT "))
                .map(s -> s.substring(7).split("\\.")[0]).toList();
    }
}
