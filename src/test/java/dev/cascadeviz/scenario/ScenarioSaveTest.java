package dev.cascadeviz.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class ScenarioSaveTest {

    private static Scenario full() throws ScenarioException {
        return ScenarioFiles.load(ScenarioLoadTest.resource("artist-songs.yaml"));
    }

    @Test
    void savedFileLoadsBackToTheSameScenario(@TempDir Path dir) throws Exception {
        Scenario s = full();
        Path file = dir.resolve("out.yaml");
        ScenarioFiles.save(s, file);
        assertEquals(s, ScenarioFiles.load(file));
    }

    @Test
    void savingTwiceGivesIdenticalBytes(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.yaml");
        Path b = dir.resolve("b.yaml");
        ScenarioFiles.save(full(), a);
        ScenarioFiles.save(ScenarioFiles.load(a), b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void writesInTheStyleOfTheFormatDocument() throws Exception {
        String yaml = ScenarioFiles.toYaml(ScenarioFiles.parse(Refusals.BASE + """
                title: Artist and songs
                notes: |
                  Line one.
                  Line two.
                steps:
                  - delete: Artist(1)
                  - commit
                layout:
                  Artist: [120, 80]
                """, "style.yaml"));
        assertEquals("""
                format: 1
                title: Artist and songs
                notes: |
                  Line one.
                  Line two.
                tables:
                  artist:
                    columns:
                      id: {type: integer, primary_key: true}
                      name: {type: string, length: 50, nullable: false}
                  song:
                    columns:
                      id: {type: integer, primary_key: true}
                      artist_id: {type: integer, foreign_key: artist.id}
                classes:
                  Artist:
                    table: artist
                    relationships:
                      songs: {target: Song, back_populates: artist}
                  Song:
                    table: song
                    relationships:
                      artist: {target: Artist, back_populates: songs}
                rows:
                  artist:
                    - {id: 1, name: Nirvana}
                  song:
                    - {id: 1, artist_id: 1}
                steps:
                  - delete: Artist(1)
                  - commit
                layout:
                  Artist: [120, 80]
                """, yaml);
    }

    @Test
    void writesLongRelationshipsAsBlocksAndOnlyNonDefaultOptions() throws Exception {
        String yaml = ScenarioFiles.toYaml(full());
        assertTrue(yaml.contains("""
                      songs:
                        target: Song
                        cascade: all, delete
                        passive_deletes: true
                        back_populates: artist
                """), yaml);
        assertFalse(yaml.contains("nullable: true"), yaml);
        assertFalse(yaml.contains("autoincrement"), yaml);
        assertFalse(yaml.contains("h2"), yaml);
    }

    @Test
    void quotesStringsThatWouldReadBackAsSomethingElse() throws Exception {
        List<String> tricky = List.of("1", "-2", "1.5", "1e5", "0x1F", "1_000", ".inf", "yes", "No", "on", "true",
                "null", "~", "", " lead", "trail ", "a: b", "a #b", "#x", "- x", "[x]", "{x}", "*x", "&x", "!x", "%x", "@x",
                "`x", "'", "\"", "x, y", "2024-01-05", "12:30", "tab\there", "line\nbreak", "it's", "back\\slash",
                "ünïcödé", "=", "<<", "?", "|", ">");
        StringBuilder rows = new StringBuilder("tables:\n  t:\n    columns:\n      id: {primary_key: true}\n"
                + "      s: {type: text}\nrows:\n  t:\n");
        List<Map<String, Object>> expected = new ArrayList<>();
        for (int i = 0; i < tricky.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", (long) i);
            row.put("s", tricky.get(i));
            expected.add(row);
            rows.append("    - {id: ").append(i).append(", s: ").append(json(tricky.get(i))).append("}\n");
        }
        Scenario s = ScenarioFiles.parse(rows.toString(), "tricky.yaml");
        assertEquals(expected, s.rowsOf("t"));
        Scenario back = ScenarioFiles.parse(ScenarioFiles.toYaml(s), "back.yaml");
        assertEquals(s, back);
        Scenario titled = s.withTitle("a: b # c");
        assertEquals(titled, ScenarioFiles.parse(ScenarioFiles.toYaml(titled), "titled.yaml"));
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** Wherever the scenario library keeps its files (assets/scenarios, or as resources). */
    private static final List<Path> LIBRARY = List.of(Path.of("assets", "scenarios"),
            Path.of("src", "main", "resources", "assets", "scenarios"));

    @TestFactory
    Stream<DynamicTest> everyBundledScenarioRoundTrips() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : LIBRARY) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    list.filter(p -> p.toString().endsWith(".yaml") && isScenario(p)).sorted().forEach(files::add);
                }
            }
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Scenario s = ScenarioFiles.load(file);
            String yaml = ScenarioFiles.toYaml(s);
            assertEquals(s, ScenarioFiles.parse(yaml, file + " (saved)"));
            assertEquals(yaml, ScenarioFiles.toYaml(ScenarioFiles.parse(yaml, file + " (saved)")));
        }));
    }

    /** Scenario files have a top-level tables section; the library's index file does not. */
    private static boolean isScenario(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(l -> l.startsWith("tables:"));
        } catch (IOException e) {
            return true; // let the load report it
        }
    }

    @Test
    void aWriteThatFailsMidwayLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scenario.yaml");
        byte[] old = "title: old\n# a comment the user wrote\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, old);
        IOException thrown = assertThrows(IOException.class, () -> ScenarioFiles.save(full(), file, (text, out) -> {
            out.write(text, 0, text.length() / 2);
            out.flush();
            throw new IOException("disk full");
        }));
        assertEquals("disk full", thrown.getMessage());
        assertArrayEquals(old, Files.readAllBytes(file));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList());
        }
    }

    @Test
    void aSaveReplacesTheOldFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, "title: old\n");
        ScenarioFiles.save(full(), file);
        assertEquals(ScenarioFiles.toYaml(full()), Files.readString(file));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList());
        }
    }

    @Test
    void aSaveToAMissingFolderFailsWithoutCreatingAnything(@TempDir Path dir) {
        Path file = dir.resolve("missing").resolve("scenario.yaml");
        assertThrows(IOException.class, () -> ScenarioFiles.save(full(), file));
        assertFalse(Files.exists(dir.resolve("missing")));
    }
}
