package dev.cascadeviz.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MadeUpAddressTest {

    private static final Path REFRESH_PENDING =
            Path.of("src/test/resources/conformance/scenarios/generated/save_refresh_expunge/default_refresh_pending.yaml");

    @Test
    void aRunShowsTheSameMadeUpAddressesHoweverManyRunsTheProcessMadeBefore() throws Exception {
        Scenario scenario = ScenarioFiles.load(REFRESH_PENDING);
        String first = new Simulator().run(scenario, null).error().message();
        new Simulator().run(ScenarioFiles.load(Path.of("assets/scenarios/31-libraries-books-not-null.yaml")), null);
        Trace again = new Simulator().run(scenario, null);
        assertTrue(first.contains(" at 0x"), first);
        assertEquals(first, again.error().message());
    }
}
