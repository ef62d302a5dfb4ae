package dev.cascadeviz.app.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cascadeviz.app.TestScenarios;
import dev.cascadeviz.model.Scenario;
import org.junit.jupiter.api.Test;

class LoadedRowsTest {

    @Test
    void countsTheParentAndItsChildrenLoadedBeforeTheDeletes() {
        Scenario s = TestScenarios.artistSongs("all, delete", true);
        // the get loads Artist(1), the lazy load its two songs
        assertEquals(3, LoadedRows.total(s, TestScenarios.cascadeDeleteTrace(s)));
    }

    @Test
    void countsNothingWhenNoSelectRan() {
        Scenario s = TestScenarios.artistSongs("all, delete", true);
        var t = new dev.cascadeviz.trace.Trace(java.util.List.of(), null, s.rows(), java.util.List.of(), null);
        assertEquals(0, LoadedRows.total(s, t));
    }
}
