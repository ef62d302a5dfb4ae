package dev.cascadeviz.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.library.ScenarioLibrary;
import dev.cascadeviz.model.PassiveDeletes;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.orm.Simulator;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.TraceComparison.Side;
import dev.cascadeviz.trace.TraceComparison.StatementStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Comparisons of library lessons run by the real simulator. */
class ComparisonTest {

    private static Scenario lesson(String file) throws Exception {
        return ScenarioFiles.parse(ScenarioLibrary.text(file), file);
    }

    private static Comparison compare(Scenario a, Scenario b) throws Exception {
        return Comparison.run(new Simulator()::run, new CompareRun("left", a), new CompareRun("right", b));
    }

    private static EdgeVariants.Variant variant(MappedEdge edge, String label) {
        return EdgeVariants.of(edge).stream().filter(v -> v.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void passiveDeletesWithADatabaseCascadeSendsTwoStatementsWhereLoadingTheSongsSendsFour() throws Exception {
        Scenario passive = lesson("13-artists-passive-deletes.yaml");
        MappedEdge songs = MappedEdge.find(passive, "Artist", "songs");
        Scenario loading = variant(songs, "passive_deletes=False").change().apply(passive);
        Comparison c = compare(passive, loading);
        assertEquals(2, c.diff().statementCount(Side.LEFT));
        assertEquals(4, c.diff().statementCount(Side.RIGHT));
        assertEquals(List.of(StatementStatus.SAME, StatementStatus.SAME), c.diff().statements(Side.LEFT));
        assertEquals(2, c.diff().differingStatements(Side.RIGHT));
        assertTrue(c.diff().sameTables(), "both end with the same tables");
    }

    @Test
    void rowsLoadedCountTheSongsOnlyTheLoadingSideSelects() throws Exception {
        Scenario passive = lesson("13-artists-passive-deletes.yaml");
        Scenario loading = variant(MappedEdge.find(passive, "Artist", "songs"), "passive_deletes=False").change().apply(passive);
        Comparison c = compare(passive, loading);
        assertEquals(1, c.loadedRows(Side.LEFT));
        assertTrue(c.loadedRows(Side.RIGHT) > 1, "the artist and its songs: " + c.loadedRows(Side.RIGHT));
    }

    @Test
    void ormCascadeAgainstOndeleteOnlyDiffersInTheSongTable() throws Exception {
        Comparison c = compare(lesson("10-artists-orm-cascade.yaml"), lesson("11-artists-ondelete-only.yaml"));
        assertFalse(c.diff().sameTables());
        var song = c.diff().tables().stream().filter(t -> t.table().equals("song")).findFirst().orElseThrow();
        assertTrue(song.differs());
        var differing = c.metrics().stream().filter(Comparison.Metric::differs).map(Comparison.Metric::name).toList();
        assertTrue(differing.contains("Rows that differ"), differing.toString());
    }

    @Test
    void variantsLeaveOutTheCurrentSettingAndApplyTheirs() throws Exception {
        Scenario passive = lesson("13-artists-passive-deletes.yaml");
        MappedEdge songs = MappedEdge.find(passive, "Artist", "songs");
        List<String> labels = EdgeVariants.of(songs).stream().map(EdgeVariants.Variant::label).toList();
        assertFalse(labels.contains("passive_deletes=True"), labels.toString());
        assertTrue(labels.contains("passive_deletes='all'"), labels.toString());
        assertTrue(labels.stream().anyMatch(l -> l.startsWith("no ON DELETE rule")), labels.toString());
        Scenario all = variant(songs, "passive_deletes='all'").change().apply(passive);
        assertEquals(PassiveDeletes.ALL, all.mappedClass("Artist").relationship("songs").effectivePassiveDeletes());
    }

    @Test
    void describesAnEdgeAsItsPythonReads() throws Exception {
        Scenario passive = lesson("13-artists-passive-deletes.yaml");
        String d = EdgeVariants.describe(passive, "Artist", "songs");
        assertTrue(d.contains("passive_deletes=True") && d.contains("ondelete=\"CASCADE\""), d);
    }
}
