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
 * In 2.0 the engine's compiled cache keeps the first Select compiled for each statement. A
 * subquery load inside a post load copies the post load's execution options onto its Select,
 * {@code sa_top_level_orm_context} among them, so the top-level QueryContext and its subquery
 * loads' collections stay with it. A selectin load's own Select is built bare: the context goes
 * to {@code session.execute()} as an execution option, and nothing stays. Expected statements
 * measured with real SQLAlchemy 2.0.54 and 2.1.1 (fidelity scenarios
 * {@code selectin_post_load_keeps_no_top_level_collections} and
 * {@code subquery_in_post_load_keeps_top_level_collections}).
 */
class TopLevelContextKeptTest {

    /** Parent.kid is a subquery load, Parent.toys a selectin load; Toy.maker is MAKER. */
    private static final String MODEL = """
            tables:
              kid: {columns: {id: {type: integer, primary_key: true}}}
              maker: {columns: {id: {type: integer, primary_key: true}}}
              parent: {columns: {id: {type: integer, primary_key: true}, kid_id: {type: integer, foreign_key: kid.id}}}
              toy: {columns: {id: {type: integer, primary_key: true}, parent_id: {type: integer, foreign_key: parent.id},
                              maker_id: {type: integer, foreign_key: maker.id}}}
            classes:
              Kid: {table: kid}
              Maker: {table: maker}
              Parent: {table: parent, relationships: {kid: {target: Kid, lazy: subquery}, toys: {target: Toy, lazy: selectin}}}
              Toy: {table: toy, relationships: {maker: {target: Maker, lazy: MAKER}}}
            rows:
              kid: [{id: 1}]
              maker: [{id: 1}]
              parent: [{id: 1, kid_id: 1}]
              toy: [{id: 1, parent_id: 1, maker_id: 1}]
            steps:
              - get: Parent(1)
              - expire: Parent(1)
              - get: Kid(1)
            sqlalchemy: 'RELEASE'
            """;

    @Test
    void aSelectinLoadKeepsNoTopLevelSubqueryCollections() throws Exception {
        // Kid(1) is freed with the parent's expiry in both releases, so getting it SELECTs it
        for (String release : List.of("2.0", "2.1")) {
            assertEquals(List.of("parent", "kid", "toy", "kid"), entities(run("select", release)), release);
        }
    }

    @Test
    void aSubqueryLoadInsideTheSelectinKeepsThem() throws Exception {
        // 2.0: the nested subquery load's Select carries the top-level context into the compiled
        // cache; 2.1: the nested subquery load's iterated Result waits on a reference cycle
        for (String release : List.of("2.0", "2.1")) {
            assertEquals(List.of("parent", "kid", "toy", "maker"), entities(run("subquery", release)), release);
        }
    }

    private static Trace run(String maker, String release) throws Exception {
        Trace t = new Simulator().run(ScenarioFiles.parse(MODEL.replace("MAKER", maker).replace("RELEASE", release),
                "top-level-context.yaml"), Engine.SQLITE);
        assertNull(t.error());
        return t;
    }

    /** The table of each SELECT's first column: the entity it loads (a subquery load's FROM is a subquery). */
    private static List<String> entities(Trace t) {
        return t.statements().stream().map(TraceStatement::sql).filter(s -> s.startsWith("SELECT "))
                .map(s -> s.substring(7).split("\\.")[0]).toList();
    }
}
