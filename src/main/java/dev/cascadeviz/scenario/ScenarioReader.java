package dev.cascadeviz.scenario;

import dev.cascadeviz.model.DatabaseSettings;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.Point;
import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.model.Table;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a file's {@link Node} tree into a {@link Scenario}, or refuses it with every problem found. */
final class ScenarioReader {

    static final List<String> TOP_KEYS = List.of("format", "sqlalchemy", "title", "notes", "database", "tables", "classes", "rows",
            "steps", "layout");
    static final List<String> DATABASE_KEYS = List.of("engine", "foreign_keys");

    private ScenarioReader() {
    }

    /**
     * The scenario, or every problem with its position. The text is read first without
     * positions, which makes SnakeYAML's parser several times lighter on a large file; only when
     * that reading finds a problem is the text read again with positions, for the messages.
     */
    static Scenario read(String text, String fileName) throws ScenarioException {
        boolean json = TreeReader.looksLikeJson(text, fileName);
        if (!json) {
            try {
                return read(text, fileName, false, false);
            } catch (ScenarioException e) {
                // read again below, with positions
            }
        }
        return read(text, fileName, json, true);
    }

    private static Scenario read(String text, String fileName, boolean json, boolean positions) throws ScenarioException {
        Problems problems = new Problems(fileName);
        Node root = TreeReader.read(text, json, problems, positions);
        if (root == null) {
            problems.throwIfAny();
        }
        Reading in = new Reading(problems);
        if (!(root instanceof Node.MapNode top)) {
            in.problem(root, "expected a mapping at the top level (" + String.join(", ", TOP_KEYS) + "), found "
                    + root.describe());
            problems.throwIfAny();
            throw new IllegalStateException("unreachable");
        }
        in.keys(top, TOP_KEYS, "the scenario");
        Node f = top.get("format");
        if (f != null) {
            Long v = in.integer(f, "'format'");
            if (v != null && v != 1) {
                in.problem(f, "unsupported format " + v + ": this version of CascadeViz reads format 1");
            }
        }
        Release release = release(top.get("sqlalchemy"), in);
        String title = top.get("title") == null ? null : in.string(top.get("title"), "'title'");
        String notes = top.get("notes") == null ? null : in.string(top.get("notes"), "'notes'");
        DatabaseSettings database = database(top.get("database"), in);

        Node tablesNode = top.get("tables");
        Set<String> declaredTables = tablesNode instanceof Node.MapNode tm ? tm.entries().keySet() : Set.of();
        Map<String, Table> tables = tablesNode == null ? Map.of() : SchemaReader.read(tablesNode, in);
        MappingReader.Mapping mapping = top.get("classes") == null
                ? new MappingReader.Mapping(Map.of(), Set.of(), Map.of())
                : MappingReader.read(top.get("classes"), in, tables, declaredTables);
        RowsReader.Rows rows = top.get("rows") == null ? new RowsReader.Rows(Map.of(), Map.of())
                : RowsReader.read(top.get("rows"), in, tables, declaredTables);
        List<Step> steps = top.get("steps") == null ? List.of()
                : StepsReader.read(top.get("steps"), in, tables, mapping, rows);
        Map<String, Point> layout = top.get("layout") == null ? Map.of()
                : layout(top.get("layout"), in, mapping.classes(), mapping.declared());

        problems.throwIfAny();
        return new Scenario(1, release, title, notes, database, tables, mapping.classes(), rows.rows(), steps, layout);
    }

    /** The top-level {@code sqlalchemy:} key: "2.0" or "2.1" (a bare 2.0 / 2.1 number too), else null. */
    private static Release release(Node n, Reading in) {
        if (n == null) {
            return null;
        }
        String expected = "'sqlalchemy' (the release the scenario shows): \"2.0\" or \"2.1\"";
        String text = !(n instanceof Node.Scalar s) ? null
                : s.kind() == Node.Kind.STRING ? (String) s.value()
                : s.kind() == Node.Kind.FLOAT ? s.text() : null;
        Release release = text == null ? null : Release.fromText(text);
        if (release == null) {
            in.problem(n, "expected " + expected + ", found " + n.describe());
        }
        return release;
    }

    private static DatabaseSettings database(Node n, Reading in) {
        if (n == null) {
            return DatabaseSettings.DEFAULT;
        }
        Node.MapNode m = in.mapOrEmpty(n, "'database' (engine: h2 | sqlite, foreign_keys: true | false)");
        if (m == null) {
            return DatabaseSettings.DEFAULT;
        }
        in.keys(m, DATABASE_KEYS, "'database'");
        DatabaseSettings settings = DatabaseSettings.DEFAULT;
        Node e = m.get("engine");
        if (e != null) {
            String s = in.string(e, "'engine'");
            Engine engine = s == null ? null : Engine.fromFileName(s);
            if (s != null && engine == null) {
                in.problem(e, "unknown engine '" + s + "'; expected h2 or sqlite");
            } else if (engine != null) {
                settings = settings.withEngine(engine);
            }
        }
        Node fk = m.get("foreign_keys");
        if (fk != null) {
            Boolean b = in.bool(fk, "'foreign_keys' of 'database'");
            if (b != null) {
                settings = settings.withForeignKeys(b);
            }
        }
        return settings;
    }

    private static Map<String, Point> layout(Node n, Reading in, Map<String, MappedClass> classes, Set<String> declared) {
        Map<String, Point> layout = new LinkedHashMap<>();
        Node.MapNode m = in.mapOrEmpty(n, "'layout' (class name: [x, y])");
        if (m == null) {
            return layout;
        }
        Set<String> known = new HashSet<>(declared);
        known.addAll(classes.keySet());
        for (Node.Entry e : m.entries().values()) {
            if (!known.contains(e.key())) {
                in.problem(e.keyPos(), "layout for unknown class '" + e.key() + "'; classes: " + Reading.quoted(declared));
                continue;
            }
            if (!(e.value() instanceof Node.ListNode l) || l.items().size() != 2) {
                in.problem(e.value(), "expected a point [x, y] for the layout of '" + e.key() + "', found "
                        + (e.value() instanceof Node.ListNode l2 ? "a list of " + l2.items().size() : e.value().describe()));
                continue;
            }
            Double x = in.number(l.items().get(0), "x of the layout of '" + e.key() + "'");
            Double y = in.number(l.items().get(1), "y of the layout of '" + e.key() + "'");
            if (x != null && y != null) {
                layout.put(e.key(), new Point(x, y));
            }
        }
        return layout;
    }
}
