package dev.cascadeviz.scenario;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The entries of a {@link Node.MapNode}: an unmodifiable map in file order held in two arrays
 * (a hash index only past {@value #SMALL} keys). A 37,000-row file has a mapping per row, and
 * this is a fifth of the size of a LinkedHashMap behind an unmodifiable view.
 */
final class Entries extends AbstractMap<String, Node.Entry> {

    private static final int SMALL = 8;
    static final Entries EMPTY = new Entries(new String[0], new Node.Entry[0], 0);

    private final String[] keys;
    private final Node.Entry[] values;
    private final int size;
    private final Map<String, Integer> index;

    private Entries(String[] keys, Node.Entry[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
        if (size > SMALL) {
            index = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                index.put(keys[i], i);
            }
        } else {
            index = null;
        }
    }

    static Entries copyOf(Map<String, Node.Entry> map) {
        if (map instanceof Entries e) {
            return e;
        }
        Builder b = new Builder();
        map.values().forEach(b::add);
        return b.build();
    }

    private int indexOf(Object key) {
        if (index != null) {
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Node.Entry get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    /** The entries in order, straight from the array (no Map.Entry made per entry). */
    @Override
    public Collection<Node.Entry> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<Node.Entry> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Node.Entry next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        return values[next++];
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    @Override
    public Set<Map.Entry<String, Node.Entry>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Node.Entry>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, Node.Entry> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** Collects entries in order; {@link #add} refuses a key it has already. */
    static final class Builder {
        private String[] keys = new String[4];
        private Node.Entry[] values = new Node.Entry[4];
        private int size;
        private Map<String, Integer> index;

        /** The entry given earlier for this key, or null. */
        Node.Entry get(String key) {
            if (index != null) {
                Integer i = index.get(key);
                return i == null ? null : values[i];
            }
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    return values[i];
                }
            }
            return null;
        }

        /** Adds the entry unless its key is there already; true when added. */
        boolean add(Node.Entry entry) {
            if (get(entry.key()) != null) {
                return false;
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = entry.key();
            values[size] = entry;
            if (index == null && size >= SMALL) {
                index = new HashMap<>();
                for (int i = 0; i < size; i++) {
                    index.put(keys[i], i);
                }
            }
            if (index != null) {
                index.put(entry.key(), size);
            }
            size++;
            return true;
        }

        Entries build() {
            return size == 0 ? EMPTY : new Entries(keys, values, size);
        }
    }
}
