package dev.cascadeviz.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SaveEditsTest {

    private final Scenario scenario = scenario();

    private static Scenario scenario() {
        try {
            return SavePathReplayTest.scenario();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aNewRowIsANewObjectAddedUnderAFreeName() {
        // the scenario's steps already bind o1 (get) and n (new)
        List<Step> steps = SaveEdits.newAndAdd(scenario, "Order", "{note: rush}");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("note", "rush");
        assertEquals(List.of(new Step.New("o2", "Order", values), new Step.Add(ObjectRef.named("o2", "Order"))), steps);
    }

    @Test
    void theNewStepsAreAppendedAfterTheScenariosOwn() {
        List<Step> steps = SaveEdits.newAndAdd(scenario, "OrderItem", "{id: 9, product: pen}");
        Scenario after = SaveEdits.append(steps).apply(scenario);
        assertEquals(scenario.steps().size() + 2, after.steps().size());
        assertEquals(scenario.steps(), after.steps().subList(0, scenario.steps().size()));
        assertEquals(steps, after.steps().subList(scenario.steps().size(), after.steps().size()));
    }

    @Test
    void valuesTheLoaderRefusesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SaveEdits.newAndAdd(scenario, "Order", "{nope: 1}"));
        assertThrows(IllegalArgumentException.class, () -> SaveEdits.newAndAdd(scenario, "Order", "{id: abc}"));
        assertThrows(IllegalArgumentException.class, () -> SaveEdits.newAndAdd(scenario, "Order", "note: x"));
    }

    @Test
    void editingACellSetsThatColumnOnTheRowsObject() {
        Step set = SaveEdits.setColumn(scenario, new ObjectRef("Order", List.of(2L)), "note", "late");
        assertEquals(new Step.SetColumn(new ObjectRef("Order", List.of(2L)), "note", "late"), set);
        assertThrows(IllegalArgumentException.class,
                () -> SaveEdits.setColumn(scenario, new ObjectRef("Order", List.of(2L)), "nope", "late"));
        assertThrows(IllegalArgumentException.class,
                () -> SaveEdits.setColumn(scenario, new ObjectRef("Order", List.of(2L)), "note", " "));
        assertTrue(SaveEdits.freeName(scenario, "Order").startsWith("o"));
    }
}
