package dev.cascadeviz.interop;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.Names;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Proposes a mapping for a bare schema: a class per table (except association tables), and per
 * foreign key a one-to-many on the parent with {@code back_populates} to a many-to-one on the
 * child ({@code uselist=False} on the parent side when the key is unique, {@code remote_side} for
 * a self-referential key, {@code foreign_keys} when two tables are joined by more than one key).
 * A table whose columns are exactly those of two foreign keys to two other tables is an
 * association table: a many-to-many through it on both classes.
 */
final class ProposedMapping {

    private final Scenario scenario;
    private final List<ImportNote> notes;
    private final Map<String, MappedClass> classes = new LinkedHashMap<>();
    private final Map<String, String> classOfTable = new LinkedHashMap<>();
    private final Map<String, Set<String>> usedNames = new LinkedHashMap<>();

    private ProposedMapping(Scenario scenario, List<ImportNote> notes) {
        this.scenario = scenario;
        this.notes = notes;
    }

    static Scenario propose(Scenario scenario, List<ImportNote> notes) {
        return new ProposedMapping(scenario, notes).run();
    }

    private Scenario run() {
        List<Table> associations = new ArrayList<>();
        Set<String> classNames = new HashSet<>();
        for (Table t : scenario.tables().values()) {
            if (isAssociation(t)) {
                associations.add(t);
                continue;
            }
            if (t.primaryKey().isEmpty()) {
                notes.add(new ImportNote(0, "table " + t.name() + " has no primary key: no class proposed for it"));
                continue;
            }
            String name = className(t.name());
            while (!classNames.add(name)) {
                name = name + "_";
            }
            classes.put(name, new MappedClass(name, t.name(), Map.of()));
            classOfTable.put(t.name(), name);
            usedNames.put(name, new HashSet<>(t.columns().keySet()));
        }
        for (Table child : scenario.tables().values()) {
            if (!classOfTable.containsKey(child.name())) {
                continue;
            }
            for (ForeignKey fk : child.allForeignKeys()) {
                if (classOfTable.containsKey(fk.referencedTable())) {
                    oneToMany(child, fk);
                }
            }
        }
        for (Table a : associations) {
            manyToMany(a);
        }
        Scenario out = scenario;
        for (MappedClass c : classes.values()) {
            out = out.withClass(c);
        }
        return out;
    }

    /** Exactly two foreign keys to two other mapped-looking tables, and no column outside them. */
    private boolean isAssociation(Table t) {
        List<ForeignKey> keys = t.allForeignKeys();
        if (keys.size() != 2 || keys.get(0).referencedTable().equals(keys.get(1).referencedTable())) {
            return false;
        }
        Set<String> fkColumns = new HashSet<>();
        keys.forEach(k -> fkColumns.addAll(k.columns()));
        return fkColumns.equals(t.columns().keySet())
                && keys.stream().noneMatch(k -> k.referencedTable().equals(t.name()));
    }

    private void oneToMany(Table child, ForeignKey fk) {
        String childClass = classOfTable.get(child.name());
        String parentClass = classOfTable.get(fk.referencedTable());
        boolean self = child.name().equals(fk.referencedTable());
        boolean ambiguous = keysBetween(child.name(), fk.referencedTable()) > 1;
        List<String> fkColumns = fk.columns().stream().map(c -> child.name() + "." + c).toList();
        String manyName = fk.columns().size() == 1 && fk.columns().get(0).toLowerCase(Locale.ROOT).endsWith("_id")
                && fk.columns().get(0).length() > 3
                ? fk.columns().get(0).substring(0, fk.columns().get(0).length() - 3)
                : self ? "parent" : PythonLiterals.snake(parentClass);
        manyName = fresh(childClass, manyName);
        String oneName = self ? "children" : plural(child.name());
        if (ambiguous && !self) {
            oneName = oneName + "_by_" + String.join("_", fk.columns());
        }
        oneName = fresh(parentClass, oneName);
        boolean unique = isUnique(child, fk);
        Relationship toParent = new Relationship(manyName, parentClass, null, null, oneName, null, null, null, null, null, null, null,
                null, ambiguous ? fkColumns : null,
                self ? fk.referencedColumns().stream().map(c -> fk.referencedTable() + "." + c).toList() : null);
        Relationship toChildren = new Relationship(oneName, childClass, null, null, manyName, null, unique ? Boolean.FALSE : null, null,
                null, null, null, null, null, ambiguous ? fkColumns : null, null);
        add(parentClass, toChildren);
        add(childClass, toParent);
    }

    private void manyToMany(Table a) {
        ForeignKey left = a.allForeignKeys().get(0);
        ForeignKey right = a.allForeignKeys().get(1);
        String l = classOfTable.get(left.referencedTable());
        String r = classOfTable.get(right.referencedTable());
        if (l == null || r == null) {
            notes.add(new ImportNote(0, "association table " + a.name() + ": one of its tables has no class; no many-to-many proposed"));
            return;
        }
        String lName = fresh(l, plural(right.referencedTable()));
        String rName = fresh(r, plural(left.referencedTable()));
        add(l, new Relationship(lName, r, null, null, rName, a.name(), null, null, null, null, null, null, null, null, null));
        add(r, new Relationship(rName, l, null, null, lName, a.name(), null, null, null, null, null, null, null, null, null));
    }

    private int keysBetween(String a, String b) {
        int n = 0;
        for (ForeignKey k : scenario.table(a).allForeignKeys()) {
            n += k.referencedTable().equals(b) ? 1 : 0;
        }
        if (!a.equals(b)) {
            for (ForeignKey k : scenario.table(b).allForeignKeys()) {
                n += k.referencedTable().equals(a) ? 1 : 0;
            }
        }
        return n;
    }

    /** The key's columns are the child's primary key or one unique column: at most one child per parent. */
    private static boolean isUnique(Table child, ForeignKey fk) {
        List<String> pk = child.primaryKey().stream().map(Column::name).toList();
        if (pk.equals(fk.columns())) {
            return true;
        }
        return fk.columns().size() == 1 && child.column(fk.columns().get(0)).unique();
    }

    private void add(String cls, Relationship r) {
        classes.put(cls, classes.get(cls).withRelationship(r));
    }

    private String fresh(String cls, String base) {
        Set<String> used = usedNames.get(cls);
        String name = PythonLiterals.identifier(base);
        while (used.contains(name)) {
            name = name + "_";
        }
        used.add(name);
        return name;
    }

    /** {@code order_item} as {@code OrderItem}, {@code Kunde Straße} as {@code KundeStraße} (letters of any alphabet). */
    static String className(String table) {
        String name = camel(Normalizer.normalize(table, Normalizer.Form.NFKC), "[^\\p{L}\\p{N}]+");
        // a name Python would not keep as written (a combining mark first, say): ASCII letters and digits only
        return Names.isPythonIdentifier(name) ? name : camel(table, "[^A-Za-z0-9]+");
    }

    private static String camel(String table, String separators) {
        StringBuilder sb = new StringBuilder();
        for (String part : table.split(separators)) {
            if (!part.isEmpty()) {
                int first = part.codePointAt(0);
                sb.appendCodePoint(Character.toUpperCase(first)).append(part.substring(Character.charCount(first)));
            }
        }
        return PythonLiterals.identifier(sb.length() == 0 ? "Table" : sb.toString());
    }

    static String plural(String table) {
        String t = PythonLiterals.snake(table);
        if (t.endsWith("s") || t.endsWith("x") || t.endsWith("ch") || t.endsWith("sh")) {
            return t + "es";
        }
        if (t.endsWith("y") && t.length() > 1 && "aeiou".indexOf(t.charAt(t.length() - 2)) < 0) {
            return t.substring(0, t.length() - 1) + "ies";
        }
        return t + "s";
    }
}
