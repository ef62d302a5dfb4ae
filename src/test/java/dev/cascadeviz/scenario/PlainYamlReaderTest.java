package dev.cascadeviz.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast reader must give exactly Jackson's tree (every position, kind, value and text, keys
 * in order) or give up; it must never accept what Jackson refuses.
 */
class PlainYamlReaderTest {

    private static final List<Path> FOLDERS = List.of(Path.of("src/test/resources"), Path.of("assets/scenarios"));

    private static List<Path> yamlFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path folder : FOLDERS) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                            .forEach(out::add);
                }
            }
        }
        return out;
    }

    /** Asserts the fast reader agrees with Jackson on text; true when it read it rather than gave up. */
    private static boolean agreesWithJackson(String text, String what) {
        Node plain = PlainYamlReader.read(text);
        if (plain == null) {
            return false;
        }
        Problems problems = new Problems(what);
        Node jackson = TreeReader.readWithJackson(text, false, problems);
        if (problems.count() != 0) {
            fail(what + ": read plainly, but Jackson finds a problem: " + problems.sorted());
        }
        same(jackson, plain, what + " at the root");
        return true;
    }

    private static void same(Node expected, Node actual, String where) {
        assertEquals(expected.pos(), actual.pos(), where);
        assertEquals(expected.getClass(), actual.getClass(), where + " " + expected.pos());
        if (expected instanceof Node.MapNode m) {
            Map<String, Node.Entry> a = ((Node.MapNode) actual).entries();
            assertEquals(List.copyOf(m.entries().keySet()), List.copyOf(a.keySet()), where + " " + m.pos());
            for (Node.Entry e : m.entries().values()) {
                Node.Entry other = a.get(e.key());
                assertEquals(e.keyPos(), other.keyPos(), where + " key " + e.key());
                same(e.value(), other.value(), where + " > " + e.key());
            }
        } else if (expected instanceof Node.ListNode l) {
            List<Node> items = ((Node.ListNode) actual).items();
            assertEquals(l.items().size(), items.size(), where + " " + l.pos());
            for (int i = 0; i < items.size(); i++) {
                same(l.items().get(i), items.get(i), where + " [" + i + "]");
            }
        } else {
            Node.Scalar e = (Node.Scalar) expected;
            Node.Scalar s = (Node.Scalar) actual;
            assertEquals(e.kind(), s.kind(), where + " " + e.pos());
            assertEquals(e.value(), s.value(), where + " " + e.pos());
            assertEquals(e.value() == null ? null : e.value().getClass(), s.value() == null ? null : s.value().getClass(),
                    where + " " + e.pos());
            assertEquals(e.text(), s.text(), where + " " + e.pos());
        }
    }

    @Test
    void readsEveryScenarioFileOfTheProjectExactlyAsJacksonDoes() throws IOException {
        List<Path> files = yamlFiles();
        assertTrue(files.size() > 400, "expected the conformance corpus, found " + files.size() + " files");
        List<Path> gaveUp = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (!agreesWithJackson(text, f.toString())) {
                gaveUp.add(f);
            }
        }
        // The corpus is written in the plain subset; a few files (e.g. broken on purpose) are not.
        assertTrue(gaveUp.size() * 20 < files.size(), "gave up on " + gaveUp.size() + " of " + files.size() + ": " + gaveUp);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a: 1\nb: -2\nc: 0\nd: 1.5\ne: -0.25\nf: true\ng: false\nh: null\ni: text with spaces\n",
        "# comment\n\nformat: 1   # trailing\n  # indented comment\ntitle: 'it''s quoted'\nnotes: \"double\"\n",
        "empty:\nlast:",
        "empty:   \nnext: x\nempty2: # a comment\nz: 1\n",
        "rows:\n  t:\n  - {id: 1, name: n1}\n  - {id: 2, name: 'a, b', when: 2024-01-31}\n  u: []\n  v: {}\n",
        "steps:\n- {delete: Level0(1)}\n- commit\n-   flush\n",
        "list:\n  - k: 1\n    j: null\n  - k: 2\n  - [1, [2, 3], {a: b}]\nafter: 1\n",
        "deep:\n  a:\n    b:\n      c: 1\n    d: 2\n  e: 3\nf: 4",
        "layout:\n  Artist: [100, 200.5]\n  Song: [ -10 ,  0 ]\n",
        "k: Künstler Ölfass\nl: naïve/path_(x)\nm: don't\n",
        "k: {a: 'x', b: \"y z\", c: [ ], d: { }}\n",
        "a: 123456789012345678\nb: 1.000000000000001\n",
        "notes: |\n  line one\n\n    indented # not a comment\n  last\n\n\ntitle: x\n",
        "notes: |-\n  stripped\n  # content\n# a comment\nz: 1\n",
        "a:\n  notes: |\n    deep\n  b: 2\n",
        "notes: 1 -> 2, 3; 2 -> 4 (three levels) \"quoted\" [x] {y}\n",
        "a: C#\nb: x#y\nc: http://x.org/a?b=c\nd: .hidden\ne: ~tilde\nf: -> x\ng: 1st\nh: 12 monkeys\n",
    })
    void readsTheSubsetExactlyAsJacksonDoes(String text) {
        assertTrue(agreesWithJackson(text, text), "gave up on the plain subset: " + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a: 1\na: 2\n",
        "a: {b: 1, b: 2}\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: |+\n  text\n", "a: |2\n   text\n", "a: |\n\n  text\n", "a: |\n  text", "a: |\n  text\n    \n",
        "a: >\n  text\n",
        "a: plain\n  continued\n",
        "a: 'quoted\n  continued'\n",
        "a: \"esc\\n\"\n",
        "a:\tb\n",
        "a: 1\r\nb: 2\r\n",
        "---\na: 1\n",
        "a: 1\n...\n",
        "a: yes\n", "a: No\n", "a: ON\n", "a: True\n", "a: NULL\n", "a: ~\n",
        "a: 0x1F\n", "a: 017\n", "a: 1_000\n", "a: 1e5\n", "a: .5\n", "a: +1\n", "a: 1234567890123456789\n",
        "a: 10:30\n", "a: 2024-01-01 10:00:00\n",
        "a: b: c\n", "a: {b: }\n", "a: [1, 2,]\n", "a: {b: 1\n  , c: 2}\n",
        "on: 1\n", "'q': 1\n", "? a\n: 1\n",
        "  a: 1\n", "- a\n- b\n", "", "# only a comment\n",
        "a: 1\n b: 2\n", "a:\n  - x\n - y\n", "a:\n-\n",
        "a: [b: 1]\n", "a: [x#y]\n", "a: [c:d]\n",
    })
    void givesUpOnWhatIsOutsideTheSubsetOrWrong(String text) {
        assertNull(PlainYamlReader.read(text), text);
    }

    @Test
    void neverAcceptsWhatJacksonRefusesOrReadsDifferently() throws IOException {
        List<Path> files = yamlFiles();
        Random random = new Random(20240531);
        String alphabet = " \n:-#{}[],'\"&*!|>?%@`\tabc019._";
        int read = 0;
        for (int i = 0; i < 3000; i++) {
            String text = Files.readString(files.get(random.nextInt(files.size())), StandardCharsets.UTF_8);
            StringBuilder b = new StringBuilder(text);
            for (int edits = 1 + random.nextInt(3); edits > 0 && b.length() > 0; edits--) {
                int at = random.nextInt(b.length());
                switch (random.nextInt(3)) {
                    case 0 -> b.deleteCharAt(at);
                    case 1 -> b.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> b.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            if (agreesWithJackson(b.toString(), "mutation " + i)) {
                read++;
            }
        }
        assertTrue(read > 100, "the mutations should mostly stay readable, read " + read);
    }

    @Test
    void leavesAFileThatJacksonFindsEmptyToJackson() {
        assertNull(PlainYamlReader.read("\n\n# nothing\n"));
        assertNotNull(PlainYamlReader.read("a: 1"));
    }
}
