package dev.cascadeviz.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntriesTest {

    private static Node.Entry entry(String key, int line) {
        return new Node.Entry(key, new Node.Pos(line, 1), new Node.Scalar(new Node.Pos(line, 5), Node.Kind.INTEGER, (long) line, "" + line));
    }

    /** Sizes below, at and past the point where a hash index is added. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 8, 9, 40})
    void keepsEntriesInTheOrderGivenAndFindsEachByItsKey(int size) {
        Entries.Builder b = new Entries.Builder();
        Map<String, Node.Entry> expected = new LinkedHashMap<>();
        for (int i = size; i > 0; i--) {
            Node.Entry e = entry("k" + i, i);
            assertTrue(b.add(e));
            expected.put(e.key(), e);
        }
        Entries entries = b.build();
        assertEquals(expected, entries);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(entries.keySet()));
        assertEquals(List.copyOf(expected.values()), new ArrayList<>(entries.values()));
        for (String k : expected.keySet()) {
            assertEquals(expected.get(k), entries.get(k));
            assertTrue(entries.containsKey(k));
        }
        assertNull(entries.get("absent"));
        assertFalse(entries.containsKey("absent"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8, 12})
    void refusesASecondEntryForAKeyItHasAlready(int size) {
        Entries.Builder b = new Entries.Builder();
        for (int i = 0; i < size; i++) {
            b.add(entry("k" + i, i + 1));
        }
        assertFalse(b.add(entry("k0", 99)));
        assertEquals(1, b.get("k0").keyPos().line());
        assertEquals(size, b.build().size());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 10})
    void cannotBeChanged(int size) {
        Entries.Builder b = new Entries.Builder();
        for (int i = 0; i < size; i++) {
            b.add(entry("k" + i, i + 1));
        }
        Entries entries = b.build();
        assertThrows(UnsupportedOperationException.class, () -> entries.put("x", entry("x", 1)));
        assertThrows(UnsupportedOperationException.class, () -> entries.remove("k0"));
        assertThrows(UnsupportedOperationException.class, entries::clear);
    }
}
