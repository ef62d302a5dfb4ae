package dev.cascadeviz.scenario;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The steps that make and name objects ({@code new}, {@code get} and {@code merge} with
 * {@code as}, {@code set} on a column): names bound in file order, each standing for an object
 * of one class; a name used before the step binding it, or never bound, is refused. Also
 * remembers the keys that {@code new} steps give, so that a later {@code Class(pk)} may name a
 * row an earlier step creates.
 */
final class StepNames {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    /** The result of reading a {@code set} on a column attribute; step is null when refused. */
    record ColumnSet(Step step) {
    }

    private final StepsReader steps;
    private final Reading in;
    private final Map<String, Table> tables;
    private final MappingReader.Mapping mapping;
    /** Bound so far: name to class. */
    private final Map<String, String> bound = new HashMap<>();
    /** Every name some step of the file binds. */
    private final Set<String> boundAnywhere = new HashSet<>();
    /** Keys new objects are given, per table. */
    private final Map<String, Set<List<Object>>> created = new HashMap<>();

    StepNames(StepsReader steps, Reading in, Map<String, Table> tables, MappingReader.Mapping mapping) {
        this.steps = steps;
        this.in = in;
        this.tables = tables;
        this.mapping = mapping;
    }

    static boolean isName(String text) {
        return NAME.matcher(text).matches();
    }

    /** Notes every name an {@code as:} of the list binds, to tell "used too early" from "unknown". */
    void scanBindings(List<Node> items) {
        for (Node item : items) {
            if (item instanceof Node.MapNode m && m.entries().size() == 1) {
                Node v = m.entries().values().iterator().next().value();
                if (v instanceof Node.MapNode args && args.get("as") instanceof Node.Scalar s && s.isString()) {
                    boundAnywhere.add((String) s.value());
                }
            }
        }
    }

    boolean mayCreate(String table, List<Object> key) {
        Set<List<Object>> keys = created.get(table);
        return keys != null && keys.contains(key);
    }

    /** The reference for a name, when it is bound by now. */
    ObjectRef ref(Node n, String name, String kind) {
        String cls = bound.get(name);
        if (cls == null) {
            in.problem(n, boundAnywhere.contains(name)
                    ? "name '" + name + "' in step '" + kind + "' is used before the step that binds it with 'as'"
                    : "unknown name '" + name + "' in step '" + kind + "'; names are bound by 'as:' in new, get "
                    + "and merge steps" + (bound.isEmpty() ? "" : "; bound so far: " + Reading.quoted(bound.keySet())));
            return null;
        }
        return ObjectRef.named(name, cls);
    }

    private String binding(Node.MapNode m, String kind, boolean required) {
        Node n = m.get("as");
        if (n == null) {
            if (required) {
                in.problem(m, "step '" + kind + "' needs 'as', e.g. " + kind + ": " + StepsReader.example(kind));
            }
            return null;
        }
        String name = in.string(n, "the name in 'as' (a lower-case identifier, e.g. o1)");
        if (name == null) {
            return null;
        }
        if (!isName(name) || mapping.declared().contains(name)) {
            in.problem(n, "'" + name + "' cannot be a name: write a lower-case identifier such as o1 or new_item");
            return null;
        }
        return name;
    }

    /** {@code get: {ref: Order(1), as: o1}} */
    Step getAs(Node.MapNode m) {
        if (!in.keys(m, List.of("ref", "as"), "step 'get'") || !steps.has(m, "ref", "get")) {
            return null;
        }
        ObjectRef o = steps.object(m.get("ref"), "get");
        String as = binding(m, "get", false);
        if (o == null) {
            return null;
        }
        if (as != null) {
            bound.put(as, o.className());
        }
        return new Step.Get(o, as);
    }

    /** {@code merge: {object: m1, as: m2}} or {@code merge: m1}. */
    Step merge(Node v) {
        if (!(v instanceof Node.MapNode m)) {
            ObjectRef o = steps.object(v, "merge");
            return o == null ? null : new Step.Merge(o, null);
        }
        if (!in.keys(m, List.of("object", "as"), "step 'merge'") || !steps.has(m, "object", "merge")) {
            return null;
        }
        ObjectRef o = steps.object(m.get("object"), "merge");
        String as = binding(m, "merge", false);
        if (o == null) {
            return null;
        }
        if (as != null) {
            bound.put(as, o.className());
        }
        return new Step.Merge(o, as);
    }

    /** {@code new: {as: o1, class: Order, values: {note: rush}}} */
    Step newObject(Node v) {
        Node.MapNode m = in.map(v, "step 'new' (" + StepsReader.example("new") + ")");
        if (m == null || !in.keys(m, List.of("as", "class", "values"), "step 'new'") || !steps.has(m, "class", "new")) {
            return null;
        }
        String as = binding(m, "new", false);
        String className = in.string(m.get("class"), "the class of step 'new'");
        if (className == null) {
            return null;
        }
        MappedClass cls = mapping.classes().get(className);
        if (cls == null) {
            if (!mapping.declared().contains(className)) {
                in.problem(m.get("class"), "unknown class '" + className + "' in step 'new'; classes: "
                        + Reading.quoted(mapping.declared()));
            }
            return null;
        }
        Table table = tables.get(cls.table());
        Map<String, Object> values = new LinkedHashMap<>();
        boolean ok = true;
        if (m.get("values") != null) {
            Node.MapNode vm = in.map(m.get("values"), "the values of step 'new' ({column: value, ...})");
            if (vm == null) {
                return null;
            }
            for (Node.Entry e : vm.entries().values()) {
                Column c = table.column(e.key());
                if (c == null) {
                    in.problem(e.keyPos(), "class " + cls.name() + " maps no column '" + e.key() + "' (table '"
                            + table.name() + "'); its columns are " + Reading.quoted(table.columns().keySet()));
                    ok = false;
                    continue;
                }
                values.put(c.name(), RowsReader.literal(in, table, c, e.value()));
            }
        }
        if (!ok) {
            return null;
        }
        List<Object> key = new ArrayList<>();
        for (Column c : table.primaryKey()) {
            key.add(values.get(c.name()));
        }
        if (!key.contains(null)) {
            created.computeIfAbsent(table.name(), t -> new HashSet<>()).add(key);
        }
        if (as != null) {
            bound.put(as, cls.name());
        }
        return new Step.New(as, cls.name(), values);
    }

    /**
     * {@code set: {attr: Order(1).note, value: late}} when the attribute is a column; null when it
     * is not (a relationship, read by the caller).
     */
    ColumnSet setColumn(Node.MapNode m) {
        Node attrNode = m.get("attr");
        if (!(attrNode instanceof Node.Scalar s) || !s.isString()) {
            return null;
        }
        String text = ((String) s.value()).trim();
        String[] split = StepSyntax.splitAttribute(text);
        if (split == null) {
            return null;
        }
        String attr = split[1];
        String className = classOf(split[0]);
        MappedClass cls = className == null ? null : mapping.classes().get(className);
        if (cls == null || cls.relationship(attr) != null) {
            return null;
        }
        Table table = tables.get(cls.table());
        Column c = table.column(attr);
        if (c == null) {
            in.problem(attrNode, "class " + cls.name() + " has no attribute '" + attr + "'; its columns are "
                    + Reading.quoted(table.columns().keySet()) + " and its relationships "
                    + Reading.quoted(cls.relationships().keySet()));
            return new ColumnSet(null);
        }
        StepsReader.Owner owner = steps.owner(attrNode, text, "set");
        Object value = RowsReader.literal(in, table, c, m.get("value"));
        if (owner == null) {
            return new ColumnSet(null);
        }
        if (c.primaryKey() && table.primaryKey().size() == 1 && value != null) {
            created.computeIfAbsent(table.name(), t -> new HashSet<>()).add(List.of(value));
        }
        return new ColumnSet(new Step.SetColumn(owner.object(), c.name(), value));
    }

    /** The class named by an object's text, without reporting anything (null when unclear). */
    private String classOf(String head) {
        if (isName(head)) {
            return bound.get(head);
        }
        int paren = head.indexOf('(');
        return paren > 0 ? head.substring(0, paren).trim() : null;
    }
}
