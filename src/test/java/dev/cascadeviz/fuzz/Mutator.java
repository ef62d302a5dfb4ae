package dev.cascadeviz.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a mutant of a valid scenario file: one to three changes, each of a kind chosen at random:
 * structure (lines deleted, duplicated, swapped, re-indented, the file cut short), types (a value
 * replaced by one of another type), references (a name replaced by another name of the file or an
 * unknown one), bytes (flipped, inserted, deleted; invalid UTF-8, NUL, separators, a BOM) and
 * size (a line repeated hundreds of times, brackets nested a thousand deep, a very long string).
 */
final class Mutator {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern VALUE = Pattern.compile(":\\s+([^\\s,{}\\[\\]#][^,{}\\[\\]#]*)");
    private static final String[] VALUES = {"null", "[]", "{}", "1", "-1", "0", "1.5", "1e309", "-0", "true", "false",
        "''", "\"\"", "99999999999999999999999", "x", "Artist(1)", "Nope(1)", "a.b.c", "'\\u2028'", "\"\\u0000\"",
        "~", "&a", "*a", "!!binary aGk=", "[1, [2, [3]]]", "{a: {b: {c: 1}}}", ".nan", ".inf", "2026-11-30",
        "'o''brien'", "\"x\\r\\nDROP TABLE t;\"", "|\n  block", "? complex\n: key"};
    private static final String[] BYTES = {"\u0000", "\u2028", "\u2029", "\uFEFF", "\t", "\r", "\r\n", "\u0085", "\u202e",
        "\"", "'", "{", "}", "[", "]", ":", "- ", "#", "&", "*", "!", "%", "@", "`", "|", ">", "\\", "\ud800"};

    private Mutator() {
    }

    static Mutation mutate(byte[] original, Random r) {
        byte[] bytes = original;
        List<String> done = new ArrayList<>();
        int changes = 1 + r.nextInt(3);
        for (int i = 0; i < changes; i++) {
            int kind = r.nextInt(5);
            switch (kind) {
                case 0 -> bytes = structure(bytes, r, done);
                case 1 -> bytes = type(bytes, r, done);
                case 2 -> bytes = reference(bytes, r, done);
                case 3 -> bytes = raw(bytes, r, done);
                default -> bytes = size(bytes, r, done);
            }
        }
        return new Mutation(bytes, String.join("; ", done));
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> lines(byte[] b) {
        return new ArrayList<>(Arrays.asList(text(b).split("\n", -1)));
    }

    private static byte[] joined(List<String> lines) {
        return bytes(String.join("\n", lines));
    }

    private static byte[] structure(byte[] b, Random r, List<String> done) {
        List<String> lines = lines(b);
        if (lines.size() < 2) {
            return b;
        }
        int i = r.nextInt(lines.size());
        switch (r.nextInt(5)) {
            case 0 -> {
                lines.remove(i);
                done.add("deleted line " + (i + 1));
            }
            case 1 -> {
                lines.add(i, lines.get(i));
                done.add("duplicated line " + (i + 1));
            }
            case 2 -> {
                int j = r.nextInt(lines.size());
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
                done.add("swapped lines " + (i + 1) + " and " + (j + 1));
            }
            case 3 -> {
                String l = lines.get(i);
                lines.set(i, r.nextBoolean() ? "  " + l : l.replaceFirst("^ {1,2}", ""));
                done.add("re-indented line " + (i + 1));
            }
            default -> {
                int cut = r.nextInt(b.length + 1);
                done.add("cut at byte " + cut);
                return Arrays.copyOf(b, cut);
            }
        }
        return joined(lines);
    }

    private static byte[] type(byte[] b, Random r, List<String> done) {
        String s = text(b);
        List<int[]> spans = new ArrayList<>();
        Matcher m = VALUE.matcher(s);
        while (m.find()) {
            spans.add(new int[] {m.start(1), m.end(1)});
        }
        if (spans.isEmpty()) {
            return b;
        }
        int[] span = spans.get(r.nextInt(spans.size()));
        String value = VALUES[r.nextInt(VALUES.length)];
        done.add("value at char " + span[0] + " replaced by " + value.replace("\n", "\\n"));
        return bytes(s.substring(0, span[0]) + value + s.substring(span[1]));
    }

    private static byte[] reference(byte[] b, Random r, List<String> done) {
        String s = text(b);
        List<int[]> spans = new ArrayList<>();
        Matcher m = NAME.matcher(s);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return b;
        }
        int[] span = spans.get(r.nextInt(spans.size()));
        int[] other = spans.get(r.nextInt(spans.size()));
        String name = switch (r.nextInt(10)) {
            case 0 -> "nosuch";
            case 1 -> "_sa_instance_state";
            case 2 -> "select";
            // names SQLAlchemy quotes, and some it cannot take (a dot, a fullwidth letter, a quote left open)
            case 3 -> "first name";
            case 4 -> "\"x\\\"y\"";
            case 5 -> "Größe";
            case 6 -> "2 items";
            case 7 -> r.nextBoolean() ? "a.b" : "\uff34hing";
            case 8 -> r.nextBoolean() ? "o'brien" : "'open";
            default -> s.substring(other[0], other[1]);
        };
        done.add("name at char " + span[0] + " replaced by " + name);
        return bytes(s.substring(0, span[0]) + name + s.substring(span[1]));
    }

    private static byte[] raw(byte[] b, Random r, List<String> done) {
        if (b.length == 0) {
            return b;
        }
        int at = r.nextInt(b.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (r.nextInt(4)) {
            case 0 -> {
                byte[] c = b.clone();
                c[at] ^= (byte) (1 << r.nextInt(8));
                done.add("flipped a bit of byte " + at);
                return c;
            }
            case 1 -> {
                String piece = BYTES[r.nextInt(BYTES.length)];
                out.write(b, 0, at);
                out.writeBytes(bytes(piece));
                out.write(b, at, b.length - at);
                done.add("inserted U+" + Integer.toHexString(piece.charAt(0)) + " at byte " + at);
            }
            case 2 -> {
                out.write(b, 0, at);
                out.write(0xC3 + r.nextInt(30)); // a lead byte without its continuation, or other invalid UTF-8
                out.write(b, at, b.length - at);
                done.add("invalid UTF-8 at byte " + at);
            }
            default -> {
                int len = Math.min(b.length - at, 1 + r.nextInt(40));
                out.write(b, 0, at);
                out.write(b, at + len, b.length - at - len);
                done.add("deleted " + len + " bytes at " + at);
            }
        }
        return out.toByteArray();
    }

    private static byte[] size(byte[] b, Random r, List<String> done) {
        List<String> lines = lines(b);
        int i = r.nextInt(lines.size());
        switch (r.nextInt(3)) {
            case 0 -> {
                int times = 100 + r.nextInt(900);
                String l = lines.get(i);
                for (int k = 0; k < times; k++) {
                    lines.add(i, l);
                }
                done.add("line " + (i + 1) + " repeated " + times + " times");
            }
            case 1 -> {
                int depth = 500 + r.nextInt(1500);
                String open = r.nextBoolean() ? "[" : "{a: ";
                String close = open.equals("[") ? "]" : "}";
                lines.add(i, "deep: " + open.repeat(depth) + "1" + close.repeat(depth));
                done.add("brackets nested " + depth + " deep at line " + (i + 1));
            }
            default -> {
                int len = 10_000 + r.nextInt(200_000);
                lines.add(i, "long: " + "x".repeat(len));
                done.add("a " + len + "-character line at line " + (i + 1));
            }
        }
        return joined(lines);
    }
}
