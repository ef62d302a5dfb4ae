package dev.cascadeviz.scenario;

import java.util.List;
import java.util.Map;

/**
 * The file as read, before it means anything: mappings (keys in file order, each key with its
 * own position), lists and scalars that remember whether they were a number, a boolean, null
 * or a string ({@code 1}, {@code '1'} and {@code true} stay distinct).
 */
sealed interface Node {

    /** Where the node starts, 1-based. */
    Pos pos();

    /** What the node is, for messages: "a mapping", "a list", "the number 3", "the string 'x'". */
    String describe();

    record Pos(int line, int column) {
        /** The position of every node of a reading without positions (line and column 0). */
        static final Pos UNKNOWN = new Pos(0, 0);

        /**
         * The position as one long (line in the high half): a large file has millions of keys and
         * scalars, and a Pos object each cost 24 bytes more (170 MB for 10^6 rows).
         */
        static long pack(Pos pos) {
            return pos == null ? -1L : ((long) pos.line << 32) | (pos.column & 0xffffffffL);
        }

        static Pos unpack(long at) {
            return at == -1L ? null : new Pos((int) (at >> 32), (int) at);
        }
    }

    /** A mapping key, where it was written ({@link #keyPos}), and its value. */
    record Entry(String key, long keyAt, Node value) {

        Entry(String key, Pos keyPos, Node value) {
            this(key, Pos.pack(keyPos), value);
        }

        Pos keyPos() {
            return Pos.unpack(keyAt);
        }
    }

    record MapNode(long at, Map<String, Entry> entries) implements Node {
        public MapNode {
            entries = Entries.copyOf(entries);
        }

        MapNode(Pos pos, Map<String, Entry> entries) {
            this(Pos.pack(pos), entries);
        }

        @Override
        public Pos pos() {
            return Pos.unpack(at);
        }

        Node get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record ListNode(long at, List<Node> items) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        ListNode(Pos pos, List<Node> items) {
            this(Pos.pack(pos), items);
        }

        @Override
        public Pos pos() {
            return Pos.unpack(at);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    /**
     * A scalar with its YAML/JSON type.
     *
     * @param value String, Long, java.math.BigInteger (too big for a long), Double, Boolean or null
     * @param text the scalar as written
     */
    record Scalar(long at, Kind kind, Object value, String text) implements Node {

        Scalar(Pos pos, Kind kind, Object value, String text) {
            this(Pos.pack(pos), kind, value, text);
        }

        @Override
        public Pos pos() {
            return Pos.unpack(at);
        }

        boolean isString() {
            return kind == Kind.STRING;
        }

        /**
         * The scalar as written. A reader may leave it null for an integer written exactly as
         * {@code Long.toString} writes it (most of a large file's values): it is made on demand.
         */
        @Override
        public String text() {
            return text != null ? text : String.valueOf(value);
        }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "the string '" + text() + "'";
                case INTEGER, FLOAT -> "the number " + text();
                case BOOLEAN -> "the boolean " + text();
                case NULL -> "null";
            };
        }
    }
}
