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
    }

    /** A mapping key, where it was written, and its value. */
    record Entry(String key, Pos keyPos, Node value) {
    }

    record MapNode(Pos pos, Map<String, Entry> entries) implements Node {
        public MapNode {
            entries = Entries.copyOf(entries);
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

    record ListNode(Pos pos, List<Node> items) implements Node {
        public ListNode {
            items = List.copyOf(items);
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
    record Scalar(Pos pos, Kind kind, Object value, String text) implements Node {

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
