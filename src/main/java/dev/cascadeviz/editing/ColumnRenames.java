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

/** A renamed column followed everywhere a scenario names it. */
final class ColumnRenames {

    private ColumnRenames() {
    }

    static Scenario follow(Scenario s, String table, String old, String name) {
        String oldQ = table + "." + old;
        String newQ = table + "." + name;
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Table t : s.tables().values()) {
            Map<String, Column> cols = new LinkedHashMap<>();
            for (Column c : t.columns().values()) {
                cols.put(c.name(), oldQ.equals(c.foreignKey()) ? c.withForeignKey(newQ) : c);
            }
            List<ForeignKey> composite = new ArrayList<>();
            for (ForeignKey fk : t.compositeForeignKeys()) {
                List<String> local = t.name().equals(table) ? swap(fk.columns(), old, name) : fk.columns();
                List<String> ref = fk.referencedTable().equals(table) ? swap(fk.referencedColumns(), old, name) : fk.referencedColumns();
                composite.add(new ForeignKey(local, fk.referencedTable(), ref, fk.ondelete(), fk.onupdate()));
            }
            tables.put(t.name(), new Table(t.name(), cols, composite));
        }
        Map<String, MappedClass> classes = new LinkedHashMap<>();
        for (MappedClass c : s.classes().values()) {
            Map<String, Relationship> rels = new LinkedHashMap<>();
            for (Relationship r : c.relationships().values()) {
                rels.put(r.name(), new Relationship(r.name(), r.target(), r.cascade(), r.passiveDeletes(), r.backPopulates(),
                        r.secondary(), r.uselist(), r.singleParent(), r.postUpdate(), r.viewonly(), r.lazy(),
                        r.passiveUpdates(), swap(r.orderBy(), oldQ, newQ), swap(r.foreignKeys(), oldQ, newQ),
                        swap(r.remoteSide(), oldQ, newQ)));
            }
            classes.put(c.name(), new MappedClass(c.name(), c.table(), rels));
        }
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>(s.rows());
        if (rows.containsKey(table)) {
            List<Map<String, Object>> l = new ArrayList<>();
            for (Map<String, Object> r : rows.get(table)) {
                Map<String, Object> m = new LinkedHashMap<>();
                r.forEach((k, v) -> m.put(k.equals(old) ? name : k, v));
                l.add(m);
            }
            rows.put(table, l);
        }
        return ModelEdits.with(s, tables, classes, rows, s.steps(), s.layout());
    }

    private static List<String> swap(List<String> list, String old, String name) {
        List<String> out = new ArrayList<>();
        for (String x : list) {
            out.add(x.equals(old) ? name : x.startsWith(old + " ") ? name + x.substring(old.length()) : x);
        }
        return out;
    }
}
