package dev.cascadeviz.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.scenario.ScenarioFiles;
import org.junit.jupiter.api.Test;

/** The trace command's warm-up: only for trace, and its sample is a scenario the reader accepts. */
class TraceWarmUpTest {

    @Test
    void theSampleIsAValidScenarioAndTheWarmUpRunsThroughIt() throws Exception {
        assertFalse(ScenarioFiles.parse(TraceWarmUp.SAMPLE, "warm-up.yaml").steps().isEmpty());
        assertTrue(TraceWarmUp.run());
    }

    @Test
    void onlyATraceWithArgumentsStartsIt() throws InterruptedException {
        assertNull(TraceWarmUp.startFor(new String[] {}));
        assertNull(TraceWarmUp.startFor(new String[] {"trace"}));
        assertNull(TraceWarmUp.startFor(new String[] {"validate", "a.yaml"}));
        assertNull(TraceWarmUp.startFor(new String[] {"explain", "a.yaml"}));
        Thread t = TraceWarmUp.startFor(new String[] {"trace", "a.yaml"});
        assertNotNull(t);
        assertTrue(t.isDaemon(), "it never keeps the JVM running");
        t.join();
    }
}
