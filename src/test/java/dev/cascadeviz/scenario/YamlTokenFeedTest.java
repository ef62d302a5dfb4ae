package dev.cascadeviz.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A large file's YAML tokens come from a scanner thread ({@link YamlTokenFeed}): the tree and
 * every problem, with its position, are the same as when the parser takes them straight from the scanner.
 */
class YamlTokenFeedTest {

    /** What a reading gives: the tree (null when refused) and the problems as printed. */
    private record Reading(Node tree, List<String> problems) {
    }

    private static Reading read(String text, boolean positions, boolean threaded) {
        Problems problems = new Problems("f.yaml");
        Node tree = TreeReader.read(text, false, problems, TreeReader.MAX_CHARS, positions, threaded ? 0 : Integer.MAX_VALUE);
        List<String> printed = new ArrayList<>();
        problems.sorted().forEach(p -> printed.add(p.toString()));
        return new Reading(tree, printed);
    }

    private static void assertSameBothWays(String text) {
        for (boolean positions : new boolean[] {true, false}) {
            Reading direct = read(text, positions, false);
            Reading threaded = read(text, positions, true);
            assertEquals(direct, threaded, "positions " + positions + ", text:\n" + text);
        }
    }

    private static final String HEAD = """
            tables:
              t:
                columns:
                  id: {type: integer, primary_key: true}
                  name: {type: string}
            rows:
              t:
            """;

    /** A file of many rows, longer than a batch of tokens many times over. */
    private static String rows(int n) {
        StringBuilder sb = new StringBuilder(HEAD);
        for (int i = 0; i < n; i++) {
            sb.append("  - {id: ").append(i).append(", name: n").append(i).append("}\n");
        }
        return sb.toString();
    }

    @Test
    void everyFileOfTheCorpusAndTheLibraryReadsTheSameBothWays() throws IOException {
        List<Path> files;
        try (Stream<Path> corpus = Files.walk(Path.of("src/test/resources/conformance/scenarios"));
             Stream<Path> library = Files.list(Path.of("assets/scenarios"))) {
            files = Stream.concat(corpus, library).filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() > 1000, "the corpus is there: " + files.size());
        for (Path f : files) {
            assertSameBothWays(Files.readString(f, StandardCharsets.UTF_8));
        }
    }

    @Test
    void aLargeFileReadsTheSameBothWays() {
        String text = rows(20_000);
        Reading threaded = read(text, false, true);
        assertEquals(read(text, false, false), threaded);
        Node.MapNode top = (Node.MapNode) threaded.tree();
        Node.ListNode t = (Node.ListNode) ((Node.MapNode) top.get("rows")).get("t");
        assertEquals(20_000, t.items().size());
    }

    @Test
    void syntaxErrorsAnywhereAreTheSameProblemAtTheSamePlace() {
        String big = rows(5_000);
        List<String> texts = List.of(
                "tables: [\n",
                "a: b\n c: d\n",
                "a:\n\t- b\n",
                big + "  - {id: 5000, name: [unclosed\n",
                big + "  - {id: 5000, name: x}\n   bad: indentation\n",
                big.substring(0, big.length() / 2) + "\n: :\n" + big.substring(big.length() / 2),
                "'unterminated\n");
        for (String text : texts) {
            Reading threaded = read(text, true, true);
            assertNull(threaded.tree(), text);
            assertFalse(threaded.problems().isEmpty(), text);
            assertSameBothWays(text);
        }
    }

    @Test
    void emptyFilesSecondDocumentsAliasesDuplicateKeysAndDeepNestingAreTheSame() {
        String deep = "a: " + "[".repeat(TreeReader.MAX_DEPTH + 5) + "]".repeat(TreeReader.MAX_DEPTH + 5) + "\n";
        List<String> texts = List.of(
                "",
                "# only a comment\n",
                "a: 1\n---\nb: 2\n",
                "a: 1\n---\nb: [unclosed\n",
                "a: &x 1\nb: *x\n",
                "a: 1\na: 2\n",
                deep + rows(3_000),
                "- just\n- a list\n",
                "plain scalar\n");
        for (String text : texts) {
            assertSameBothWays(text);
        }
        assertTrue(read(deep + rows(3_000), true, true).problems().get(0).contains("nested more than"));
    }

    @Test
    void theScannerThreadStopsWhenTheReaderStopsEarly() throws InterruptedException {
        // the reading stops at the first line (too deep) while the scanner thread has most of the file before it
        String text = "a: " + "[".repeat(TreeReader.MAX_DEPTH + 5) + "]".repeat(TreeReader.MAX_DEPTH + 5) + "\n" + rows(100_000);
        for (int i = 0; i < 5; i++) {
            assertNull(read(text, false, true).tree());
        }
        for (int waited = 0; waited < 200 && scannerThreads() > 0; waited++) {
            Thread.sleep(50);
        }
        assertEquals(0, scannerThreads(), "no scanner thread is left behind");
    }

    private static long scannerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(YamlTokenFeed.THREAD_NAME) && t.isAlive()).count();
    }
}
