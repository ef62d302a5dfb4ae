package dev.cascadeviz.editing;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.Names;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Point;
import dev.cascadeviz.model.QualifiedColumn;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The model edits of issue 12, each a function from one scenario to the next that changes
 * everything the edit implies (a renamed class is renamed where relationships, steps and the
 * layout name it) and refuses, with a sentence, what makes no sense. Whether the result is a
 * scenario the loader accepts is {@link dev.cascadeviz.scenario.ScenarioCheck}'s to say; each
 * {@code ...Dependents} method names what an edit would take with it, for the window to ask first.
 */
public final class ModelEdits {

    private ModelEdits() {
    }

    static Scenario with(Scenario s, Map<String, Table> tables, Map<String, MappedClass> classes,
                         Map<String, List<Map<String, Object>>> rows, List<Step> steps, Map<String, Point> layout) {
        return new Scenario(s.format(), s.sqlalchemy(), s.title(), s.notes(), s.database(), tables, classes, rows, steps, layout);
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A class or relationship name: SQLAlchemy makes it a Python class or attribute. */
    static void requireName(String name, String what) {
        require(name != null && Names.isPythonIdentifier(name),
                what + " must be a Python identifier (letters, digits, _; not starting with a digit): '" + name + "'");
    }

    /** A table or column name: anything SQLAlchemy quotes, as the loader reads it. */
    static void requireSqlName(String name, String what) {
        String problem = name == null ? "is missing" : Names.sqlNameProblem(name);
        require(problem == null, what + " '" + name + "' " + problem);
    }

    /** {@code UserProfile} → {@code user_profile}. */
    public static String tableNameFor(String className) {
        return className.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ classes

    /** A class on a new table with an integer primary key {@code id}, its card at {@code at}. */
    public static Scenario addClass(Scenario s, String className, String tableName, Point at) {
        requireName(className, "A class name");
        requireSqlName(tableName, "A table name");
        require(!s.classes().containsKey(className), "There is already a class " + className + ".");
        require(!s.tables().containsKey(tableName), "There is already a table " + tableName + ".");
        Map<String, Table> tables = new LinkedHashMap<>(s.tables());
        tables.put(tableName, new Table(tableName, Map.of("id", Column.primaryKey("id")), List.of()));
        Map<String, MappedClass> classes = new LinkedHashMap<>(s.classes());
        classes.put(className, new MappedClass(className, tableName, Map.of()));
        Map<String, Point> layout = new LinkedHashMap<>(s.layout());
        if (at != null) {
            layout.put(className, at);
        }
        return with(s, tables, classes, s.rows(), s.steps(), layout);
    }

    /** Renames a class where the mapping, the steps and the layout name it. */
    public static Scenario renameClass(Scenario s, String old, String name) {
        require(s.classes().containsKey(old), "There is no class " + old + ".");
        requireName(name, "A class name");
        if (old.equals(name)) {
            return s;
        }
        require(!s.classes().containsKey(name), "There is already a class " + name + ".");
        Map<String, MappedClass> classes = new LinkedHashMap<>();
        for (MappedClass c : s.classes().values()) {
            Map<String, Relationship> rels = new LinkedHashMap<>();
            for (Relationship r : c.relationships().values()) {
                rels.put(r.name(), r.target().equals(old) ? retarget(r, name) : r);
            }
            String n = c.name().equals(old) ? name : c.name();
            classes.put(n, new MappedClass(n, c.table(), rels));
        }
        List<Step> steps = new ArrayList<>();
        for (Step st : s.steps()) {
            steps.add(StepRefs.mapRefs(st, r -> r.className().equals(old) ? new ObjectRef(name, r.key()) : r));
        }
        Map<String, Point> layout = new LinkedHashMap<>();
        s.layout().forEach((k, v) -> layout.put(k.equals(old) ? name : k, v));
        return with(s, s.tables(), classes, s.rows(), steps, layout);
    }

    static Relationship retarget(Relationship r, String target) {
        return new Relationship(r.name(), target, r.cascade(), r.passiveDeletes(), r.backPopulates(), r.secondary(),
                r.uselist(), r.singleParent(), r.postUpdate(), r.viewonly(), r.lazy(), r.passiveUpdates(), r.orderBy(),
                r.foreignKeys(), r.remoteSide());
    }

    static Relationship withBackPopulates(Relationship r, String back) {
        return new Relationship(r.name(), r.target(), r.cascade(), r.passiveDeletes(), back, r.secondary(),
                r.uselist(), r.singleParent(), r.postUpdate(), r.viewonly(), r.lazy(), r.passiveUpdates(), r.orderBy(),
                r.foreignKeys(), r.remoteSide());
    }

    /** What deleting the class (with its table) also removes, one sentence each; empty when nothing. */
    public static List<String> classDependents(Scenario s, String className) {
        List<String> out = new ArrayList<>();
        MappedClass cls = s.mappedClass(className);
        if (cls == null) {
            return out;
        }
        for (MappedClass c : s.classes().values()) {
            if (c.name().equals(className)) {
                continue;
            }
            for (Relationship r : c.relationships().values()) {
                if (r.target().equals(className)) {
                    out.add("relationship " + c.name() + "." + r.name());
                }
            }
        }
        for (Table t : s.tables().values()) {
            if (t.name().equals(cls.table())) {
                continue;
            }
            for (ForeignKey fk : t.allForeignKeys()) {
                if (fk.referencedTable().equals(cls.table())) {
                    out.add("foreign key " + t.name() + "." + String.join(", ", fk.columns()) + " → " + cls.table()
                            + (referencedOnlyByAssociation(s, t) ? " (and association table " + t.name() + ")" : ""));
                }
            }
        }
        int rows = s.rowsOf(cls.table()).size();
        if (rows > 0) {
            out.add(rows + " row" + (rows == 1 ? "" : "s") + " of " + cls.table());
        }
        for (Step st : s.steps()) {
            if (StepRefs.mentions(st, className)) {
                out.add("step " + st);
            }
        }
        return out;
    }

    private static boolean referencedOnlyByAssociation(Scenario s, Table t) {
        return s.classForTable(t.name()) == null;
    }

    /**
     * Deletes a class with its table, and what depends on them: relationships to it (and their
     * back_populates on the far side), foreign keys to its table (an association table whose key
     * it was goes entirely), their rows, the steps naming its objects, its layout.
     */
    public static Scenario deleteClass(Scenario s, String className) {
        MappedClass cls = s.mappedClass(className);
        require(cls != null, "There is no class " + className + ".");
        String table = cls.table();
        Map<String, Table> tables = new LinkedHashMap<>(s.tables());
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>(s.rows());
        tables.remove(table);
        rows.remove(table);
        List<String> droppedTables = new ArrayList<>(List.of(table));
        for (Table t : s.tables().values()) {
            if (t.name().equals(table) || !tables.containsKey(t.name())) {
                continue;
            }
            boolean refers = t.allForeignKeys().stream().anyMatch(fk -> fk.referencedTable().equals(table));
            if (!refers) {
                continue;
            }
            if (s.classForTable(t.name()) == null) {
                tables.remove(t.name());
                rows.remove(t.name());
                droppedTables.add(t.name());
            } else {
                Table cleaned = dropForeignKeysTo(t, table);
                tables.put(t.name(), cleaned);
            }
        }
        Map<String, MappedClass> classes = new LinkedHashMap<>();
        for (MappedClass c : s.classes().values()) {
            if (c.name().equals(className)) {
                continue;
            }
            Map<String, Relationship> rels = new LinkedHashMap<>();
            for (Relationship r : c.relationships().values()) {
                if (r.target().equals(className) || r.secondary() != null && droppedTables.contains(r.secondary())) {
                    continue;
                }
                rels.put(r.name(), r);
            }
            classes.put(c.name(), new MappedClass(c.name(), c.table(), rels));
        }
        classes = dropDanglingBackPopulates(classes);
        List<Step> steps = new ArrayList<>();
        for (Step st : s.steps()) {
            if (!StepRefs.mentions(st, className)) {
                steps.add(st);
            }
        }
        Map<String, Point> layout = new LinkedHashMap<>(s.layout());
        layout.remove(className);
        Scenario out = with(s, tables, classes, rows, steps, layout);
        return clearRowsOfDroppedColumns(out);
    }

    /** A table without its foreign keys to {@code referenced}: the key columns stay, as plain columns. */
    static Table dropForeignKeysTo(Table t, String referenced) {
        Map<String, Column> cols = new LinkedHashMap<>();
        for (Column c : t.columns().values()) {
            if (c.foreignKey() != null && QualifiedColumn.parse(c.foreignKey()).table().equals(referenced)) {
                c = c.withForeignKey(null).withOndelete(null).withOnupdate(null);
            }
            cols.put(c.name(), c);
        }
        List<ForeignKey> composite = new ArrayList<>();
        for (ForeignKey fk : t.compositeForeignKeys()) {
            if (!fk.referencedTable().equals(referenced)) {
                composite.add(fk);
            }
        }
        return new Table(t.name(), cols, composite);
    }

    /** Clears a back_populates that names a relationship no longer there. */
    static Map<String, MappedClass> dropDanglingBackPopulates(Map<String, MappedClass> classes) {
        Map<String, MappedClass> out = new LinkedHashMap<>();
        for (MappedClass c : classes.values()) {
            Map<String, Relationship> rels = new LinkedHashMap<>();
            for (Relationship r : c.relationships().values()) {
                MappedClass target = classes.get(r.target());
                if (r.backPopulates() != null && (target == null || target.relationship(r.backPopulates()) == null)) {
                    r = withBackPopulates(r, null);
                }
                rels.put(r.name(), r);
            }
            out.put(c.name(), new MappedClass(c.name(), c.table(), rels));
        }
        return out;
    }

    /** Rows keep only the columns their table still has. */
    static Scenario clearRowsOfDroppedColumns(Scenario s) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        s.rows().forEach((table, list) -> {
            Table t = s.table(table);
            if (t == null) {
                return;
            }
            List<Map<String, Object>> l = new ArrayList<>();
            for (Map<String, Object> r : list) {
                Map<String, Object> kept = new LinkedHashMap<>();
                r.forEach((k, v) -> {
                    if (t.columns().containsKey(k)) {
                        kept.put(k, v);
                    }
                });
                l.add(kept);
            }
            rows.put(table, l);
        });
        return s.withRows(rows);
    }

    // ------------------------------------------------------------------ columns

    public static Scenario addColumn(Scenario s, String table, Column c) {
        Table t = s.table(table);
        require(t != null, "There is no table " + table + ".");
        requireSqlName(c.name(), "A column name");
        require(!t.columns().containsKey(c.name()), "Table " + table + " already has a column " + c.name() + ".");
        return s.withTable(t.withColumn(c));
    }

    /**
     * Replaces a column (its name, type, length, keys, constraints, foreign key); a new name is
     * followed everywhere the old one is named: foreign keys of other tables, composite keys,
     * rows, relationships' table.column arguments.
     */
    public static Scenario replaceColumn(Scenario s, String table, String oldName, Column c) {
        Table t = s.table(table);
        require(t != null && t.column(oldName) != null, "There is no column " + table + "." + oldName + ".");
        requireSqlName(c.name(), "A column name");
        require(c.name().equals(oldName) || !t.columns().containsKey(c.name()),
                "Table " + table + " already has a column " + c.name() + ".");
        if (c.foreignKey() != null) {
            QualifiedColumn q = QualifiedColumn.parse(c.foreignKey());
            require(q != null && s.table(q.table()) != null && s.table(q.table()).column(q.column()) != null,
                    "The foreign key must name an existing table.column: '" + c.foreignKey() + "'.");
        } else {
            c = c.withOndelete(null).withOnupdate(null);
        }
        Map<String, Column> cols = new LinkedHashMap<>();
        for (Column x : t.columns().values()) {
            cols.put(x.name().equals(oldName) ? c.name() : x.name(), x.name().equals(oldName) ? c : x);
        }
        Scenario out = s.withTable(new Table(table, cols, t.compositeForeignKeys()));
        if (!c.name().equals(oldName)) {
            out = ColumnRenames.follow(out, table, oldName, c.name());
        }
        return out;
    }

    /** Moves a column up (-1) or down (+1) in its table. */
    public static Scenario moveColumn(Scenario s, String table, String column, int delta) {
        Table t = s.table(table);
        require(t != null && t.column(column) != null, "There is no column " + table + "." + column + ".");
        List<String> names = new ArrayList<>(t.columns().keySet());
        int i = names.indexOf(column);
        int j = Math.max(0, Math.min(names.size() - 1, i + delta));
        if (i == j) {
            return s;
        }
        names.remove(i);
        names.add(j, column);
        Map<String, Column> cols = new LinkedHashMap<>();
        for (String n : names) {
            cols.put(n, t.column(n));
        }
        Scenario out = s.withTable(new Table(table, cols, t.compositeForeignKeys()));
        // rows follow the table's column order, as the loader reads them
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>(out.rows());
        if (rows.containsKey(table)) {
            List<Map<String, Object>> l = new ArrayList<>();
            for (Map<String, Object> r : rows.get(table)) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (String n : names) {
                    if (r.containsKey(n)) {
                        m.put(n, r.get(n));
                    }
                }
                l.add(m);
            }
            rows.put(table, l);
        }
        return out.withRows(rows);
    }

    /** What deleting the column takes with it: foreign keys to it, relationships carried by its key. */
    public static List<String> columnDependents(Scenario s, String table, String column) {
        List<String> out = new ArrayList<>();
        for (Table t : s.tables().values()) {
            for (ForeignKey fk : t.allForeignKeys()) {
                if (fk.referencedTable().equals(table) && fk.referencedColumns().contains(column)) {
                    out.add("foreign key " + t.name() + "." + String.join(", ", fk.columns()) + " → " + table + "." + column);
                }
            }
        }
        Table t = s.table(table);
        if (t != null) {
            for (ForeignKey fk : t.allForeignKeys()) {
                if (fk.columns().contains(column)) {
                    out.addAll(foreignKeyDependents(s, table, fk));
                }
            }
        }
        return out;
    }

    /** Deletes a column, the foreign keys on or to it, and its values in the rows. */
    public static Scenario deleteColumn(Scenario s, String table, String column) {
        Table t = s.table(table);
        require(t != null && t.column(column) != null, "There is no column " + table + "." + column + ".");
        require(t.columns().size() > 1, "A table needs at least one column: delete the class or table instead.");
        Scenario out = s;
        for (ForeignKey fk : t.allForeignKeys()) {
            if (fk.columns().contains(column)) {
                out = deleteForeignKey(out, table, fk);
            }
        }
        for (Table other : out.tables().values()) {
            for (ForeignKey fk : other.allForeignKeys()) {
                if (fk.referencedTable().equals(table) && fk.referencedColumns().contains(column)) {
                    out = deleteForeignKey(out, other.name(), fk);
                }
            }
        }
        Table now = out.table(table);
        Map<String, Column> cols = new LinkedHashMap<>(now.columns());
        cols.remove(column);
        out = out.withTable(new Table(table, cols, now.compositeForeignKeys()));
        return clearRowsOfDroppedColumns(out);
    }

    /** The relationships a foreign key carries (they go with it), by the mapping's own reading. */
    public static List<String> foreignKeyDependents(Scenario s, String table, ForeignKey fk) {
        List<String> out = new ArrayList<>();
        for (MappedClass c : s.classes().values()) {
            for (Relationship r : c.relationships().values()) {
                if (carriedBy(s, c, r, table, fk)) {
                    out.add("relationship " + c.name() + "." + r.name());
                }
            }
        }
        return out;
    }

    static boolean carriedBy(Scenario s, MappedClass c, Relationship r, String table, ForeignKey fk) {
        MappedClass target = s.mappedClass(r.target());
        if (target == null) {
            return false;
        }
        if (r.secondary() != null) {
            return r.secondary().equals(table);
        }
        String ref = fk.referencedTable();
        return table.equals(c.table()) && ref.equals(target.table()) || table.equals(target.table()) && ref.equals(c.table());
    }

    /**
     * Deletes a foreign key (its columns stay) and the relationships it carries, unless another
     * foreign key between the same tables still carries them.
     */
    public static Scenario deleteForeignKey(Scenario s, String table, ForeignKey fk) {
        Table t = s.table(table);
        require(t != null, "There is no table " + table + ".");
        Map<String, Column> cols = new LinkedHashMap<>();
        for (Column c : t.columns().values()) {
            if (!fk.isComposite() && c.name().equals(fk.columns().get(0))) {
                c = c.withForeignKey(null).withOndelete(null).withOnupdate(null);
            }
            cols.put(c.name(), c);
        }
        List<ForeignKey> composite = new ArrayList<>(t.compositeForeignKeys());
        composite.remove(fk);
        Table cleaned = new Table(table, cols, composite);
        Scenario out = s.withTable(cleaned);
        boolean stillLinked = cleaned.allForeignKeys().stream().anyMatch(k -> k.referencedTable().equals(fk.referencedTable()));
        if (stillLinked) {
            return out;
        }
        Map<String, MappedClass> classes = new LinkedHashMap<>();
        for (MappedClass c : out.classes().values()) {
            Map<String, Relationship> rels = new LinkedHashMap<>();
            for (Relationship r : c.relationships().values()) {
                if (!carriedBy(s, c, r, table, fk)) {
                    rels.put(r.name(), r);
                }
            }
            classes.put(c.name(), new MappedClass(c.name(), c.table(), rels));
        }
        return dropStepsOnMissingAttributes(with(out, out.tables(), dropDanglingBackPopulates(classes), out.rows(),
                out.steps(), out.layout()), s);
    }

    // ------------------------------------------------------------------ relationships

    /** What deleting a relationship takes with it: the back_populates on the far side, the steps naming it. */
    public static List<String> relationshipDependents(Scenario s, String className, String rel) {
        List<String> out = new ArrayList<>();
        MappedClass c = s.mappedClass(className);
        Relationship r = c == null ? null : c.relationship(rel);
        if (r == null) {
            return out;
        }
        MappedClass target = s.mappedClass(r.target());
        if (r.backPopulates() != null && target != null && target.relationship(r.backPopulates()) != null) {
            out.add("back_populates of " + target.name() + "." + r.backPopulates() + " (that relationship stays)");
        }
        for (Step st : s.steps()) {
            if (StepRefs.mentionsAttribute(st, className, rel)) {
                out.add("step " + st);
            }
        }
        return out;
    }

    public static Scenario deleteRelationship(Scenario s, String className, String rel) {
        MappedClass c = s.mappedClass(className);
        require(c != null && c.relationship(rel) != null, "There is no relationship " + className + "." + rel + ".");
        Map<String, Relationship> rels = new LinkedHashMap<>(c.relationships());
        rels.remove(rel);
        Map<String, MappedClass> classes = new LinkedHashMap<>(s.classes());
        classes.put(className, new MappedClass(className, c.table(), rels));
        return dropStepsOnMissingAttributes(with(s, s.tables(), dropDanglingBackPopulates(classes), s.rows(), s.steps(),
                s.layout()), s);
    }

    /** Steps naming a relationship the edit removed go too. */
    static Scenario dropStepsOnMissingAttributes(Scenario after, Scenario before) {
        List<Step> steps = new ArrayList<>();
        for (Step st : after.steps()) {
            boolean dangling = false;
            for (MappedClass c : before.classes().values()) {
                for (Relationship r : c.relationships().values()) {
                    MappedClass now = after.mappedClass(c.name());
                    if ((now == null || now.relationship(r.name()) == null) && StepRefs.mentionsAttribute(st, c.name(), r.name())) {
                        dangling = true;
                    }
                }
            }
            if (!dangling) {
                steps.add(st);
            }
        }
        return after.withSteps(steps);
    }

    /** The type a column referencing {@code target} should have. */
    static ColumnType typeOf(Column target) {
        return target.type();
    }
}
