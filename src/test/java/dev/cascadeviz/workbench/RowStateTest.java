package dev.cascadeviz.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.workbench.RowState.Source;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowStateTest {

    private static Map<String, Object> row(long id, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        return m;
    }

    @Test
    void aChangeLeavesTheValuesTheRowWasMadeFromAsTheyWere() {
        Map<String, Object> given = row(1, "Emma");
        RowState state = new RowState(List.of(1L), given, given);
        state.update(Map.of("name", "Ann"), Source.ORM, null);
        assertEquals(row(1, "Emma"), given);
        assertEquals(row(1, "Ann"), state.now());
        assertEquals(row(1, "Emma"), state.before());
    }

    @Test
    void aChangeToTheRowDoesNotReachACopyTakenBeforeIt() {
        RowState state = new RowState(List.of(1L), row(1, "Emma"), row(1, "Emma"));
        RowState copy = state.copy();
        state.update(Map.of("name", "Ann"), Source.DATABASE, "rule");
        assertEquals(row(1, "Emma"), copy.now());
        assertTrue(copy.changedCells().isEmpty());
        assertEquals(Map.of("name", Source.DATABASE), state.changedCells());
    }

    @Test
    void restoringACopyPutsBackItsValuesAndChangedCells() {
        RowState state = new RowState(List.of(1L), row(1, "Emma"), row(1, "Emma"));
        state.update(Map.of("name", "Ann"), Source.ORM, null);
        RowState saved = state.copy();
        state.update(Map.of("name", "Bo"), Source.DATABASE, "rule");
        state.restore(saved);
        assertEquals(row(1, "Ann"), state.now());
        assertEquals(Map.of("name", Source.ORM), state.changedCells());
        state.update(Map.of("name", "Cy"), Source.ORM, null);
        assertEquals(row(1, "Ann"), saved.now(), "the saved copy stays as it was after the row changes again");
    }

    @Test
    void anUpdateToTheSameValuesChangesNoCell() {
        RowState state = new RowState(List.of(1L), row(1, "Emma"), row(1, "Emma"));
        state.update(Map.of("id", 1, "name", "Emma"), Source.ORM, null);
        assertTrue(state.changedCells().isEmpty());
        assertFalse(state.isMarked());
    }
}
