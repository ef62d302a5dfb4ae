package dev.cascadeviz.editing;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A relationship drawn from one class to another, and the foreign key it needs: the existing
 * one when there is one, else a new column (created on the side SQLAlchemy's direction puts it).
 *
 * @param backName the {@code back_populates} partner's name on the target, null for none
 * @param association the association table of a many-to-many (an existing one, or created), or the new
 *     table of an association object, else null
 * @param associationClass the new class of an association object, else null
 */
public record RelationshipPlan(String source, String target, Kind kind, String name, String backName, String association,
                               String associationClass) {

    public RelationshipPlan(String source, String target, Kind kind, String name, String backName, String association) {
        this(source, target, kind, name, backName, association, null);
    }

    /** The shapes the window offers; SQLAlchemy derives the direction from where the foreign key is. */
    public enum Kind {
        ONE_TO_MANY("one-to-many: a " + "source has many targets (the key on the target's table)"),
        MANY_TO_ONE("many-to-one: a source belongs to one target (the key on the source's table)"),
        ONE_TO_ONE("one-to-one: a source has one target (the key on the target's table, uselist=False)"),
        MANY_TO_MANY("many-to-many through an association table"),
        ASSOCIATION_OBJECT("association object: a class between source and target, its primary key their two keys");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * The kind the foreign keys already decide, or null when the window must ask: no key between
     * the two tables, keys both ways, or a class to itself.
     */
    public static Kind obvious(Scenario s, String source, String target) {
        MappedClass a = s.mappedClass(source);
        MappedClass b = s.mappedClass(target);
        if (a == null || b == null || a.table().equals(b.table())) {
            return null;
        }
        boolean down = keyTo(s.table(b.table()), a.table()) != null;
        boolean up = keyTo(s.table(a.table()), b.table()) != null;
        if (down == up) {
            return null;
        }
        return down ? Kind.ONE_TO_MANY : Kind.MANY_TO_ONE;
    }

    static ForeignKey keyTo(Table t, String referenced) {
        if (t == null) {
            return null;
        }
        for (ForeignKey fk : t.allForeignKeys()) {
            if (fk.referencedTable().equals(referenced)) {
                return fk;
            }
        }
        return null;
    }

    /** A default name: {@code posts} for a collection of Post, {@code user} for one User. */
    public static String defaultName(String targetClass, boolean many) {
        String base = ModelEdits.tableNameFor(targetClass);
        return many ? (base.endsWith("s") ? base + "es" : base + "s") : base;
    }

    /** In words, for the dialog: the foreign key this plan uses or creates. */
    public String proposal(Scenario s) {
        MappedClass a = s.mappedClass(source);
        MappedClass b = s.mappedClass(target);
        if (a == null || b == null) {
            return "";
        }
        if (kind == Kind.ASSOCIATION_OBJECT) {
            return AssociationObject.proposal(this, s);
        }
        if (kind == Kind.MANY_TO_MANY) {
            String t = association == null ? defaultAssociation(a, b) : association;
            return s.table(t) == null ? "a new association table " + t + " (" + a.table() + "_id, " + b.table() + "_id)"
                    : "the association table " + t;
        }
        Table child = s.table(kind == Kind.MANY_TO_ONE ? a.table() : b.table());
        Table parent = s.table(kind == Kind.MANY_TO_ONE ? b.table() : a.table());
        ForeignKey fk = keyTo(child, parent.name());
        if (fk != null) {
            return "the foreign key " + child.name() + "." + String.join(", ", fk.columns()) + " → " + parent.name() + "."
                    + String.join(", ", fk.referencedColumns());
        }
        List<String> cols = newKeyColumns(child, parent);
        return "a new column " + child.name() + "." + String.join(", ", cols) + " → " + parent.name() + "."
                + String.join(", ", parent.primaryKey().stream().map(Column::name).toList());
    }

    static String defaultAssociation(MappedClass a, MappedClass b) {
        return a.table() + "_" + b.table();
    }

    private static List<String> newKeyColumns(Table child, Table parent) {
        List<String> out = new ArrayList<>();
        for (Column pk : parent.primaryKey()) {
            String n = parent.name() + "_" + pk.name();
            while (child.columns().containsKey(n) || out.contains(n)) {
                n = n + "_";
            }
            out.add(n);
        }
        return out;
    }

    /** The scenario with the relationship, its partner when asked for, and the key it needs. */
    public Scenario apply(Scenario s) {
        MappedClass a = s.mappedClass(source);
        MappedClass b = s.mappedClass(target);
        ModelEdits.require(a != null && b != null, "Both ends must be classes.");
        if (kind == Kind.ASSOCIATION_OBJECT) {
            return AssociationObject.apply(this, s);
        }
        ModelEdits.requireName(name, "A relationship name");
        ModelEdits.require(a.relationship(name) == null, source + " already has a relationship " + name + ".");
        if (backName != null) {
            ModelEdits.requireName(backName, "The back_populates name");
            ModelEdits.require(b.relationship(backName) == null && !(source.equals(target) && backName.equals(name)),
                    target + " already has a relationship " + backName + ".");
        }
        Scenario out = s;
        Relationship forward = Relationship.to(name, target);
        Relationship back = backName == null ? null : Relationship.to(backName, source);
        if (kind == Kind.MANY_TO_MANY) {
            String t = association == null ? defaultAssociation(a, b) : association;
            if (out.table(t) == null) {
                out = addAssociationTable(out, t, a.table(), b.table());
            }
            forward = withSecondary(forward, t);
            back = back == null ? null : withSecondary(back, t);
        } else {
            boolean keyOnSource = kind == Kind.MANY_TO_ONE;
            String childTable = keyOnSource ? a.table() : b.table();
            String parentTable = keyOnSource ? b.table() : a.table();
            ModelEdits.require(!childTable.equals(parentTable),
                    "A class to itself needs remote_side: set it in the inspector after creating the foreign key.");
            if (keyTo(out.table(childTable), parentTable) == null) {
                out = addKey(out, childTable, parentTable);
            }
            if (kind == Kind.ONE_TO_ONE) {
                forward = forward.withUselist(false);
            }
        }
        if (back != null) {
            forward = ModelEdits.withBackPopulates(forward, backName);
            back = ModelEdits.withBackPopulates(back, name);
        }
        out = out.withClass(out.mappedClass(source).withRelationship(forward));
        if (back != null) {
            out = out.withClass(out.mappedClass(target).withRelationship(back));
        }
        return out;
    }

    static Relationship withSecondary(Relationship r, String table) {
        return new Relationship(r.name(), r.target(), r.cascade(), r.passiveDeletes(), r.backPopulates(), table,
                r.uselist(), r.singleParent(), r.postUpdate(), r.viewonly(), r.lazy(), r.passiveUpdates(), r.orderBy(),
                r.foreignKeys(), r.remoteSide());
    }

    static Scenario addKey(Scenario s, String childTable, String parentTable) {
        Table child = s.table(childTable);
        Table parent = s.table(parentTable);
        List<Column> pk = parent.primaryKey();
        ModelEdits.require(!pk.isEmpty(), "Table " + parentTable + " has no primary key to refer to.");
        List<String> cols = newKeyColumns(child, parent);
        Table t = child;
        if (pk.size() == 1) {
            Column c = new Column(cols.get(0), pk.get(0).type(), pk.get(0).length(), false, true, false, false, null,
                    parentTable + "." + pk.get(0).name(), null, null);
            t = t.withColumn(c);
        } else {
            for (int i = 0; i < pk.size(); i++) {
                t = t.withColumn(new Column(cols.get(i), pk.get(i).type(), pk.get(i).length(), false, true, false, false,
                        null, null, null, null));
            }
            List<ForeignKey> keys = new ArrayList<>(t.compositeForeignKeys());
            keys.add(new ForeignKey(cols, parentTable, pk.stream().map(Column::name).toList(), null, null));
            t = t.withCompositeForeignKeys(keys);
        }
        return s.withTable(t);
    }

    /** An association table (no class): one primary-key column referencing each table's key. */
    public static Scenario addAssociationTable(Scenario s, String name, String left, String right) {
        ModelEdits.requireName(name, "A table name");
        ModelEdits.require(s.table(name) == null, "There is already a table " + name + ".");
        Table l = s.table(left);
        Table r = s.table(right);
        ModelEdits.require(l != null && r != null, "Both tables must exist.");
        ModelEdits.require(l.primaryKey().size() == 1 && r.primaryKey().size() == 1,
                "An association table here refers to single-column primary keys.");
        Column lk = l.primaryKey().get(0);
        Column rk = r.primaryKey().get(0);
        String ln = left + "_" + lk.name();
        String rn = right + "_" + rk.name();
        if (ln.equals(rn)) {
            rn = rn + "_2";
        }
        Map<String, Column> cols = new LinkedHashMap<>();
        cols.put(ln, new Column(ln, lk.type(), lk.length(), true, false, false, false, null, left + "." + lk.name(), null, null));
        cols.put(rn, new Column(rn, rk.type(), rk.length(), true, false, false, false, null, right + "." + rk.name(), null, null));
        return s.withTable(new Table(name, cols, List.of()));
    }
}
