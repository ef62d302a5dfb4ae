package dev.cascadeviz.scenario;

import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.model.mapping.Direction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one notation of steps. A step is a kind with named fields ({@link StepForm}); a file writes
 * it as {@code - kind}, {@code - kind: field} or {@code - kind: {field: value, ...}}, and one line
 * (the step editor, explain, the export's comments, the error banner) writes it as
 * {@code kind}, {@code kind field} or the fields joined by the form's words:
 * {@code remove Song(2) from Artist(1).songs}, {@code set Song(2).artist = None}.
 *
 * <p>A line is read into the same nodes the file reader builds from YAML and checked by the same
 * {@link StepsReader}, so the editor accepts exactly what the loader accepts, with the same
 * messages. A value is printed as {@link StepSyntax} reads it back: objects as written
 * ({@code Tag('it\'s')}), None, numbers, strings in quotes.
 */
public final class StepNotation {

    /** An object or attribute as a step names it: {@code Artist(1)}, {@code Artist(1).songs}. */
    public record Reference(String text) {
    }

    private StepNotation() {
    }

    /** The step's fields in form order: a {@link Reference}, or a literal (null, String, Long, Double, Boolean). */
    public static Map<String, Object> fields(Step step) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (step instanceof Step.Get g && g.as() == null) {
            f.put("ref", ref(g.object()));
        } else if (step instanceof Step.Load l) {
            f.put("attr", new Reference(l.object() + "." + l.attribute()));
        } else if (step instanceof Step.Delete d) {
            f.put("object", ref(d.object()));
        } else if (step instanceof Step.Expunge e) {
            f.put("object", ref(e.object()));
        } else if (step instanceof Step.Remove r) {
            f.put("item", ref(r.item()));
            f.put("from", new Reference(r.parent() + "." + r.attribute()));
        } else if (step instanceof Step.Set s) {
            f.put("attr", new Reference(s.object() + "." + s.attribute()));
            f.put("value", s.value() == null ? null : ref(s.value()));
        } else {
            saveSideFields(step, f);
        }
        return f;
    }

    /** The fields of the steps that make, add, change, merge and refresh objects. */
    private static void saveSideFields(Step step, Map<String, Object> f) {
        if (step instanceof Step.Get g) {
            f.put("ref", ref(g.object()));
        } else if (step instanceof Step.New n) {
            f.put("class", new Reference(n.className()));
            if (!n.values().isEmpty()) {
                f.put("values", n.values());
            }
        } else if (step instanceof Step.Add a) {
            f.put("object", ref(a.object()));
        } else if (step instanceof Step.Append a) {
            f.put("item", ref(a.item()));
            f.put("to", new Reference(a.parent() + "." + a.attribute()));
        } else if (step instanceof Step.SetColumn c) {
            f.put("attr", new Reference(c.object() + "." + StepSyntax.attribute(c.column())));
            f.put("value", c.value());
        } else if (step instanceof Step.Merge m) {
            f.put("object", ref(m.object()));
        } else if (step instanceof Step.Refresh r) {
            f.put("object", ref(r.object()));
        } else if (step instanceof Step.Expire e) {
            f.put("object", ref(e.object()));
        }
        String as = step instanceof Step.Get g ? g.as() : step instanceof Step.New n ? n.as()
                : step instanceof Step.Merge m ? m.as() : null;
        if (as != null) {
            f.put("as", new Reference(as));
        }
    }

    private static Reference ref(ObjectRef o) {
        return new Reference(o.toString());
    }

    /** The step's kind as files write it: {@code delete}, {@code commit}. */
    public static String kind(Step step) {
        return StepForm.of(step).kind();
    }

    /** One line: {@code delete Artist(1)}, {@code remove Song(2) from Artist(1).songs}, {@code commit}. */
    public static String line(Step step) {
        StepForm form = StepForm.of(step);
        StringBuilder sb = new StringBuilder(form.kind());
        Map<String, Object> fields = fields(step);
        for (int i = 0; i < form.fields().size(); i++) {
            String name = form.fields().get(i);
            if (!fields.containsKey(name)) {
                continue; // a field left out: the next one is known by its word (new Order as o1)
            }
            sb.append(' ');
            if (i > 0) {
                sb.append(form.separators().get(i - 1)).append(' ');
            }
            sb.append(text(fields.get(name)));
        }
        return sb.toString();
    }

    /** A field's value as one line writes it. */
    public static String text(Object value) {
        if (value instanceof Reference r) {
            return r.text();
        }
        if (value instanceof Map<?, ?> values) {
            List<String> items = new ArrayList<>();
            values.forEach((k, v) -> items.add(StepSyntax.attribute(String.valueOf(k)) + ": " + text(v)));
            return "{" + String.join(", ", items) + "}";
        }
        if (value == null) {
            return "None";
        }
        if (value instanceof String s) {
            return StepSyntax.quote(s);
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return String.valueOf(value);
    }

    /** A line refused: the message says why, as the loader says it for the same step in a file. */
    public static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** Reads one line as a step added after all of {@code scenario}'s steps; see {@link #parse(String, Scenario, int)}. */
    public static Step parse(String line, Scenario scenario) {
        return parse(line, scenario, scenario.steps().size());
    }

    /**
     * Reads one line as a step of {@code scenario} placed after its first {@code before} steps:
     * its objects must be rows of the scenario (or bound by those steps), exactly as the loader
     * requires of the same step in the file; refused with the loader's message otherwise.
     */
    public static Step parse(String line, Scenario scenario, int before) {
        int n = Math.max(0, Math.min(before, scenario.steps().size()));
        List<String> lines = new ArrayList<>();
        for (Step s : scenario.steps().subList(0, n)) {
            lines.add(line(s));
        }
        lines.add(line == null ? "" : line);
        return read(lines, scenario, n).get(n);
    }

    /**
     * The scenario's steps with the one at {@code index} written anew as {@code line}. The whole
     * list is read as the loader reads a file's steps, so a later step that needs what the old
     * one bound is refused as well; the message is the loader's, with the step's number when it
     * is about another step.
     */
    public static List<Step> replace(String line, Scenario scenario, int index) {
        List<String> lines = new ArrayList<>();
        for (Step s : scenario.steps()) {
            lines.add(line(s));
        }
        lines.set(index, line == null ? "" : line);
        Step edited = read(lines, scenario, index).get(index);
        List<Step> steps = new ArrayList<>(scenario.steps());
        steps.set(index, edited);
        return steps;
    }

    /** Checks {@code steps} (e.g. reordered) as the loader reads them in a file; refused with its message and the step's number. */
    public static void check(List<Step> steps, Scenario scenario) {
        List<String> lines = new ArrayList<>();
        for (Step s : steps) {
            lines.add(line(s));
        }
        read(lines, scenario, -1);
    }

    /**
     * Lines read as a file's steps section with the scenario's tables, mapping and rows; refused
     * with the first problem's message, prefixed by its step's number unless it is step {@code focus}.
     */
    private static List<Step> read(List<String> lines, Scenario scenario, int focus) {
        List<Node> all = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                all.add(node(lines.get(i), i + 1));
            } catch (Refused e) {
                throw i == focus ? e : new Refused("step " + (i + 1) + ": " + e.getMessage());
            }
        }
        Problems problems = new Problems("step");
        Reading in = new Reading(problems);
        List<Step> steps = StepsReader.readAll(all, in, scenario.tables(), mapping(scenario), rows(scenario));
        if (!problems.isEmpty()) {
            Problem first = problems.sorted().get(0);
            boolean other = first.line() - 1 != focus && first.line() >= 1 && first.line() <= lines.size();
            throw new Refused(other ? "step " + first.line() + ": " + first.message() : first.message());
        }
        if (steps.size() != all.size()) {
            throw new Refused("the step could not be read after the scenario's steps");
        }
        return steps;
    }

    /** The node a line stands for: the same tree the file reader builds for the step in YAML. */
    static Node node(String line) {
        return node(line, 1);
    }

    /** The node of a line that is step number {@code row} (1-based), so a problem names its step. */
    static Node node(String line, int row) {
        String t = line.strip();
        int space = indexOfSpace(t);
        String kind = space < 0 ? t : t.substring(0, space);
        String rest = space < 0 ? "" : t.substring(space + 1).strip();
        Node.Pos at = new Node.Pos(row, 1);
        StepForm form = StepForm.named(kind);
        if (rest.isEmpty()) {
            return new Node.Scalar(at, Node.Kind.STRING, kind, kind);
        }
        Node.Pos restAt = new Node.Pos(row, t.indexOf(rest, kind.length()) + 1);
        if (form == null || form.fields().isEmpty()) {
            // unknown or bare kinds: what '- kind: rest' would be, so the reader names the mistake
            return entry(kind, StepSyntax.scalar(rest, restAt), row);
        }
        if (form.fields().size() == 1 || form.scalarWhenAlone() && StepSyntax.separator(rest, form.separators().get(0), 0) < 0) {
            return entry(kind, StepSyntax.scalar(rest, restAt), row);
        }
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        int from = 0;
        int i = 0;
        while (i < form.fields().size()) {
            // the next field is the one whose word comes next; fields before it are left out
            int end = rest.length();
            int next = form.fields().size();
            for (int j = i; j < form.separators().size(); j++) {
                int word = StepSyntax.separator(rest, form.separators().get(j), from);
                if (word >= 0) {
                    end = word;
                    next = j + 1;
                    break;
                }
            }
            if (next == form.fields().size() && i + 1 < form.required()) {
                throw new Refused("write: " + form.example());
            }
            String field = rest.substring(from, end).strip();
            Node.Pos pos = new Node.Pos(row, restAt.column() + from);
            if (!field.isEmpty()) {
                entries.put(form.fields().get(i), new Node.Entry(form.fields().get(i), pos, fieldNode(field, pos)));
            }
            if (end >= rest.length()) {
                break;
            }
            from = end + form.separators().get(next - 1).length();
            i = next;
        }
        return entry(kind, new Node.MapNode(restAt, entries), row);
    }

    /** A field's node: {@code {column: value, ...}} is a mapping of one-line values, anything else a scalar. */
    private static Node fieldNode(String field, Node.Pos pos) {
        if (!field.startsWith("{") || !field.endsWith("}")) {
            return StepSyntax.scalar(field, pos);
        }
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        String body = field.substring(1, field.length() - 1);
        int from = 0;
        while (from < body.length()) {
            int comma = StepSyntax.separator(body, ",", from);
            int end = comma < 0 ? body.length() : comma;
            String item = body.substring(from, end).strip();
            int colon = StepSyntax.separator(item, ":", 0);
            if (!item.isEmpty()) {
                if (colon <= 0) {
                    throw new Refused("write the values as {column: value, ...}, e.g. {note: 'rush'}");
                }
                String key = item.substring(0, colon).strip();
                if (key.length() >= 2 && (key.charAt(0) == '\'' || key.charAt(0) == '"')
                        && StepSyntax.closingQuote(key, 0) == key.length() - 1) {
                    key = StepSyntax.unquote(key); // a column whose name is not an identifier: {'first name': 'Ann'}
                }
                Node.Pos at = new Node.Pos(pos.line(), pos.column() + 1 + from);
                entries.put(key, new Node.Entry(key, at, StepSyntax.scalar(item.substring(colon + 1).strip(), at)));
            }
            from = end + 1;
        }
        return new Node.MapNode(pos, entries);
    }

    private static int indexOfSpace(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isWhitespace(t.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Node entry(String key, Node value, int row) {
        Node.Pos at = new Node.Pos(row, 1);
        return new Node.MapNode(at, Map.of(key, new Node.Entry(key, at, value)));
    }

    private static MappingReader.Mapping mapping(Scenario s) {
        Map<String, Direction> directions = new HashMap<>();
        for (MappedClass c : s.classes().values()) {
            for (Relationship r : c.relationships().values()) {
                MappedClass target = s.mappedClass(r.target());
                if (target != null) {
                    RelationshipCheck.Result result = RelationshipCheck.check(s.tables(), c, target, r);
                    if (result.direction() != null) {
                        directions.put(c.name() + "." + r.name(), result.direction());
                    }
                }
            }
        }
        return new MappingReader.Mapping(s.classes(), s.classes().keySet(), directions);
    }

    private static RowsReader.Rows rows(Scenario s) {
        Map<String, Set<List<Object>>> keys = new HashMap<>();
        for (Table t : s.tables().values()) {
            Set<List<Object>> present = new HashSet<>();
            for (Map<String, Object> row : s.rowsOf(t.name())) {
                List<Object> key = new ArrayList<>();
                t.primaryKey().forEach(c -> key.add(row.get(c.name())));
                present.add(key);
            }
            keys.put(t.name(), present);
        }
        return new RowsReader.Rows(s.rows(), keys);
    }

    /** The kinds, for messages: {@code get, load, ..., rollback}. */
    public static String kinds() {
        return String.join(", ", StepForm.kinds()).toLowerCase(Locale.ROOT);
    }
}
