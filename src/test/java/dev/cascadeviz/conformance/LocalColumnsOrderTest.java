package dev.cascadeviz.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.orm.PropSetOrder;
import dev.cascadeviz.orm.Simulator;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceAgreement;
import dev.cascadeviz.trace.TraceStatement;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A subquery load selects a composite key's columns in the order of the relationship's
 * {@code local_columns}, a Python set of Column objects hashed by address: real SQLAlchemy takes
 * either order, one per relationship in a run (the golden of
 * fidelity/subquery_composite_key_column_order has four variants under each release, over eight
 * hash seeds). The simulator keeps the declared order, records the set, and takes any order it
 * is given; the values it loads follow the keys whatever the order.
 */
class LocalColumnsOrderTest {

    private static final String NAME = "fidelity/subquery_composite_key_column_order";
    private static final Path RESOURCES = Path.of("src/test/resources/conformance");

    @Test
    void theDeclaredOrderIsKeptAndBothSetsAreRecorded() throws Exception {
        PropSetOrder order = PropSetOrder.declared();
        Trace t = new Simulator().run(scenario(Release.fromText("2.1")), Engine.SQLITE, order);
        assertNull(t.error());
        assertTrue(sql(t, 1).contains("FROM (SELECT DISTINCT ibis.gnu_id AS ibis_gnu_id, ibis.gnu_k AS ibis_gnu_k"));
        assertEquals(List.of("gnu_id", "gnu_k"), order.consulted().get("local_columns:Ibis.gnu"));
        assertEquals(List.of("id", "k"), order.consulted().get("local_columns:Gnu.dogs"));
    }

    @Test
    void aChosenOrderOrdersTheKeyColumnsAndTheLoadedValuesStillFollowTheirKeys() throws Exception {
        PropSetOrder order = new PropSetOrder(Map.of("local_columns:Ibis.gnu", List.of("gnu_k", "gnu_id"),
                "local_columns:Gnu.dogs", List.of("k", "id")));
        Trace t = new Simulator().run(scenario(Release.fromText("2.1")), Engine.SQLITE, order);
        assertNull(t.error());
        assertTrue(sql(t, 1).contains("anon_1.ibis_gnu_k AS anon_1_ibis_gnu_k, anon_1.ibis_gnu_id AS anon_1_ibis_gnu_id"
                + " \nFROM (SELECT DISTINCT ibis.gnu_k AS ibis_gnu_k, ibis.gnu_id AS ibis_gnu_id"), sql(t, 1));
        assertTrue(sql(t, 2).contains("gnu_1.k AS gnu_1_k, gnu_1.id AS gnu_1_id"), sql(t, 2));
        // Ibis(1).gnu and Gnu(1, 2).dogs were found by their keys (gnu_id 1, gnu_k 2): setting the
        // one to None and deleting the Gnu update both rows
        assertEquals(List.of("UPDATE dog", "UPDATE ibis", "DELETE FROM gnu"),
                t.statements().subList(3, 6).stream().map(s -> s.sql().split(" SET | WHERE ")[0]).toList());
    }

    @Test
    void everyOrderRealSqlAlchemyTookIsOneTheSimulatorTakes() throws Exception {
        for (String release : List.of("2.0", "2.1")) {
            Scenario s = scenario(Release.fromText(release));
            List<Trace> variants = GoldenTraces.variants(RESOURCES.resolve("goldens/" + release + "/" + NAME + ".golden.json"));
            assertTrue(variants.size() >= 2, release + ": the golden shows more than one order");
            for (Trace v : variants) {
                PropSetOrder.Found f = PropSetOrder.firstAccepted(s, Engine.SQLITE, t -> TraceAgreement.agrees(t, v), 24);
                assertTrue(f.accepted(), release + ": no order gives " + v.statements().get(1).sql());
            }
        }
    }

    private static Scenario scenario(Release release) throws Exception {
        return ScenarioFiles.load(RESOURCES.resolve("scenarios/" + NAME + ".yaml")).withSqlalchemy(release);
    }

    private static String sql(Trace t, int index) {
        TraceStatement s = t.statements().get(index);
        return s.sql();
    }
}
