package dev.cascadeviz.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.tokens.ScalarToken;
import org.snakeyaml.engine.v2.tokens.Token;

/**
 * SnakeYAML's scanner with {@link SimpleKeySlots} in place of its own map gives the same tokens,
 * at the same places, and the same errors as without it.
 */
class SimpleKeySlotsTest {

    /** Every token (kind, scalar value and style, start and end marks) and the error that ended the scan. */
    private static List<String> tokens(String text, boolean marks, boolean slots) {
        LoadSettings settings = LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).setUseMarks(marks).build();
        ScannerImpl scanner = new ScannerImpl(settings, new StreamReader(settings, text));
        if (slots) {
            assertTrue(SimpleKeySlots.install(scanner), "this version of SnakeYAML Engine takes the map");
        }
        List<String> out = new ArrayList<>();
        try {
            while (true) {
                Token t = scanner.peekToken();
                scanner.next();
                String value = t instanceof ScalarToken s ? " " + s.getValue() + " " + s.getStyle() + " " + s.isPlain() : "";
                out.add(t.getTokenId() + value + " " + t.getStartMark().map(m -> m.getIndex() + ":" + m.getLine() + ":" + m.getColumn()).orElse("-")
                        + " " + t.getEndMark().map(m -> m.getIndex() + ":" + m.getLine() + ":" + m.getColumn()).orElse("-"));
                if (t.getTokenId() == Token.ID.StreamEnd) {
                    return out;
                }
            }
        } catch (YamlEngineException e) {
            out.add("error: " + e);
            return out;
        }
    }

    private static void assertSameTokens(String text) {
        for (boolean marks : new boolean[] {true, false}) {
            assertEquals(tokens(text, marks, false), tokens(text, marks, true), "marks " + marks + ", text:\n" + text);
        }
    }

    @Test
    void everyFileOfTheCorpusAndTheLibraryScansTheSame() throws IOException {
        List<Path> files;
        try (Stream<Path> corpus = Files.walk(Path.of("src/test/resources/conformance/scenarios"));
             Stream<Path> library = Files.list(Path.of("assets/scenarios"))) {
            files = Stream.concat(corpus, library).filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() > 1000, "the corpus is there: " + files.size());
        for (Path f : files) {
            assertSameTokens(Files.readString(f, StandardCharsets.UTF_8));
        }
    }

    @Test
    void simpleKeysThatGoStaleAndBrokenFilesGiveTheSameErrors() {
        List<String> texts = List.of(
                "a: 1\nfoo\nbar: 2\n",
                "x".repeat(2000) + ": 1\n",
                "{" + "k".repeat(1100) + ": 1}\n",
                "a: {b: {c: [d, {e: f}], g: h}, i: j}\n",
                "a: {b: [c,\n  d: e]}\n",
                "? complex\n: value\n",
                "a: [b, c\nd: e\n",
                "tables: [\n",
                "a: b\n c: d\n",
                "a:\n\t- b\n",
                "[a, b]: c\n{d: e}: f\n",
                "- {a: 1}\n- [b: 2, c]\n- {? d}\n",
                "'unterminated\n",
                "a: \"multi\n  line\" \nb: 1\n");
        for (String text : texts) {
            assertSameTokens(text);
        }
        assertTrue(tokens("a: 1\nfoo\nbar: 2\n", true, true).get(tokens("a: 1\nfoo\nbar: 2\n", true, true).size() - 1)
                .contains("could not find expected ':'"), "a stale required key is the scanner's error");
    }

    /** The map itself, against LinkedHashMap, under random puts, removes, clears and walks that remove. */
    @Test
    void behavesAsALinkedHashMapDoes() {
        Random random = new Random(14);
        Map<Integer, String> expected = new LinkedHashMap<>();
        SimpleKeySlots<String> slots = new SimpleKeySlots<>();
        for (int step = 0; step < 20_000; step++) {
            int key = random.nextInt(12);
            switch (random.nextInt(6)) {
                case 0, 1 -> assertEquals(expected.put(key, "v" + step), slots.put(key, "v" + step));
                case 2 -> assertEquals(expected.remove(key), slots.remove(key));
                case 3 -> {
                    Iterator<String> e = expected.values().iterator();
                    Iterator<String> s = slots.values().iterator();
                    while (e.hasNext()) {
                        assertTrue(s.hasNext());
                        assertEquals(e.next(), s.next());
                        if (random.nextInt(3) == 0) {
                            e.remove();
                            s.remove();
                        }
                    }
                    assertEquals(false, s.hasNext());
                }
                case 4 -> {
                    if (random.nextInt(50) == 0) {
                        expected.clear();
                        slots.clear();
                    }
                }
                default -> {
                    assertEquals(expected.get(key), slots.get(key));
                    assertEquals(expected.containsKey(key), slots.containsKey(key));
                }
            }
            assertEquals(expected.isEmpty(), slots.isEmpty());
            assertEquals(expected, slots);
            assertEquals(new ArrayList<>(expected.values()), new ArrayList<>(slots.values()));
        }
    }
}
