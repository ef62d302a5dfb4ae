package dev.cascadeviz.scenario;

import dev.cascadeviz.model.Cascade;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.PassiveDeletes;
import dev.cascadeviz.model.QualifiedColumn;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.model.mapping.Direction;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code classes} section and checks every relationship against the schema. */
final class MappingReader {

    static final List<String> CLASS_KEYS = List.of("table", "relationships");
    static final List<String> RELATIONSHIP_KEYS = List.of("target", "cascade", "passive_deletes", "back_populates",
            "secondary", "uselist", "single_parent", "post_update", "viewonly", "lazy", "passive_updates", "order_by",
            "foreign_keys", "remote_side");
    static final List<String> LAZY = List.of("select", "immediate", "joined", "subquery", "selectin", "raise",
            "raise_on_sql", "noload", "dynamic", "write_only");

    /** The classes that could be read, and the derived direction of each of their relationships. */
    record Mapping(Map<String, MappedClass> classes, Set<String> declared,
                   Map<String, Direction> directions) {

        Direction direction(String className, String relationship) {
            return directions.get(className + "." + relationship);
        }
    }

    private final Reading in;
    private final Map<String, Table> tables;
    private final Set<String> declaredTables;
    private final Map<String, MappedClass> classes = new LinkedHashMap<>();
    private final Map<String, Node.Entry> relationshipNodes = new HashMap<>();
    private final Map<String, Direction> directions = new LinkedHashMap<>();

    private MappingReader(Reading in, Map<String, Table> tables, Set<String> declaredTables) {
        this.in = in;
        this.tables = tables;
        this.declaredTables = declaredTables;
    }

    static Mapping read(Node section, Reading in, Map<String, Table> tables, Set<String> declaredTables) {
        MappingReader r = new MappingReader(in, tables, declaredTables);
        Node.MapNode m = in.mapOrEmpty(section, "'classes' (class name: {table: ..., relationships: ...})");
        if (m == null) {
            return new Mapping(Map.of(), Set.of(), Map.of());
        }
        Map<String, MappedClass> read = new LinkedHashMap<>();
        for (Node.Entry e : m.entries().values()) {
            MappedClass c = r.mappedClass(e);
            if (c != null) {
                read.put(c.name(), c);
            }
        }
        Set<String> declared = m.entries().keySet();
        for (MappedClass c : read.values()) {
            if (r.relationshipsValid(c, read, declared)) {
                r.classes.put(c.name(), c);
            }
        }
        r.checkBackPopulates();
        return new Mapping(r.classes, declared, r.directions);
    }

    private MappedClass mappedClass(Node.Entry entry) {
        String name = entry.key();
        if (!Reading.isIdentifier(name)) {
            in.problem(entry.keyPos(), "class name '" + name + "' must be a Python identifier, since SQLAlchemy makes it a class: "
                    + "letters, digits and _ (of any alphabet), not starting with a digit");
            return null;
        }
        Node.MapNode m = in.map(entry.value(), "class '" + name + "' (table: ..., relationships: ...)");
        if (m == null) {
            return null;
        }
        int before = in.problems.count();
        in.keys(m, CLASS_KEYS, "class '" + name + "'");
        Node t = m.get("table");
        String table = null;
        if (t == null) {
            in.problem(entry.keyPos(), "class '" + name + "' needs 'table': the table it is mapped to");
        } else {
            table = in.string(t, "'table' of class '" + name + "'");
            if (table != null && !tables.containsKey(table)) {
                if (!declaredTables.contains(table)) {
                    in.problem(t, "class '" + name + "' is mapped to unknown table '" + table + "'; tables: "
                            + Reading.quoted(declaredTables));
                }
                table = null;
            } else if (table != null && tables.get(table).primaryKey().isEmpty()) {
                in.problem(t, "Mapper Mapper[" + name + "(" + table + ")] could not assemble any primary key columns "
                        + "for mapped table '" + table + "'");
            }
        }
        Map<String, Relationship> rels = new LinkedHashMap<>();
        Node rn = m.get("relationships");
        if (rn != null) {
            Node.MapNode rm = in.mapOrEmpty(rn, "the relationships of class '" + name + "'");
            if (rm != null) {
                for (Node.Entry e : rm.entries().values()) {
                    Relationship rel = relationship(name, e);
                    if (rel != null) {
                        rels.put(rel.name(), rel);
                        relationshipNodes.put(name + "." + rel.name(), e);
                    }
                }
            }
        }
        if (table != null) {
            refuseConflictingNames(name, table, t, rels);
        }
        if (in.problems.count() != before || table == null) {
            return null;
        }
        return new MappedClass(name, table, rels);
    }

    /** SQLAlchemy's instrumentation attribute: no mapped attribute may take its name. */
    static final String INSTANCE_STATE = "_sa_instance_state";

    /**
     * Names SQLAlchemy refuses when it maps the class: a column or relationship called
     * {@value #INSTANCE_STATE}, and a relationship named like a column of the class's table.
     */
    private void refuseConflictingNames(String cls, String table, Node tableNode, Map<String, Relationship> rels) {
        if (tables.get(table).column(INSTANCE_STATE) != null) {
            in.problem(tableNode, instanceStateConflict());
        }
        for (Relationship rel : rels.values()) {
            Node.Pos at = relationshipNodes.get(cls + "." + rel.name()).keyPos();
            if (rel.name().equals(INSTANCE_STATE)) {
                in.problem(at, instanceStateConflict());
            } else if (tables.get(table).column(rel.name()) != null) {
                in.problem(at, "WARNING: when configuring property '" + rel.name() + "' on Mapper[" + cls + "(" + table
                        + ")], column '" + rel.name() + "' conflicts with property '<Relationship " + cls + "."
                        + rel.name() + ">'. To resolve this, map the column to the class under a different name in the "
                        + "'properties' dictionary.  Or, to remove all awareness of the column entirely (including its "
                        + "availability as a foreign key), use the 'include_properties' or 'exclude_properties' mapper "
                        + "arguments to control specifically which table columns get mapped.");
            }
        }
    }

    private static String instanceStateConflict() {
        return "\"'" + INSTANCE_STATE + "': requested attribute name conflicts with instrumentation attribute of the same "
                + "name.\"";
    }

    private Relationship relationship(String cls, Node.Entry entry) {
        String name = entry.key();
        String where = "relationship " + cls + "." + name;
        if (!Reading.isIdentifier(name)) {
            in.problem(entry.keyPos(), "relationship name '" + name + "' must be a Python identifier, since SQLAlchemy makes it an "
                    + "attribute: letters, digits and _ (of any alphabet), not starting with a digit");
            return null;
        }
        Node.MapNode m = in.map(entry.value(), where + " ({target: ..., ...})");
        if (m == null) {
            return null;
        }
        int before = in.problems.count();
        in.keys(m, RELATIONSHIP_KEYS, where);
        String target = null;
        if (m.get("target") == null) {
            in.problem(entry.keyPos(), where + " needs 'target': the class it relates to");
        } else {
            target = in.string(m.get("target"), "'target' of " + where);
        }
        String cascade = opt(m, "cascade", where);
        if (cascade != null && !Cascade.invalidWords(cascade).isEmpty()) {
            in.problem(m.get("cascade"), "Invalid cascade option(s): " + String.join(", ", Cascade.invalidWords(cascade)));
        }
        PassiveDeletes passive = null;
        Node pd = m.get("passive_deletes");
        if (pd != null) {
            if (pd instanceof Node.Scalar s && s.kind() == Node.Kind.BOOLEAN) {
                passive = (Boolean) s.value() ? PassiveDeletes.TRUE : PassiveDeletes.FALSE;
            } else if (pd instanceof Node.Scalar s && "all".equals(s.value())) {
                passive = PassiveDeletes.ALL;
            } else {
                in.problem(pd, "expected true, false or all for 'passive_deletes' of " + where + ", found " + pd.describe());
            }
        }
        String lazy = opt(m, "lazy", where);
        if (lazy != null && !LAZY.contains(lazy)) {
            in.problem(m.get("lazy"), "unknown lazy loader strategy '" + lazy + "' for " + where + "; expected one of "
                    + String.join(", ", LAZY));
        }
        String backPopulates = opt(m, "back_populates", where);
        String secondary = opt(m, "secondary", where);
        Boolean uselist = flag(m, "uselist", where);
        Boolean singleParent = flag(m, "single_parent", where);
        Boolean postUpdate = flag(m, "post_update", where);
        Boolean viewonly = flag(m, "viewonly", where);
        Boolean passiveUpdates = flag(m, "passive_updates", where);
        List<String> orderBy = columns(m, "order_by", where);
        List<String> foreignKeys = columns(m, "foreign_keys", where);
        List<String> remoteSide = columns(m, "remote_side", where);
        if (in.problems.count() != before || target == null) {
            // Every problem is recorded with its position; a relationship with one is not built.
            return null;
        }
        return new Relationship(name, target, cascade, passive, backPopulates, secondary, uselist, singleParent,
                postUpdate, viewonly, lazy, passiveUpdates, orderBy, foreignKeys, remoteSide);
    }

    private String opt(Node.MapNode m, String key, String where) {
        Node n = m.get(key);
        return n == null ? null : in.string(n, "'" + key + "' of " + where);
    }

    private Boolean flag(Node.MapNode m, String key, String where) {
        Node n = m.get(key);
        return n == null ? null : in.bool(n, "'" + key + "' of " + where);
    }

    private List<String> columns(Node.MapNode m, String key, String where) {
        Node n = m.get(key);
        if (n == null) {
            return null;
        }
        List<String> list = in.strings(n, "'" + key + "' of " + where + " (table.column)");
        if (list == null) {
            return null;
        }
        for (String s : list) {
            QualifiedColumn q = QualifiedColumn.parse(s);
            if (q == null) {
                in.problem(n, "expected table.column in '" + key + "' of " + where + ", found '" + s + "'");
            } else if (tables.containsKey(q.table()) && tables.get(q.table()).column(q.column()) == null) {
                in.problem(n, "'" + key + "' of " + where + " names unknown column '" + s + "'; columns of '"
                        + q.table() + "' are " + Reading.quoted(tables.get(q.table()).columns().keySet()));
            } else if (!tables.containsKey(q.table()) && !declaredTables.contains(q.table())) {
                in.problem(n, "'" + key + "' of " + where + " names unknown table '" + q.table() + "'; tables: "
                        + Reading.quoted(declaredTables));
            }
        }
        return list;
    }

    /** Targets and secondary tables exist, and SQLAlchemy can derive each relationship's direction. */
    private boolean relationshipsValid(MappedClass c, Map<String, MappedClass> read, Set<String> declared) {
        boolean ok = true;
        for (Relationship rel : c.relationships().values()) {
            String prop = c.name() + "." + rel.name();
            Node.MapNode m = (Node.MapNode) relationshipNodes.get(prop).value();
            Node.Pos at = relationshipNodes.get(prop).keyPos();
            MappedClass target = read.get(rel.target());
            if (target == null) {
                if (!declared.contains(rel.target())) {
                    in.problem(m.get("target"), "relationship " + prop + " targets unknown class '" + rel.target()
                            + "'; classes: " + Reading.quoted(declared));
                }
                ok = false;
                continue;
            }
            if (rel.secondary() != null && !tables.containsKey(rel.secondary())) {
                if (!declaredTables.contains(rel.secondary())) {
                    in.problem(m.get("secondary"), "'secondary' of relationship " + prop + " names unknown table '"
                            + rel.secondary() + "'; tables: " + Reading.quoted(declaredTables));
                }
                ok = false;
                continue;
            }
            if (!columnsKnown(rel)) {
                ok = false;
                continue;
            }
            RelationshipCheck.Result r = RelationshipCheck.check(tables, c, target, rel);
            if (r.error() != null) {
                in.problem(at, r.error());
                ok = false;
            } else {
                directions.put(prop, r.direction());
            }
        }
        return ok;
    }

    private boolean columnsKnown(Relationship rel) {
        for (List<String> list : List.of(rel.orderBy(), rel.foreignKeys(), rel.remoteSide())) {
            for (String s : list) {
                QualifiedColumn q = QualifiedColumn.parse(s);
                if (!tables.containsKey(q.table()) || tables.get(q.table()).column(q.column()) == null) {
                    return false;
                }
            }
        }
        return true;
    }

    /** back_populates names a relationship of the target that points back, in the other direction. */
    private void checkBackPopulates() {
        for (MappedClass c : classes.values()) {
            for (Relationship rel : c.relationships().values()) {
                if (rel.backPopulates() == null) {
                    continue;
                }
                String prop = c.name() + "." + rel.name();
                Node at = ((Node.MapNode) relationshipNodes.get(prop).value()).get("back_populates");
                MappedClass target = classes.get(rel.target());
                if (target == null) {
                    continue;
                }
                Relationship other = target.relationship(rel.backPopulates());
                if (other == null) {
                    in.problem(at, "back_populates of relationship " + prop + ": Mapper 'Mapper[" + target.name() + "("
                            + target.table() + ")]' has no property '" + rel.backPopulates() + "'; its relationships are "
                            + Reading.quoted(target.relationships().keySet()));
                    continue;
                }
                String otherProp = target.name() + "." + other.name();
                if (!other.target().equals(c.name())) {
                    in.problem(at, "reverse_property '" + rel.backPopulates() + "' on relationship " + prop
                            + " references relationship " + otherProp + ", which does not reference mapper Mapper["
                            + c.name() + "(" + c.table() + ")]");
                } else if (other.backPopulates() != null && !other.backPopulates().equals(rel.name())) {
                    in.problem(at, "relationship " + prop + " back_populates " + otherProp + ", but " + otherProp
                            + " back_populates '" + other.backPopulates() + "': each must name the other");
                } else {
                    Direction mine = directions.get(prop);
                    Direction theirs = directions.get(otherProp);
                    boolean reportedByOther = other.backPopulates() != null && otherProp.compareTo(prop) > 0;
                    if (mine != null && mine == theirs && mine != Direction.MANY_TO_MANY
                            && !reportedByOther) {
                        in.problem(at, otherProp + " and back-reference " + prop + " are both of the same direction "
                                + RelationshipCheck.symbol(mine) + ".  Did you mean to set remote_side on the many-to-one side ?");
                    }
                }
            }
        }
    }
}
