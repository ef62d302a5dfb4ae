package dev.cascadeviz.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.orm.PropSetOrder;
import dev.cascadeviz.orm.Simulator;
import dev.cascadeviz.scenario.ScenarioException;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceAgreement;
import dev.cascadeviz.trace.TraceStatement;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Java half of conformance/differential.py (run on demand, not a test): for every scenario
 * under a folder, the simulator's trace against the golden capture.py wrote for it, with the
 * same agreement rule as {@link ConformanceTest}. Prints one JSON line per scenario:
 * {@code {"file", "outcome": agree|agree-other-order|reordered|disagree|invalid|crash|no-golden,
 * "difference"}} ({@code agree-other-order}: agrees once the mappers' {@code _prop_set} is iterated
 * in another order SQLAlchemy could take, see {@link PropSetOrder}), and with
 * {@code --h2} also whether H2 ends the same way as SQLite ({@code "h2"}).
 *
 * <pre>java -cp ... dev.cascadeviz.conformance.Differential [--h2] [--release 2.0|2.1] SCENARIO-DIR GOLDEN-DIR</pre>
 * ({@code --release} runs every scenario as that release shows it, whatever its file says).
 */
public final class Differential {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Differential() {
    }

    public static void main(String[] args) throws Exception {
        int at = 0;
        boolean h2 = false;
        Release release = null;
        while (at < args.length && args[at].startsWith("--")) {
            if (args[at].equals("--h2")) {
                h2 = true;
                at++;
            } else if (args[at].equals("--release")) {
                release = Release.fromText(args[at + 1]);
                at += 2;
            } else {
                throw new IllegalArgumentException("unknown option " + args[at]);
            }
        }
        Path scenarios = Path.of(args[at]);
        Path goldens = Path.of(args[at + 1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<Path> files;
        try (Stream<Path> s = Files.walk(scenarios)) {
            files = s.filter(p -> p.toString().matches(".*\\.(yaml|yml|json)$")).sorted().toList();
        }
        for (Path file : files) {
            String relative = scenarios.relativize(file).toString().replace('\\', '/');
            Path golden = goldens.resolve(Corpus.goldenName(relative));
            out.println(JSON.writeValueAsString(judge(relative, file, golden, h2, release)));
        }
    }

    private static ObjectNode judge(String relative, Path file, Path golden, boolean h2,
                                    Release release) {
        ObjectNode r = JSON.createObjectNode();
        r.put("file", relative);
        Scenario scenario;
        try {
            scenario = ScenarioFiles.load(file);
            if (release != null) {
                scenario = scenario.withSqlalchemy(release);
            }
        } catch (ScenarioException e) {
            return r.put("outcome", "invalid").put("difference", e.getMessage());
        }
        if (!Files.exists(golden)) {
            return r.put("outcome", "no-golden");
        }
        try {
            List<Trace> variants = GoldenTraces.variants(golden);
            PropSetOrder.Found found = PropSetOrder.firstAccepted(scenario, Engine.SQLITE,
                    t -> TraceAgreement.agreesWithAny(t, variants),
                    t -> TraceAgreement.closeness(t, variants), ConformanceTest.PROP_SET_ORDERS);
            Trace actual = found.trace();
            if (actual.error() != null && actual.error().type().equals("SimulatorError")) {
                return r.put("outcome", "crash").put("difference", actual.error().message());
            }
            if (found.accepted() && found.order().chosen().isEmpty()) {
                r.put("outcome", "agree");
            } else if (found.accepted()) {
                r.put("outcome", "agree-other-order").put("difference", "agrees with _prop_set order "
                        + found.order() + " (tried " + found.tried() + ")");
            } else if (variants.stream().anyMatch(v -> sameInAnotherOrder(actual, v))) {
                r.put("outcome", "reordered").put("difference",
                        TraceAgreement.firstDifference(actual, TraceAgreement.closest(actual, variants)));
            } else {
                r.put("outcome", "disagree").put("difference",
                        TraceAgreement.firstDifference(actual, TraceAgreement.closest(actual, variants)));
            }
            if (h2 && scenario.database().foreignKeys()) {
                Trace onH2 = new Simulator().run(scenario, Engine.H2);
                String d = TraceAgreement.firstDifference(strip(onH2), strip(actual));
                r.put("h2", d == null ? "same" : d);
            }
            return r;
        } catch (Throwable e) {
            return r.put("outcome", "crash").put("difference", e.toString());
        }
    }

    /**
     * The same statements in another order, the same error and tables: SQLAlchemy iterates a
     * mapper's properties as a frozenset ({@code Mapper._prop_set}, ordered by object address)
     * when it sets up the eager loads of one class, so the order of two sibling selectin /
     * immediate / subquery loads is not fixed by anything in the model.
     */
    static boolean sameInAnotherOrder(Trace actual, Trace expected) {
        if (actual.statements().size() != expected.statements().size()) {
            return false;
        }
        List<TraceStatement> left = new ArrayList<>(expected.statements());
        for (TraceStatement s : actual.statements()) {
            int at = -1;
            for (int i = 0; i < left.size(); i++) {
                if (TraceAgreement.sameStatement(s, left.get(i))) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                return false;
            }
            left.remove(at);
        }
        Trace noStatements = new Trace(expected.statements(), actual.error(), actual.tables(), List.of(), null);
        return TraceAgreement.agrees(noStatements, expected);
    }

    private static Trace strip(Trace t) {
        return new Trace(t.statements(), null, t.tables(), List.of(), null);
    }
}
