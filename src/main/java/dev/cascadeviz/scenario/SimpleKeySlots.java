package dev.cascadeviz.scenario;

import java.lang.reflect.Field;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;

/**
 * SnakeYAML Engine's scanner keeps its possible simple keys (at most one per flow level) in a
 * {@code LinkedHashMap<Integer, SimpleKey>}, and walks its values with a new iterator before
 * almost every token: on the 1.7 MB benchmark file some 55 MB of iterators and map entries, and
 * about a sixth of the scanner thread's time. This map holds the same entries in the same
 * (insertion) order in two small arrays and hands out one iterator again and again, and
 * {@link #install} puts it in a scanner's place of its own map (a private field, set by
 * reflection): the scanner's tokens and errors are the same, only its garbage less. When the
 * field cannot be set (another version of the library), the scanner keeps its own map.
 *
 * <p>Only for one scanner on one thread: the scanner never walks its keys while walking them.
 */
final class SimpleKeySlots<V> extends AbstractMap<Integer, V> {

    private static final Field FIELD = field();

    private int[] keys = new int[8];
    private Object[] values = new Object[8];
    private int size;
    private final Walk walk = new Walk();
    private final Values valueView = new Values();

    private static Field field() {
        try {
            Field f = ScannerImpl.class.getDeclaredField("possibleSimpleKeys");
            if (f.getType() != Map.class) {
                return null;
            }
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Gives a new scanner (before its first token) this map in place of its own; false when it cannot. */
    static boolean install(ScannerImpl scanner) {
        if (FIELD == null) {
            return false;
        }
        try {
            Map<?, ?> own = (Map<?, ?>) FIELD.get(scanner);
            if (own == null || !own.isEmpty()) {
                return false;
            }
            FIELD.set(scanner, new SimpleKeySlots<>());
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private int indexOf(Object key) {
        if (key instanceof Integer k) {
            int v = k;
            for (int i = 0; i < size; i++) {
                if (keys[i] == v) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    /** As LinkedHashMap's: a key already there keeps its place. */
    @Override
    @SuppressWarnings("unchecked")
    public V put(Integer key, V value) {
        int i = indexOf(key);
        if (i >= 0) {
            V old = (V) values[i];
            values[i] = value;
            return old;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        size++;
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V remove(Object key) {
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        V old = (V) values[i];
        removeAt(i);
        return old;
    }

    private void removeAt(int i) {
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        values[size] = null;
    }

    @Override
    public void clear() {
        Arrays.fill(values, 0, size, null);
        size = 0;
    }

    @Override
    public Collection<V> values() {
        return valueView;
    }

    @Override
    public Set<Entry<Integer, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<Integer, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<Integer, V> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], (V) values[i]);
                    }

                    @Override
                    public void remove() {
                        if (next == 0) {
                            throw new IllegalStateException();
                        }
                        removeAt(--next);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    private final class Values extends AbstractCollection<V> {
        @Override
        public Iterator<V> iterator() {
            walk.next = 0;
            walk.removable = false;
            return walk;
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** The values in order; the one instance is started again by each {@code values().iterator()}. */
    private final class Walk implements Iterator<V> {
        private int next;
        private boolean removable;

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        @SuppressWarnings("unchecked")
        public V next() {
            if (next >= size) {
                throw new NoSuchElementException();
            }
            removable = true;
            return (V) values[next++];
        }

        @Override
        public void remove() {
            if (!removable) {
                throw new IllegalStateException();
            }
            removeAt(--next);
            removable = false;
        }
    }
}
