package dev.cascadeviz.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompactRowTest {

    private static LinkedHashMap<String, Object> map(int columns) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < columns; i++) {
            m.put("c" + (columns - i), i % 3 == 0 ? null : (Object) (long) i);
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 8, 9, 40})
    void behavesAsTheMapItWasMadeFromInItsOrder(int columns) {
        LinkedHashMap<String, Object> m = map(columns);
        CompactRow row = CompactRow.of(m, new CompactRow.Shape[1]);
        assertEquals(m, row);
        assertEquals(row, m);
        assertEquals(m.hashCode(), row.hashCode());
        assertEquals(m.toString(), row.toString());
        assertEquals(new ArrayList<>(m.keySet()), new ArrayList<>(row.keySet()));
        assertEquals(new ArrayList<>(m.values()), new ArrayList<>(row.values()));
        for (String k : m.keySet()) {
            assertTrue(row.containsKey(k));
            assertEquals(m.get(k), row.get(k));
        }
        assertFalse(row.containsKey("nope"));
        assertNull(row.get("nope"));
        List<String> seen = new ArrayList<>();
        row.forEach((k, v) -> seen.add(k + "=" + v));
        List<String> expected = new ArrayList<>();
        m.forEach((k, v) -> expected.add(k + "=" + v));
        assertEquals(expected, seen);
    }

    @Test
    void isReadOnly() {
        CompactRow row = CompactRow.of(map(3), new CompactRow.Shape[1]);
        assertThrows(UnsupportedOperationException.class, () -> row.put("c1", 5L));
        assertThrows(UnsupportedOperationException.class, () -> row.remove("c1"));
        assertThrows(UnsupportedOperationException.class, () -> row.entrySet().iterator().next().setValue(1L));
        assertThrows(UnsupportedOperationException.class, () -> row.keySet().remove("c1"));
    }

    @Test
    void rowsWithTheSameKeysShareOneShapeAndACompactRowIsNotCopied() {
        CompactRow.Shape[] last = new CompactRow.Shape[1];
        CompactRow a = CompactRow.of(Map.of("id", 1L), last);
        CompactRow.Shape first = last[0];
        CompactRow b = CompactRow.of(Map.of("id", 2L), last);
        assertSame(first, last[0]);
        assertSame(a.keySet(), b.keySet());
        assertSame(b, CompactRow.of(b, last));
        CompactRow.of(Map.of("name", "x"), last);
        assertFalse(first == last[0], "other keys, another shape");
    }

    @Test
    void refusesValuesThatDoNotFitItsShape() {
        assertThrows(IllegalArgumentException.class,
                () -> new CompactRow(new CompactRow.Shape(List.of("a", "b")), new Object[1]));
    }

    @Test
    void rowsCopiedOneAtATimeWithTheSameNamesShareOneShape() {
        LinkedHashMap<String, Object> m = map(3);
        CompactRow a = CompactRow.copyOf(m);
        m.put("c3", 99L);
        CompactRow b = CompactRow.copyOf(m);
        assertEquals(map(3), a, "a copy: a later change to the map does not reach it");
        assertSame(a.keySet(), b.keySet());
        assertSame(b, CompactRow.copyOf(b));
        assertFalse(a.keySet() == CompactRow.copyOf(map(4)).keySet(), "other names, another shape");
    }

    @Test
    void withValuesIsTheRowItselfWhenNoValueChangesAndACopyOtherwise() {
        CompactRow row = CompactRow.of(map(3), new CompactRow.Shape[1]);
        assertSame(row, row.withValues(v -> v));
        CompactRow doubled = row.withValues(v -> v == null ? null : (Long) v * 2);
        assertEquals(map(3), row, "the row itself is unchanged");
        assertEquals(4L, doubled.get("c1"));
        assertNull(doubled.get("c3"));
        assertSame(row.keySet(), doubled.keySet());
    }
}
