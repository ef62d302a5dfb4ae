package dev.cascadeviz.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the release switch changes in a run, beside the labels: each case as SQLAlchemy 2.0.54
 * and 2.1.1 behaved on the corpus scenario named (their goldens hold the same).
 */
class ReleaseBehaviourTest {

    private static final Path OPTIONS = Path.of("src/test/resources/conformance/scenarios/generated/relationship_options");

    private static Trace run(String file, Release release) throws Exception {
        Scenario s = ScenarioFiles.load(OPTIONS.resolve(file)).withSqlalchemy(release);
        return new Simulator().run(s, Engine.SQLITE);
    }

    @Test
    void onlySqlAlchemy21WarnsThatNoloadIsDeprecated() throws Exception {
        assertTrue(run("lazy-noload_default_loaded.yaml", Release.V2_1).warnings().stream()
                .anyMatch(w -> w.startsWith("The ``noload`` loader strategy is deprecated")));
        assertEquals(List.of(), run("lazy-noload_default_loaded.yaml", Release.V2_0).warnings());
    }

    @Test
    void aViewonlyRelationshipDropsItsDeleteCascadeSilentlyInBothReleases() throws Exception {
        for (Release r : Release.values()) {
            Trace t = run("viewonly_all-delete_loaded.yaml", r);
            assertEquals("IntegrityError", t.error().type(), r + ": the songs are not deleted, the artist's DELETE fails");
            assertTrue(t.statements().stream().noneMatch(s -> s.sql().startsWith("DELETE FROM song")), r.text());
        }
    }

    @Test
    void lazyRaiseDoesNotStopTheDeleteCascadesLoad() throws Exception {
        for (Release r : Release.values()) {
            Trace t = run("lazy-raise_all-delete_unloaded.yaml", r);
            assertNull(t.error(), r.text());
            assertTrue(t.statements().stream().anyMatch(s -> s.sql().startsWith("DELETE FROM song")), r.text());
        }
    }
}
