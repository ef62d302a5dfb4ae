package dev.cascadeviz.interop;

import dev.cascadeviz.interop.ModelColumns.ColumnSpec;
import dev.cascadeviz.interop.ModelColumns.KeySpec;
import dev.cascadeviz.interop.ModelRelationships.RelSpec;
import dev.cascadeviz.interop.ModelsImport.ClassSpec;
import dev.cascadeviz.interop.ModelsImport.TableSpec;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.model.mapping.Direction;
import dev.cascadeviz.model.mapping.Mapping;
import dev.cascadeviz.model.mapping.MappingException;
import dev.cascadeviz.model.mapping.MappingResolver;
import dev.cascadeviz.model.mapping.RelationshipMapping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what {@link ModelsImport} read into a scenario: tables in source order, class attributes
 * and {@code table.c.column} references resolved to {@code table.column}, backrefs made into the
 * reverse relationship (both sides with {@code back_populates}), and {@code uselist=False} where
 * a 2.0 scalar annotation makes SQLAlchemy use it.
 */
final class ModelScenario {

    private final List<ClassSpec> classes;
    private final List<TableSpec> tables;
    private final List<Object> order;
    private final List<ImportNote> notes;
    private final Map<String, ClassSpec> classByName = new LinkedHashMap<>();
    private final Map<String, TableSpec> tableByVariable = new LinkedHashMap<>();
    /** Every table name with its columns (by column name). */
    private final Map<String, Map<String, ColumnSpec>> columnsOfTable = new LinkedHashMap<>();

    ModelScenario(List<ClassSpec> classes, List<TableSpec> tables, List<Object> order, List<ImportNote> notes) {
        this.classes = classes;
        this.tables = tables;
        this.order = order;
        this.notes = new ArrayList<>(notes);
    }

    private void note(int line, String message) {
        notes.add(new ImportNote(line, message));
    }

    ImportResult build(String title) {
        classes.forEach(c -> classByName.putIfAbsent(c.name, c));
        tables.forEach(t -> tableByVariable.putIfAbsent(t.variable, t));
        for (ClassSpec c : classes) {
            if (c.table == null) {
                c.table = tableOf(c);
            }
        }
        Map<String, Table> built = new LinkedHashMap<>();
        // columns first, so that references between tables resolve whatever the order
        for (Object o : order) {
            String name = o instanceof ClassSpec c ? (c.tableOf == null ? c.table : null) : ((TableSpec) o).name;
            if (name == null) {
                continue;
            }
            Map<String, ColumnSpec> cols = new LinkedHashMap<>();
            for (ColumnSpec s : (o instanceof ClassSpec c ? c.columns : ((TableSpec) o).columns).values()) {
                cols.put(s.name, s);
            }
            if (columnsOfTable.containsKey(name)) {
                note(o instanceof ClassSpec c ? c.line : ((TableSpec) o).line, "skipped a second definition of table " + name);
                continue;
            }
            columnsOfTable.put(name, cols);
        }
        for (Object o : order) {
            boolean isClass = o instanceof ClassSpec;
            String name = isClass ? (((ClassSpec) o).tableOf == null ? ((ClassSpec) o).table : null) : ((TableSpec) o).name;
            if (name == null || built.containsKey(name)) {
                continue;
            }
            ClassSpec owner = isClass ? (ClassSpec) o : null;
            List<KeySpec> keys = isClass ? owner.keys : ((TableSpec) o).keys;
            built.put(name, table(name, columnsOfTable.get(name), keys, owner));
        }
        Map<String, MappedClass> mapped = new LinkedHashMap<>();
        Map<String, Map<String, RelSpec>> specs = new LinkedHashMap<>();
        for (ClassSpec c : classes) {
            if (c.table == null || !built.containsKey(c.table)) {
                note(c.line, "skipped class " + c.name + ": its table is not defined in the module");
                continue;
            }
            mapped.put(c.name, new MappedClass(c.name, c.table, Map.of()));
            specs.put(c.name, new LinkedHashMap<>());
        }
        for (ClassSpec c : classes) {
            if (!specs.containsKey(c.name)) {
                continue;
            }
            for (RelSpec r : c.relationships) {
                if (r.backref != null) {
                    r.backPopulates = r.backref.name;
                }
                addRelationship(r, mapped, specs);
                if (r.backref != null) {
                    RelSpec b = r.backref;
                    b.backPopulates = r.name;
                    b.secondary = b.secondary != null ? b.secondary : r.secondary;
                    if (b.foreignKeys.isEmpty()) {
                        b.foreignKeys.addAll(r.foreignKeys);
                    }
                    b.postUpdate = b.postUpdate != null ? b.postUpdate : r.postUpdate;
                    b.passiveUpdates = b.passiveUpdates != null ? b.passiveUpdates : r.passiveUpdates;
                    b.viewonly = b.viewonly != null ? b.viewonly : r.viewonly;
                    if (specs.containsKey(b.owner) && specs.get(b.owner).containsKey(b.name)) {
                        note(b.line, "backref " + b.name + ": " + b.owner + " already has an attribute of that name");
                        continue;
                    }
                    addRelationship(b, mapped, specs);
                }
            }
        }
        Scenario scenario = new Scenario(1, null, title, null, null, built, mapped, Map.of(), List.of(), Map.of());
        scenario = scalarAnnotations(scenario, specs);
        return ImportChecks.checked(scenario, notes);
    }

    private String tableOf(ClassSpec c) {
        if (c.tableOf == null) {
            return null;
        }
        String ref = c.tableOf;
        if (ref.endsWith(".__table__")) {
            ClassSpec other = classByName.get(ref.substring(0, ref.length() - ".__table__".length()));
            if (other != null && other != c) {
                return other.table != null ? other.table : tableOf(other);
            }
        }
        TableSpec t = tableByVariable.get(ref);
        return t == null ? null : t.name;
    }

    private Table table(String name, Map<String, ColumnSpec> specs, List<KeySpec> keys, ClassSpec owner) {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (ColumnSpec s : specs.values()) {
            String fk = null;
            if (s.foreignKey != null) {
                fk = resolve(s.foreignKey, owner, true);
                if (fk == null) {
                    note(s.line, "column " + name + "." + s.name + ": skipped ForeignKey(" + s.foreignKey
                            + "): no such column in the module");
                }
            }
            var type = s.type;
            Integer length = s.length;
            if (fk != null && s.typeInferred) {
                ColumnSpec ref = column(fk);
                if (ref != null) {
                    type = ref.type;
                    length = ref.length;
                }
            }
            boolean nullable = s.nullable != null ? s.nullable : Column.defaultNullable(s.primaryKey);
            columns.put(s.name, new Column(s.name, type, length, s.primaryKey, nullable, s.unique, s.index, s.autoincrement,
                    fk, fk == null ? null : s.ondelete, fk == null ? null : s.onupdate));
        }
        List<ForeignKey> composite = new ArrayList<>();
        for (KeySpec k : keys) {
            List<String> refColumns = new ArrayList<>();
            String refTable = null;
            boolean ok = true;
            for (String ref : k.references()) {
                String q = resolve(ref, owner, true);
                if (q == null || (refTable != null && !refTable.equals(q.substring(0, q.lastIndexOf('.'))))) {
                    ok = false;
                    break;
                }
                refTable = q.substring(0, q.lastIndexOf('.'));
                refColumns.add(q.substring(q.lastIndexOf('.') + 1));
            }
            List<String> local = new ArrayList<>();
            for (String c : k.columns()) {
                String col = specs.containsKey(c) ? c : owner != null && owner.columns.containsKey(c) ? owner.columns.get(c).name : null;
                ok &= col != null;
                local.add(col);
            }
            if (!ok) {
                note(k.line(), "table " + name + ": skipped a ForeignKeyConstraint whose columns are not all in the module");
                continue;
            }
            ForeignKey fk = new ForeignKey(local, refTable, refColumns, k.ondelete(), k.onupdate());
            if (fk.isComposite()) {
                composite.add(fk);
            } else {
                Column c = columns.get(local.get(0));
                columns.put(c.name(), c.withForeignKey(refTable + "." + refColumns.get(0)).withOndelete(k.ondelete())
                        .withOnupdate(k.onupdate()));
            }
        }
        return new Table(name, columns, composite);
    }

    private ColumnSpec column(String qualified) {
        int dot = qualified.lastIndexOf('.');
        Map<String, ColumnSpec> cols = columnsOfTable.get(qualified.substring(0, dot));
        return cols == null ? null : cols.get(qualified.substring(dot + 1));
    }

    /**
     * A reference as {@code table.column}, or null: {@code "table.column"}, {@code Class.attr},
     * {@code table.c.column}, {@code table_var.c.column}, {@code Class.__table__.c.column}, or a
     * bare attribute of the owner class.
     */
    private String resolve(String ref, ClassSpec owner, boolean tablesFirst) {
        String[] parts = ref.split("\\.");
        if (parts.length == 1) {
            if (owner != null && owner.columns.containsKey(parts[0]) && owner.table != null) {
                return owner.table + "." + owner.columns.get(parts[0]).name;
            }
            return null;
        }
        String column = parts[parts.length - 1];
        String head = String.join(".", Arrays.copyOf(parts, parts.length - 1));
        if (head.endsWith(".c")) {
            head = head.substring(0, head.length() - 2);
        }
        if (head.endsWith(".__table__")) {
            head = head.substring(0, head.length() - ".__table__".length());
            ClassSpec c = classByName.get(head);
            return c != null && c.table != null && hasColumn(c.table, column) ? c.table + "." + column : null;
        }
        String byTable = null;
        String table = tableByVariable.containsKey(head) ? tableByVariable.get(head).name : head;
        if (hasColumn(table, column)) {
            byTable = table + "." + column;
        }
        String byClass = null;
        ClassSpec c = classByName.get(head);
        if (c != null && c.table != null && c.columns.containsKey(column)) {
            byClass = c.table + "." + c.columns.get(column).name;
        }
        return tablesFirst ? (byTable != null ? byTable : byClass) : (byClass != null ? byClass : byTable);
    }

    private boolean hasColumn(String table, String column) {
        return columnsOfTable.containsKey(table) && columnsOfTable.get(table).containsKey(column);
    }

    private void addRelationship(RelSpec r, Map<String, MappedClass> mapped, Map<String, Map<String, RelSpec>> specs) {
        String where = "relationship " + r.owner + "." + r.name;
        if (!mapped.containsKey(r.owner)) {
            note(r.line, "skipped " + where + ": no mapped class " + r.owner);
            return;
        }
        if (!mapped.containsKey(r.target)) {
            note(r.line, "skipped " + where + ": its target " + r.target + " is not a mapped class of the module");
            return;
        }
        String secondary = null;
        if (r.secondary != null) {
            TableSpec t = tableByVariable.get(r.secondary);
            secondary = t != null ? t.name : columnsOfTable.containsKey(r.secondary) ? r.secondary : null;
            if (secondary == null) {
                note(r.line, "skipped " + where + ": secondary " + r.secondary + " is not a table of the module");
                return;
            }
        }
        ClassSpec owner = classByName.get(r.owner);
        Relationship rel = new Relationship(r.name, r.target, r.cascade, r.passiveDeletes, r.backPopulates, secondary,
                r.uselist, r.singleParent, r.postUpdate, r.viewonly, r.lazy, r.passiveUpdates,
                columns(r.orderBy, owner, where, "order_by"), columns(r.foreignKeys, owner, where, "foreign_keys"),
                columns(r.remoteSide, owner, where, "remote_side"));
        mapped.put(r.owner, mapped.get(r.owner).withRelationship(rel));
        specs.get(r.owner).put(r.name, r);
    }

    private List<String> columns(List<String> refs, ClassSpec owner, String where, String option) {
        List<String> out = new ArrayList<>();
        for (String ref : refs) {
            String q = resolve(ref, owner, false);
            if (q == null) {
                note(owner == null ? 0 : owner.line, where + ": skipped " + ref + " in " + option + ": not a column of the module");
            } else {
                out.add(q);
            }
        }
        return out;
    }

    /**
     * SQLAlchemy 2.0 makes a relationship annotated with a single class ({@code Mapped["B"]})
     * scalar: {@code uselist=False} unless it is a many-to-one anyway.
     */
    private Scenario scalarAnnotations(Scenario scenario, Map<String, Map<String, RelSpec>> specs) {
        Mapping mapping;
        try {
            mapping = MappingResolver.resolveStructure(scenario);
        } catch (MappingException | RuntimeException e) {
            return scenario; // reported by the checks that follow
        }
        for (MappedClass c : scenario.classes().values()) {
            for (Relationship r : c.relationships().values()) {
                RelSpec spec = specs.get(c.name()).get(r.name());
                RelationshipMapping rm = mapping.relationship(c.name(), r.name());
                if (spec != null && rm != null && Boolean.TRUE.equals(spec.scalarAnnotation) && r.uselist() == null
                        && rm.direction() != Direction.MANY_TO_ONE) {
                    scenario = scenario.withClass(scenario.mappedClass(c.name()).withRelationship(r.withUselist(false)));
                }
            }
        }
        return scenario;
    }
}
