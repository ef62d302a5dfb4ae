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
 * A renamed table followed everywhere a scenario names it: the foreign keys that refer to it
 * (single-column and composite), the class mapped to it, the relationships whose {@code secondary}
 * it is, the {@code table.column} arguments of relationships (order_by, foreign_keys,
 * remote_side) and its starting rows. Steps name classes, never tables, and stay as they are.
 */
public final class TableRenames {

    private TableRenames() {
    }

    /**
     * The scenario with table {@code old} called {@code name}. A name another table has already is
     * not settled here: the result then holds both tables under that name, as the file would, and
     * the loader's check ({@link dev.cascadeviz.scenario.ScenarioCheck}) refuses it with its own
     * message; such a result is never kept.
     */
    public static Scenario renameTable(Scenario s, String old, String name) {
        ModelEdits.require(s.table(old) != null, "There is no table " + old + ".");
        ModelEdits.requireName(name, "A table name");
        if (old.equals(name)) {
            return s;
        }
        boolean clash = s.tables().containsKey(name);
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Table t : s.tables().values()) {
            Map<String, Column> cols = new LinkedHashMap<>();
            for (Column c : t.columns().values()) {
                cols.put(c.name(), c.foreignKey() == null ? c : c.withForeignKey(qualified(c.foreignKey(), old, name)));
            }
            List<ForeignKey> composite = new ArrayList<>();
            for (ForeignKey fk : t.compositeForeignKeys()) {
                composite.add(new ForeignKey(fk.columns(), fk.referencedTable().equals(old) ? name : fk.referencedTable(),
                        fk.referencedColumns(), fk.ondelete(), fk.onupdate()));
            }
            boolean renamed = t.name().equals(old);
            // on a clash the renamed table keeps its old key, so that neither table is lost before the check
            tables.put(renamed && !clash ? name : t.name(), new Table(renamed ? name : t.name(), cols, composite));
        }
        Map<String, MappedClass> classes = new LinkedHashMap<>();
        for (MappedClass c : s.classes().values()) {
            Map<String, Relationship> rels = new LinkedHashMap<>();
            for (Relationship r : c.relationships().values()) {
                rels.put(r.name(), new Relationship(r.name(), r.target(), r.cascade(), r.passiveDeletes(), r.backPopulates(),
                        old.equals(r.secondary()) ? name : r.secondary(), r.uselist(), r.singleParent(), r.postUpdate(),
                        r.viewonly(), r.lazy(), r.passiveUpdates(), qualified(r.orderBy(), old, name),
                        qualified(r.foreignKeys(), old, name), qualified(r.remoteSide(), old, name)));
            }
            classes.put(c.name(), new MappedClass(c.name(), c.table().equals(old) ? name : c.table(), rels));
        }
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        s.rows().forEach((t, list) -> rows.put(t.equals(old) && !clash ? name : t, list));
        return ModelEdits.with(s, tables, classes, rows, s.steps(), s.layout());
    }

    /** Renames a class and its table in one edit. */
    public static Scenario renameClassAndTable(Scenario s, String className, String newClass, String newTable) {
        MappedClass c = s.mappedClass(className);
        ModelEdits.require(c != null, "There is no class " + className + ".");
        return renameTable(ModelEdits.renameClass(s, className, newClass), c.table(), newTable);
    }

    /** {@code old.col} (with an optional {@code " desc"}) → {@code name.col}; anything else unchanged. */
    static String qualified(String ref, String old, String name) {
        return ref.startsWith(old + ".") ? name + ref.substring(old.length()) : ref;
    }

    private static List<String> qualified(List<String> refs, String old, String name) {
        List<String> out = new ArrayList<>();
        for (String r : refs) {
            out.add(qualified(r, old, name));
        }
        return out;
    }
}
