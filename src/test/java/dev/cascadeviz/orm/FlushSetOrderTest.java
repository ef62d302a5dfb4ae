package dev.cascadeviz.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceJson;
import dev.cascadeviz.trace.TraceStatement;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The unit of work iterates Python sets of states ({@code UOWTransaction.mappers[mapper]} in
 * {@code Preprocess.execute} and {@code ProcessAll._elements}), ordered by object address: the
 * simulator keeps the order objects joined the flush, records the set, and runs any order it is
 * given. The expected orders were measured with real SQLAlchemy (the goldens of the two
 * fidelity scenarios, eight hash seeds each: 2.1.1 loads the hens of Bee 3, 2, 1 under seeds
 * 1, 3–6 and of Bee 1, 3, 2 under seeds 0 and 7; it deletes the association rows of Fox 2, 3, 1
 * under seed 1 and of Fox 3, 1, 2 under seed 6; on a key cycle it inserts the Cats first under
 * seeds 0, 2, 5, 7 and the Fox first under seeds 1, 3, 4, 6).
 */
class FlushSetOrderTest {

    private static final Path FIDELITY = Path.of("src/test/resources/conformance/scenarios/fidelity");

    @Test
    void theSimulatorKeepsTheOrderObjectsJoinedTheFlushAndRecordsTheSet() throws Exception {
        PropSetOrder order = PropSetOrder.declared();
        Trace t = new Simulator().run(scenario("flush_state_set_order.yaml"), Engine.SQLITE, order);
        assertNull(t.error());
        assertEquals(List.of(List.of(1), List.of(2), List.of(3)), params(t, "SELECT hen"));
        assertEquals(List.of("Bee(1)", "Bee(2)", "Bee(3)"), order.consulted().get("flush:Bee"));
    }

    @Test
    void aChosenOrderDecidesTheOrderOfTheCollectionsTheFlushLoads() throws Exception {
        for (List<String> bees : List.of(List.of("Bee(3)", "Bee(2)", "Bee(1)"), List.of("Bee(1)", "Bee(3)", "Bee(2)"))) {
            PropSetOrder order = new PropSetOrder(Map.of("flush:Bee", bees));
            Trace t = new Simulator().run(scenario("flush_state_set_order.yaml"), Engine.SQLITE, order);
            List<List<Object>> expected = bees.stream().map(b -> List.<Object>of(b.charAt(4) - '0')).toList();
            assertEquals(expected, params(t, "SELECT hen"));
            // the DELETE sorts its rows by key whatever the set order (persistence._sort_states)
            assertEquals(List.of(List.of(1), List.of(2), List.of(3)), params(t, "DELETE FROM bee"));
        }
    }

    @Test
    void aChosenOrderDecidesTheOrderOfManyToManyRows() throws Exception {
        PropSetOrder order = new PropSetOrder(Map.of("flush:Fox", List.of("Fox(2)", "Fox(3)", "Fox(1)")));
        Trace t = new Simulator().run(scenario("secondary_rows_set_order.yaml"), Engine.SQLITE, order);
        assertEquals(List.of(List.of(2, 3), List.of(3, 1), List.of(1, 2)), params(t, "DELETE FROM fox_hen_link"));
    }

    @Test
    void aChosenOrderDecidesWhichActionOfACycleLayerRunsFirst() throws Exception {
        PropSetOrder declared = PropSetOrder.declared();
        Trace t = new Simulator().run(scenario("cycle_layer_order.yaml"), Engine.SQLITE, declared);
        assertEquals(List.of("INSERT INTO cat", "INSERT INTO fox"), starts(t));
        assertEquals(List.of("SaveUpdateState(Cat)", "SaveUpdateState(Fox)"), declared.consulted().get("flush:flush 1 cycle layer 1"));
        // set(subset).pop() took the Fox action first: both Cats still go in one executemany (execute_aggregate)
        PropSetOrder order = new PropSetOrder(Map.of("flush:flush 1 cycle layer 1",
                List.of("SaveUpdateState(Fox)", "SaveUpdateState(Cat)")));
        t = new Simulator().run(scenario("cycle_layer_order.yaml"), Engine.SQLITE, order);
        assertEquals(List.of("INSERT INTO fox", "INSERT INTO cat"), starts(t));
        assertEquals(List.of(List.of(1, 0), List.of(2, 0)), params(t, "INSERT INTO cat"));
    }

    /**
     * Breaking a cycle's DeleteAll actions into per-state actions loads the dynamic collections a
     * delete cascade needs, one class after the other in the order SQLAlchemy iterates its set of
     * cycle actions (by address: in this scenario's golden, 2.1.1 loads the Dogs' collections
     * first under seeds 0, 2, 3, 4, 6 and the Cat's first under seeds 1, 5, 7). The simulator took
     * JGraphT's cycle set, ordered by Java identity hashes, so a second run in the same JVM could
     * emit those loads in another order; it now takes the actions' order of creation unless told
     * otherwise, and records the set.
     */
    @Test
    void theSameScenarioTracedAgainInOneJvmGivesTheSameTrace() throws Exception {
        for (String release : List.of("2.0", "2.1")) {
            Scenario s = ScenarioFiles.load(FIDELITY.resolve("cycle_actions_set_order.yaml"))
                    .withSqlalchemy(Release.fromText(release));
            String first = TraceJson.toJson(new Simulator().run(s, Engine.SQLITE));
            for (int run = 2; run <= 30; run++) {
                assertEquals(first, TraceJson.toJson(new Simulator().run(s, Engine.SQLITE)), release + ", run " + run);
            }
        }
    }

    @Test
    void aChosenOrderDecidesWhichClassOfACycleIsBrokenIntoPerStateActionsFirst() throws Exception {
        PropSetOrder declared = PropSetOrder.declared();
        Trace t = new Simulator().run(scenario("cycle_actions_set_order.yaml"), Engine.SQLITE, declared);
        assertNull(t.error());
        assertEquals(List.of("DeleteAll(Bee)", "DeleteAll(Dog)", "DeleteAll(Cat)"),
                declared.consulted().get("flush:flush 1 cycles"));
        assertEquals(List.of("cat", "cat", "bee"), dynamicLoads(t));
        PropSetOrder order = new PropSetOrder(Map.of("flush:flush 1 cycles",
                List.of("DeleteAll(Cat)", "DeleteAll(Bee)", "DeleteAll(Dog)")));
        t = new Simulator().run(scenario("cycle_actions_set_order.yaml"), Engine.SQLITE, order);
        assertEquals(List.of("bee", "cat", "cat"), dynamicLoads(t));
    }

    /** The tables of the dynamic collections loaded on first access, in order. */
    private static List<String> dynamicLoads(Trace t) {
        return t.statements().stream()
                .filter(s -> s.cause() != null && s.cause().toString().contains("lazy='dynamic'"))
                .map(s -> s.sql().substring(s.sql().indexOf("FROM ") + 5).split("\\s")[0])
                .toList();
    }

    @Test
    void labelsNotInTheChosenOrderKeepTheirOrderAfterTheOthers() {
        PropSetOrder order = new PropSetOrder(Map.of("flush:X", List.of("c", "a")));
        assertEquals(List.of("c", "a", "b", "d"), order.arrangeSet("flush:X", List.of("a", "b", "c", "d"), s -> s));
        assertEquals(List.of("a", "b", "c", "d"), order.consulted().get("flush:X"));
        // one distinct label: nothing to order, nothing recorded
        assertEquals(List.of("z", "z"), order.arrangeSet("flush:Y", List.of("z", "z"), s -> s));
        assertNull(order.consulted().get("flush:Y"));
    }

    private static Scenario scenario(String name) throws Exception {
        return ScenarioFiles.load(FIDELITY.resolve(name)).withSqlalchemy(Release.fromText("2.1"));
    }

    private static List<String> starts(Trace t) {
        return t.statements().stream().map(s -> s.sql().substring(0, 15)).toList();
    }

    /** The parameter sets of the statements starting with {@code prefix}, in order (None as 0). */
    private static List<List<Object>> params(Trace t, String prefix) {
        return t.statements().stream().filter(s -> s.sql().startsWith(prefix))
                .flatMap(s -> s.paramSets().stream()).map(p -> p.stream().map(v -> (Object) (v == null ? 0 : ((Number) v).intValue())).toList())
                .toList();
    }
}
