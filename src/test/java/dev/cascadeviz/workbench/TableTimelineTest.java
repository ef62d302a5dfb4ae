package dev.cascadeviz.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.fixtures.TestScenarios;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.orm.Simulator;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The timeline steps both ways to exactly the tables a replay from the start shows
 * ({@link TableReplay#after}), and the rows each move hands out rebuild those tables when put
 * at their positions in what a view held before: forward, backward, jumping, across COMMIT and
 * ROLLBACK, on real runs of the conformance scenarios.
 */
class TableTimelineTest {

    /** What a view holds: the first snapshot, then each move's rows put at their positions. */
    private static void apply(Map<String, List<RowState>> view, TableTimeline.Move move) {
        move.tables().forEach((table, change) -> {
            List<RowState> rows = view.computeIfAbsent(table, t -> new ArrayList<>());
            while (rows.size() > change.size()) {
                rows.remove(rows.size() - 1);
            }
            for (TableTimeline.RowAt at : change.rows()) {
                if (at.index() < rows.size()) {
                    rows.set(at.index(), at.row());
                } else {
                    assertEquals(rows.size(), at.index(), "rows are added at the end, in order");
                    rows.add(at.row());
                }
            }
            assertEquals(change.size(), rows.size(), table);
            assertEquals(rows.stream().filter(r -> !r.isDeleted()).count(), change.live(), table);
        });
    }

    private static void assertSameTables(Map<String, List<RowState>> expected, Map<String, List<RowState>> actual, String where) {
        for (var e : expected.entrySet()) {
            List<RowState> want = e.getValue();
            List<RowState> got = actual.getOrDefault(e.getKey(), List.of());
            assertEquals(want.size(), got.size(), where + ": rows of " + e.getKey());
            for (int i = 0; i < want.size(); i++) {
                assertTrue(want.get(i).sameAs(got.get(i)), where + ": " + e.getKey() + " row " + i + ": "
                        + want.get(i).shown() + " " + want.get(i).note() + " / " + got.get(i).shown() + " " + got.get(i).note()
                        + " current " + want.get(i).isCurrent() + "/" + got.get(i).isCurrent());
            }
        }
    }

    private static Map<String, List<RowState>> copy(Map<String, List<RowState>> m) {
        Map<String, List<RowState>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
        return out;
    }

    private static void walk(Scenario s, Trace trace, List<Integer> targets, String name) {
        TableTimeline timeline = TableTimeline.start(s, trace);
        Map<String, List<RowState>> view = copy(timeline.snapshot());
        assertSameTables(TableReplay.after(s, trace, 0), view, name + " at the start");
        for (int target : targets) {
            TableTimeline.Move move = timeline.moveTo(target);
            apply(view, move);
            String where = name + " at " + target;
            assertEquals(Math.min(target, trace.statements().size()), move.count(), where);
            Map<String, List<RowState>> expected = TableReplay.after(s, trace, target);
            assertSameTables(expected, timeline.snapshot(), where + " (timeline)");
            assertSameTables(expected, view, where + " (view)");
        }
    }

    private static List<Integer> forwardBackAndJumps(int n, long seed) {
        List<Integer> targets = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            targets.add(i);
        }
        for (int i = n; i >= 0; i--) {
            targets.add(i);
        }
        Random random = new Random(seed);
        for (int i = 0; i < 3 * n + 5; i++) {
            targets.add(random.nextInt(n + 2));
        }
        return targets;
    }

    private static List<Path> scenarios(String folder) throws Exception {
        Path dir = Path.of(TableTimelineTest.class.getResource("/conformance/scenarios/" + folder).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void stepsLikeAReplayFromTheStartOnTheConformanceScenarios() throws Exception {
        int withRollback = 0;
        int walked = 0;
        List<Path> files = new ArrayList<>(scenarios("generated/interleaved"));
        files.addAll(scenarios("fidelity"));
        files.addAll(scenarios("sqla"));
        files.addAll(scenarios("generated/save_key_change")); // primary keys changed: a row moves to its new key and back
        files.addAll(scenarios("generated/save_composite_keys"));
        files.addAll(scenarios("save"));
        for (Path file : files) {
            Scenario s = ScenarioFiles.load(file);
            Trace trace = new Simulator().run(s, s.database().engine());
            if (trace.transactions().stream().anyMatch(e -> "ROLLBACK".equals(e.kind()) && e.statements() > 0)) {
                withRollback++;
            }
            walk(s, trace, forwardBackAndJumps(trace.statements().size(), file.getFileName().toString().hashCode()),
                    file.getFileName().toString());
            walked++;
        }
        assertTrue(walked > 50, "scenarios walked: " + walked);
        assertTrue(withRollback > 0, "some runs roll back a transaction that had statements");
    }

    @Test
    void aMoveHandsOutOnlyTheRowsItChanged() {
        Scenario s = TestScenarios.artistSongs("all, delete", true);
        Trace trace = TestScenarios.cascadeDeleteTrace(s);
        TableTimeline timeline = TableTimeline.start(s, trace);
        TableTimeline.Move first = timeline.moveTo(0);
        assertTrue(first.tables().isEmpty(), "nothing moved");
        TableTimeline.Move third = timeline.moveTo(3);
        int handedOut = third.tables().values().stream().mapToInt(c -> c.rows().size()).sum();
        int rows = TableReplay.after(s, trace, 3).values().stream().mapToInt(List::size).sum();
        assertTrue(handedOut < rows, handedOut + " of " + rows);
        TableTimeline.RowAt song = third.tables().get("song").rows().get(0);
        assertTrue(song.row().isDeleted());
        assertTrue(song.row().isCurrent());
        TableTimeline.Move back = timeline.moveTo(2);
        assertFalse(back.tables().get("song").rows().get(0).row().isDeleted(), "a step back puts the row back");
        assertTrue(song.row().isDeleted(), "a row handed out is a copy: a later move does not change it");
    }
}
