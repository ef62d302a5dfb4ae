package dev.cascadeviz.scenario;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.model.mapping.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code steps} section; every object named must be a row of {@code rows}. */
final class StepsReader {

    static final List<String> KINDS = StepForm.kinds();

    private final Reading in;
    private final Map<String, Table> tables;
    private final MappingReader.Mapping mapping;
    private final RowsReader.Rows rows;

    private final StepNames names;

    private StepsReader(Reading in, Map<String, Table> tables, MappingReader.Mapping mapping, RowsReader.Rows rows) {
        this.in = in;
        this.tables = tables;
        this.mapping = mapping;
        this.rows = rows;
        this.names = new StepNames(this, in, tables, mapping);
    }

    static List<Step> read(Node section, Reading in, Map<String, Table> tables, MappingReader.Mapping mapping,
                           RowsReader.Rows rows) {
        StepsReader r = new StepsReader(in, tables, mapping, rows);
        List<Step> steps = new ArrayList<>();
        Node.ListNode list = in.list(section, "'steps' (- delete: Artist(1), - commit, ...)");
        return list == null ? steps : r.all(list.items());
    }

    /** Reads steps given as nodes (a file's list, or lines of the step notation); the ones refused are left out. */
    static List<Step> readAll(List<Node> items, Reading in, Map<String, Table> tables, MappingReader.Mapping mapping,
                              RowsReader.Rows rows) {
        return new StepsReader(in, tables, mapping, rows).all(items);
    }

    private List<Step> all(List<Node> items) {
        names.scanBindings(items);
        List<Step> steps = new ArrayList<>();
        for (Node item : items) {
            Step s = step(item);
            if (s != null) {
                steps.add(s);
            }
        }
        return steps;
    }

    private Step step(Node item) {
        if (item instanceof Node.Scalar s && s.isString()) {
            String kind = (String) s.value();
            return switch (kind) {
                case "expire_all" -> new Step.ExpireAll();
                case "close" -> new Step.Close();
                case "flush" -> new Step.Flush();
                case "commit" -> new Step.Commit();
                case "rollback" -> new Step.Rollback();
                default -> {
                    if (StepForm.named(kind) != null) {
                        in.problem(item, "step '" + kind + "' needs an object, e.g. - " + kind + ": " + example(kind));
                    } else {
                        unknownKind(item.pos(), kind);
                    }
                    yield null;
                }
            };
        }
        Node.MapNode m = item instanceof Node.MapNode mm ? mm : null;
        if (m == null || m.entries().size() != 1) {
            in.problem(item, "expected a step: one of - get: Artist(1), - load: Artist(1).songs, - delete: Artist(1), "
                    + "- remove: {item: ..., from: ...}, - set: {attr: ..., value: ...}, - expunge: Artist(1), "
                    + "- flush, - commit, - rollback; found " + (m == null ? item.describe() : "a mapping with "
                    + m.entries().size() + " keys"));
            return null;
        }
        Node.Entry e = m.entries().values().iterator().next();
        Node v = e.value();
        switch (e.key()) {
            case "get": {
                if (v instanceof Node.MapNode gm) {
                    return names.getAs(gm);
                }
                ObjectRef o = object(v, "get");
                return o == null ? null : new Step.Get(o);
            }
            case "new":
                return names.newObject(v);
            case "add": {
                ObjectRef o = object(v, "add");
                return o == null ? null : new Step.Add(o);
            }
            case "append":
                return append(v);
            case "merge":
                return names.merge(v);
            case "refresh": {
                ObjectRef o = object(v, "refresh");
                return o == null ? null : new Step.Refresh(o);
            }
            case "expire": {
                ObjectRef o = object(v, "expire");
                return o == null ? null : new Step.Expire(o);
            }
            case "delete": {
                ObjectRef o = object(v, "delete");
                return o == null ? null : new Step.Delete(o);
            }
            case "expunge": {
                ObjectRef o = object(v, "expunge");
                return o == null ? null : new Step.Expunge(o);
            }
            case "load": {
                Attr a = attribute(v, "load");
                return a == null ? null : new Step.Load(a.object, a.rel.name());
            }
            case "remove":
                return remove(v);
            case "set":
                return set(v);
            default:
                if (StepForm.named(e.key()) != null && StepForm.named(e.key()).isBare()) {
                    in.problem(e.keyPos(), "step '" + e.key() + "' takes nothing: write - " + e.key());
                } else {
                    unknownKind(e.keyPos(), e.key());
                }
                return null;
        }
    }

    private void unknownKind(Node.Pos pos, String kind) {
        in.problem(pos, "unknown step '" + kind + "'; steps are " + String.join(", ", KINDS));
    }

    static String example(String kind) {
        return switch (kind) {
            case "load" -> "Artist(1).songs";
            case "remove" -> "{item: Song(2), from: Artist(1).songs}";
            case "set" -> "{attr: Song(2).artist, value: Artist(3)}";
            case "append" -> "{item: i1, to: o1.items}";
            case "new" -> "{as: o1, class: Order, values: {note: rush}}";
            case "merge" -> "{object: m1, as: m2}";
            default -> "Artist(1)";
        };
    }

    private Step remove(Node v) {
        Node.MapNode m = in.map(v, "step 'remove' ({item: Song(2), from: Artist(1).songs})");
        if (m == null || !in.keys(m, List.of("item", "from"), "step 'remove'") || !has(m, "item", "remove")
                || !has(m, "from", "remove")) {
            return null;
        }
        ObjectRef item = object(m.get("item"), "remove");
        Attr from = attribute(m.get("from"), "remove");
        if (item == null || from == null) {
            return null;
        }
        if (!RelationshipCheck.isCollection(from.rel, from.direction)) {
            in.problem(m.get("from"), "cannot remove from " + from.cls.name() + "." + from.rel.name()
                    + ": it holds one object, not a collection; use set: {attr: ..., value: null}");
            return null;
        }
        if (!item.className().equals(from.rel.target())) {
            in.problem(m.get("item"), "the item must be a " + from.rel.target() + " to be in " + from.cls.name() + "."
                    + from.rel.name() + ", found a " + item.className());
            return null;
        }
        return new Step.Remove(item, from.object, from.rel.name());
    }

    private Step append(Node v) {
        Node.MapNode m = in.map(v, "step 'append' ({item: i1, to: o1.items})");
        if (m == null || !in.keys(m, List.of("item", "to"), "step 'append'") || !has(m, "item", "append")
                || !has(m, "to", "append")) {
            return null;
        }
        Attr to = attribute(m.get("to"), "append");
        ObjectRef item = object(m.get("item"), "append");
        if (item == null || to == null) {
            return null;
        }
        if (!RelationshipCheck.isCollection(to.rel, to.direction)) {
            in.problem(m.get("to"), "cannot append to " + to.cls.name() + "." + to.rel.name()
                    + ": it holds one object, not a collection; use set: {attr: ..., value: ...}");
            return null;
        }
        if (!item.className().equals(to.rel.target())) {
            in.problem(m.get("item"), "the item must be a " + to.rel.target() + " to be in " + to.cls.name() + "."
                    + to.rel.name() + ", found a " + item.className());
            return null;
        }
        return new Step.Append(item, to.object, to.rel.name());
    }

    private Step set(Node v) {
        Node.MapNode m = in.map(v, "step 'set' ({attr: Song(2).artist, value: Artist(3)})");
        if (m == null || !in.keys(m, List.of("attr", "value"), "step 'set'") || !has(m, "attr", "set")
                || !has(m, "value", "set")) {
            return null;
        }
        StepNames.ColumnSet column = names.setColumn(m);
        if (column != null) {
            return column.step();
        }
        Attr attr = attribute(m.get("attr"), "set");
        Node valueNode = m.get("value");
        boolean none = valueNode instanceof Node.Scalar s && s.kind() == Node.Kind.NULL;
        ObjectRef value = none ? null : object(valueNode, "set");
        if (attr == null || (!none && value == null)) {
            return null;
        }
        if (RelationshipCheck.isCollection(attr.rel, attr.direction)) {
            in.problem(m.get("attr"), "cannot set " + attr.cls.name() + "." + attr.rel.name()
                    + ": it is a collection; use remove: {item: ..., from: ...}");
            return null;
        }
        if (value != null && !value.className().equals(attr.rel.target())) {
            in.problem(valueNode, "the value of " + attr.cls.name() + "." + attr.rel.name() + " must be a "
                    + attr.rel.target() + " or null, found a " + value.className());
            return null;
        }
        return new Step.Set(attr.object, attr.rel.name(), value);
    }

    boolean has(Node.MapNode m, String key, String kind) {
        if (m.get(key) == null) {
            in.problem(m, "step '" + kind + "' needs '" + key + "', e.g. " + kind + ": " + example(kind));
            return false;
        }
        return true;
    }

    private record Attr(ObjectRef object, MappedClass cls, Relationship rel, Direction direction) {
    }

    private Attr attribute(Node n, String kind) {
        String text = in.string(n, "step '" + kind + "' (Class(key).relationship)");
        if (text == null) {
            return null;
        }
        Owner owner = owner(n, text, kind);
        if (owner == null) {
            return null;
        }
        ObjectRef o = owner.object();
        MappedClass cls = mapping.classes().get(o.className());
        Relationship rel = cls.relationship(owner.attribute());
        if (rel == null) {
            in.problem(n, "class " + cls.name() + " has no relationship '" + owner.attribute()
                    + "'; its relationships are " + Reading.quoted(cls.relationships().keySet()));
            return null;
        }
        return new Attr(o, cls, rel, mapping.direction(cls.name(), rel.name()));
    }

    /** An object and one of its attributes: {@code Class(key).attr} or {@code name.attr}. */
    record Owner(ObjectRef object, String attribute) {
    }

    Owner owner(Node n, String text, String kind) {
        String[] split = StepSyntax.splitAttribute(text);
        String head = split == null ? "" : split[0];
        if (!head.isEmpty() && StepNames.isName(head)) {
            ObjectRef o = names.ref(n, head, kind);
            String attr = split[1];
            if (o == null) {
                return null;
            }
            if (attr.isEmpty()) {
                in.problem(n, "malformed '" + text + "' in step '" + kind + "': expected name.attribute, e.g. o1.items");
                return null;
            }
            return new Owner(o, attr);
        }
        StepSyntax.Parsed p;
        try {
            p = StepSyntax.parse(text, true);
        } catch (StepSyntax.SyntaxError e) {
            in.problem(n, "malformed '" + text + "' in step '" + kind + "': " + e.getMessage()
                    + "; expected Class(key).relationship, e.g. Artist(1).songs, or name.relationship, e.g. o1.items");
            return null;
        }
        ObjectRef o = resolve(n, p, kind);
        return o == null ? null : new Owner(o, p.attribute());
    }

    ObjectRef object(Node n, String kind) {
        String text = in.string(n, "step '" + kind + "' (Class(key), e.g. Artist(1), or a name bound by 'as')");
        if (text == null) {
            return null;
        }
        if (StepNames.isName(text.trim())) {
            return names.ref(n, text.trim(), kind);
        }
        try {
            return resolve(n, StepSyntax.parse(text, false), kind);
        } catch (StepSyntax.SyntaxError e) {
            in.problem(n, "malformed object '" + text + "' in step '" + kind + "': " + e.getMessage()
                    + "; expected Class(key), e.g. Artist(1), Tag('python') or Link(1, 2)");
            return null;
        }
    }

    /** The object for a parsed name, when its class exists, its key fits and its row exists. */
    private ObjectRef resolve(Node n, StepSyntax.Parsed p, String kind) {
        if (p.isName()) {
            return names.ref(n, p.name(), kind);
        }
        MappedClass cls = mapping.classes().get(p.className());
        if (cls == null) {
            if (!mapping.declared().contains(p.className())) {
                in.problem(n, "unknown class '" + p.className() + "' in step '" + kind + "'; classes: "
                        + Reading.quoted(mapping.declared()));
            }
            return null;
        }
        List<Column> pk = tables.get(cls.table()).primaryKey();
        if (pk.size() != p.key().size()) {
            in.problem(n, cls.name() + " has a primary key of " + pk.size() + " column" + (pk.size() == 1 ? "" : "s")
                    + " (" + String.join(", ", pk.stream().map(Column::name).toList()) + "); found " + p.key().size()
                    + " value" + (p.key().size() == 1 ? "" : "s"));
            return null;
        }
        List<Object> key = new ArrayList<>();
        for (int i = 0; i < pk.size(); i++) {
            Object v = p.key().get(i);
            Column c = pk.get(i);
            boolean numeric = c.type() == ColumnType.INTEGER;
            boolean text = c.type() == ColumnType.STRING || c.type() == ColumnType.TEXT || c.type() == ColumnType.DATE
                    || c.type() == ColumnType.DATETIME;
            if (numeric && v instanceof Long l) {
                key.add(l);
            } else if (text && v instanceof String) {
                key.add(v);
            } else {
                in.problem(n, "the key of " + cls.name() + " column '" + c.name() + "' is " + c.type().fileName()
                        + (numeric ? ": write it as a whole number, found " + StepNotation.text(v)
                        : text ? ": write it in quotes, e.g. '" + v + "'"
                        : ": this key type cannot be named in a step"));
                return null;
            }
        }
        Set<List<Object>> present = rows.keys().get(cls.table());
        if ((present == null || !present.contains(key)) && !names.mayCreate(cls.table(), key)) {
            ObjectRef ref = new ObjectRef(cls.name(), key);
            in.problem(n, "no row for " + ref + " in table '" + cls.table() + "': add it under rows");
            return null;
        }
        return new ObjectRef(cls.name(), key);
    }
}
