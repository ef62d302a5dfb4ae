package dev.cascadeviz.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceAgreement;
import dev.cascadeviz.trace.TraceJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On a dependency cycle, a per-state action ({@code ProcessState}) popped from its layer takes its
 * siblings along in the order of the action records' addresses, not of the states' set
 * {@code uow.mappers[mapper]}. In fidelity/cycle_per_state_action_siblings_order the flush loads
 * the two Bees' cats (Preprocess, the states' set) and deletes their association rows
 * (ProcessState of Bee.cats, the records' set): both goldens have variants whose rows come in
 * the other order than the loads (see the scenario's notes), and runs of real SQLAlchemy under
 * gc.disable() show all four combinations. The simulator tied the rows to the states' order, so
 * it could take none of those variants.
 */
class CycleSiblingsOrderTest {

    private static final Path SCENARIO = Path.of(
            "src/test/resources/conformance/scenarios/fidelity/cycle_per_state_action_siblings_order.yaml");
    private static final String KEY = "flush:flush 1 ProcessState(ManyToManyDP(Bee.cats), delete=true) states";

    @Test
    void unlessToldOtherwiseTheSiblingsComeInTheStatesOrderAndTheSetIsRecorded() throws Exception {
        PropSetOrder declared = PropSetOrder.declared();
        Trace t = new Simulator().run(scenario("2.1"), Engine.SQLITE, declared);
        assertNull(t.error());
        assertEquals(List.of(List.of(1), List.of(2)), params(t, "SELECT cat"));
        assertEquals(List.of(List.of(1, 1), List.of(1, 2)), params(t, "DELETE FROM link"));
        assertEquals(List.of("Bee(1)", "Bee(2)"), declared.consulted().get(KEY));
    }

    @Test
    void theRowsCanGoInAnotherOrderThanTheLoads() throws Exception {
        PropSetOrder order = new PropSetOrder(Map.of("flush:Bee", List.of("Bee(2)", "Bee(1)"),
                KEY, List.of("Bee(1)", "Bee(2)")));
        Trace t = new Simulator().run(scenario("2.1"), Engine.SQLITE, order);
        assertEquals(List.of(List.of(2), List.of(1)), params(t, "SELECT cat"));
        assertEquals(List.of(List.of(1, 1), List.of(1, 2)), params(t, "DELETE FROM link"));
    }

    @Test
    void everyOutcomeRealSqlAlchemyShowedIsOneTheSimulatorCanTake() throws Exception {
        for (String release : List.of("2.0", "2.1")) {
            JsonNode golden = new ObjectMapper().readTree(Path.of("src/test/resources/conformance/goldens", release,
                    "fidelity/cycle_per_state_action_siblings_order.golden.json").toFile());
            for (JsonNode v : golden.path("variants")) {
                Trace real = TraceJson.fromTree(v);
                PropSetOrder.Found found = PropSetOrder.firstAccepted(scenario(release), Engine.SQLITE,
                        t -> TraceAgreement.agrees(t, real), 50);
                assertTrue(found.accepted(), release + ", seeds " + v.path("seeds") + ": "
                        + TraceAgreement.firstDifference(found.trace(), real));
            }
        }
    }

    private static Scenario scenario(String release) throws Exception {
        return ScenarioFiles.load(SCENARIO).withSqlalchemy(Release.fromText(release));
    }

    /** The parameter sets of the statements starting with {@code prefix}, in order. */
    private static List<List<Object>> params(Trace t, String prefix) {
        return t.statements().stream().filter(s -> s.sql().startsWith(prefix))
                .flatMap(s -> s.paramSets().stream())
                .map(p -> p.stream().map(v -> (Object) ((Number) v).intValue()).toList())
                .toList();
    }
}
