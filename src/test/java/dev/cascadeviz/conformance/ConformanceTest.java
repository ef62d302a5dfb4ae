package dev.cascadeviz.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.orm.PropSetOrder;
import dev.cascadeviz.orm.Simulator;
import dev.cascadeviz.scenario.ScenarioException;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceAgreement;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The simulator measured against real SQLAlchemy: one test per corpus scenario and release, which
 * must agree with any variant of the golden captured under that release (conformance/README.md). Scenarios listed in
 * known-differences.txt are skipped with their reason, and fail once they agree.
 */
class ConformanceTest {

    private static final Tally SQLITE = new Tally("SQLite vs goldens");
    private static final Tally H2 = new Tally("H2 vs SQLite");
    /**
     * How many {@code _prop_set} orders (PropSetOrder) a scenario may be tried under: a trace
     * agrees when the simulator, run with some order SQLAlchemy could take, agrees with a variant.
     */
    static final int PROP_SET_ORDERS = 720;

    @TestFactory
    Stream<DynamicTest> everyScenarioAgreesWithRealSqlAlchemy() throws IOException {
        KnownDifferences known = KnownDifferences.read(Corpus.RESOURCES.resolve("known-differences.txt"));
        List<Corpus.Entry> entries = Corpus.entries();
        assertFalse(entries.isEmpty(), "no scenarios under " + Corpus.SCENARIOS.toAbsolutePath());
        return entries.stream().map(e -> DynamicTest.dynamicTest(e.id(), e.scenario().toUri(),
                () -> agreesWithGolden(e, known)));
    }

    @TestFactory
    Stream<DynamicTest> h2SendsTheSameStatementsAndEndsWithTheSameTablesAsSqlite() throws IOException {
        KnownDifferences known = KnownDifferences.read(Corpus.RESOURCES.resolve("known-differences-h2.txt"));
        return Corpus.entries().stream().map(e -> DynamicTest.dynamicTest(e.id(), e.scenario().toUri(),
                () -> h2AgreesWithSqlite(e, known)));
    }

    @AfterAll
    static void printSummary() {
        System.out.println(SQLITE.summary());
        System.out.println(H2.summary());
    }

    private static void agreesWithGolden(Corpus.Entry e, KnownDifferences known) throws Exception {
        SQLITE.total.incrementAndGet();
        if (!Files.exists(e.golden())) {
            SQLITE.disagreeing.incrementAndGet();
            fail("no golden at " + e.golden() + ": run conformance/regenerate.sh");
        }
        List<Trace> variants = GoldenTraces.variants(e.golden());
        PropSetOrder.Found found = PropSetOrder.firstAccepted(load(e), Engine.SQLITE,
                t -> TraceAgreement.agreesWithAny(t, variants),
                t -> TraceAgreement.closeness(t, variants), PROP_SET_ORDERS);
        Trace actual = found.trace();
        assertTrue(actual.release() == e.release(), "the trace shows " + actual.release() + ", not " + e.release());
        boolean agrees = found.accepted();
        if (agrees && !found.order().chosen().isEmpty()) {
            SQLITE.otherOrder.incrementAndGet();
        }
        judge(SQLITE, e, known, agrees, () -> {
            Trace closest = TraceAgreement.closest(actual, variants);
            String which = variants.size() == 1 ? "" : " (closest of " + variants.size() + " variants: #"
                    + (variants.indexOf(closest) + 1) + ")";
            return TraceAgreement.firstDifference(actual, closest) + which;
        });
    }

    private static void h2AgreesWithSqlite(Corpus.Entry e, KnownDifferences known) throws Exception {
        Scenario scenario = load(e);
        Assumptions.assumeTrue(scenario.database().foreignKeys(),
                "PRAGMA foreign_keys=OFF has no H2 counterpart");
        H2.total.incrementAndGet();
        Trace sqlite = withoutError(new Simulator().run(scenario, Engine.SQLITE));
        Trace h2 = withoutError(new Simulator().run(scenario, Engine.H2));
        judge(H2, e, known, TraceAgreement.agrees(h2, sqlite), () -> TraceAgreement.firstDifference(h2, sqlite));
    }

    /** Counts the outcome and passes, fails, or aborts (a known difference) the test. */
    private static void judge(Tally tally, Corpus.Entry e, KnownDifferences known, boolean agrees,
                              Supplier<String> difference) {
        if (known.contains(e)) {
            if (agrees) {
                tally.disagreeing.incrementAndGet();
                fail(e.id() + " agrees now: remove it from its known-differences file");
            }
            tally.known.incrementAndGet();
            Assumptions.abort("known difference: " + known.reason(e));
        }
        if (agrees) {
            tally.agreeing.incrementAndGet();
        } else {
            tally.disagreeing.incrementAndGet();
        }
        assertTrue(agrees, difference);
    }

    /** The scenario as the entry's release shows it, whatever release the file names. */
    private static Scenario load(Corpus.Entry e) {
        try {
            return ScenarioFiles.load(e.scenario()).withSqlalchemy(e.release());
        } catch (ScenarioException ex) {
            return fail("the scenario does not load:\n" + ex.getMessage());
        }
    }

    /** Only statements and tables are compared between the engines: their error texts differ anyway. */
    private static Trace withoutError(Trace t) {
        return new Trace(t.statements(), null, t.tables(), List.of(), null, List.of(), t.release());
    }

    private static final class Tally {
        final String name;
        final AtomicInteger total = new AtomicInteger();
        final AtomicInteger agreeing = new AtomicInteger();
        final AtomicInteger known = new AtomicInteger();
        final AtomicInteger disagreeing = new AtomicInteger();
        /** Agreeing only under another {@code _prop_set} order than the declaration order. */
        final AtomicInteger otherOrder = new AtomicInteger();

        Tally(String name) {
            this.name = name;
        }

        String summary() {
            return "Conformance (" + name + "): " + agreeing + " agreeing (" + otherOrder
                    + " of them under another _prop_set order), " + known + " known differences, "
                    + disagreeing + " disagreeing, " + total + " total";
        }
    }
}
