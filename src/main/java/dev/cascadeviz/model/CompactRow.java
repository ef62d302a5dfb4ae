package dev.cascadeviz.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A read-only row: its column names shared with every row of the same {@link Shape}, its values
 * in one array. A row of three columns takes about 56 bytes here where a LinkedHashMap took
 * about 330 (the map, its table, three entries, the read-only wrapper and its cached views):
 * 10^6 rows kept by the scenario and again by the trace's tables cost over 500 MB that way.
 * Equal to any map with the same entries; iterates in the shape's order.
 */
public final class CompactRow extends AbstractMap<String, Object> {

    /** Column names in order, shared by the rows that have exactly these keys. */
    public static final class Shape {
        private static final int SCAN = 8;
        private final String[] names;
        private final Map<String, Integer> index;
        private final Set<String> keys;

        public Shape(List<String> names) {
            this.names = names.toArray(new String[0]);
            Map<String, Integer> map = this.names.length > SCAN ? new HashMap<>(this.names.length * 2) : null;
            for (int i = 0; map != null && i < this.names.length; i++) {
                map.put(this.names[i], i);
            }
            this.index = map;
            this.keys = Collections.unmodifiableSet(new LinkedHashSet<>(names));
        }

        public int size() {
            return names.length;
        }

        public String name(int i) {
            return names[i];
        }

        /** True when the names are exactly these, in this order. */
        public boolean is(List<String> other) {
            if (other.size() != names.length) {
                return false;
            }
            for (int i = 0; i < names.length; i++) {
                if (!names[i].equals(other.get(i))) {
                    return false;
                }
            }
            return true;
        }

        int indexOf(Object key) {
            if (index != null) {
                Integer i = index.get(key);
                return i == null ? -1 : i;
            }
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }
    }

    private final Shape shape;
    private final Object[] values;

    /**
     * The row itself when it is a CompactRow already (read-only, nothing to copy), else a copy in
     * the map's order, sharing the shape in {@code last[0]} when the keys are the same (and
     * leaving the new shape there otherwise), so a list of rows of one table shares one shape.
     */
    public static CompactRow of(Map<String, Object> row, Shape[] last) {
        return row instanceof CompactRow c ? c : split(row, keys -> {
            if (last[0] == null || !last[0].is(keys)) {
                last[0] = new Shape(keys);
            }
            return last[0];
        });
    }

    /** A copy of a map's entries in its order, with the shape {@code shapeOf} gives for its names. */
    private static CompactRow split(Map<String, Object> row, Function<List<String>, Shape> shapeOf) {
        String[] names = new String[row.size()];
        Object[] values = new Object[names.length];
        int i = 0;
        for (Map.Entry<String, Object> e : row.entrySet()) {
            names[i] = e.getKey();
            values[i++] = e.getValue();
        }
        return new CompactRow(shapeOf.apply(Arrays.asList(names)), values);
    }

    /** Shapes by their names, for {@link #copyOf}: a model has few, a run's rows share them. */
    private static final Map<List<String>, Shape> SHAPES = new ConcurrentHashMap<>();
    private static final int MAX_SHAPES = 4096;

    /**
     * The row itself when it is a CompactRow already, else a read-only copy in the map's order
     * whose shape is shared with every row copied with the same names (for rows made one at a
     * time, where {@link #of}'s "last shape" has no list to share it along).
     */
    public static CompactRow copyOf(Map<String, Object> row) {
        return row instanceof CompactRow c ? c : split(row, CompactRow::sharedShape);
    }

    private static Shape sharedShape(List<String> names) {
        Shape shape = SHAPES.get(names);
        if (shape == null) {
            if (SHAPES.size() >= MAX_SHAPES) {
                SHAPES.clear(); // only a memo: rows keep their shapes
            }
            shape = SHAPES.computeIfAbsent(List.copyOf(names), Shape::new);
        }
        return shape;
    }

    /**
     * True when this row has exactly these names in this order and these values, equal in type
     * too (1 and 1L differ): the two are then interchangeable.
     */
    public boolean holds(Shape other, Object[] otherValues) {
        return (other == shape || Arrays.equals(other.names, shape.names)) && Arrays.equals(otherValues, values);
    }

    /** This row with {@code f} applied to every value; the row itself when {@code f} returns every value as it is. */
    public CompactRow withValues(UnaryOperator<Object> f) {
        Object[] out = null;
        for (int i = 0; i < values.length; i++) {
            Object v = f.apply(values[i]);
            if (v != values[i]) {
                if (out == null) {
                    out = values.clone();
                }
                out[i] = v;
            }
        }
        return out == null ? this : new CompactRow(shape, out);
    }

    /**
     * @param values one value per name of the shape, in its order; the row keeps the array, so
     *               the caller must not change it afterwards
     */
    public CompactRow(Shape shape, Object[] values) {
        if (values.length != shape.size()) {
            throw new IllegalArgumentException(values.length + " values for " + shape.size() + " columns");
        }
        this.shape = shape;
        this.values = values;
    }

    @Override
    public Object get(Object key) {
        int i = shape.indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return shape.indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return values.length;
    }

    /** The shape's own key set, shared by its rows (AbstractMap would keep a view in every row). */
    @Override
    public Set<String> keySet() {
        return shape.keys;
    }

    @Override
    public Collection<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < values.length; i++) {
            action.accept(shape.names[i], values[i]);
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(shape.names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
