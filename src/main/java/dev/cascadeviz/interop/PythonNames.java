package dev.cascadeviz.interop;

import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Python names of a scenario's classes, tables and columns in an exported module: the
 * scenario's own names wherever Python allows them, else the nearest identifier that clashes
 * with nothing the module imports or defines.
 */
final class PythonNames {

    /** Names the module imports or defines at top level, which a class or table variable must not shadow. */
    static final Set<String> MODULE_NAMES = Set.of("annotations", "datetime", "Decimal", "List", "Optional",
            "Boolean", "Column", "Date", "DateTime", "Float", "ForeignKey", "ForeignKeyConstraint", "Integer",
            "Numeric", "String", "Table", "Text", "create_engine", "event", "insert", "update", "Mapped", "Session",
            "relationship", "DeclarativeBase", "mapped_column", "declarative_base", "Base", "make_engine",
            "insert_rows", "run_steps", "main", "print");
    /** Attribute names a declarative class reserves. */
    static final Set<String> CLASS_RESERVED = Set.of("metadata", "registry", "query", "query_class");

    private final Map<String, String> classNames = new LinkedHashMap<>();
    private final Map<String, String> tableVariables = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> columnAttributes = new HashMap<>();
    /** The first class mapped to each table (it declares the table's columns). */
    private final Map<String, String> tableClass = new LinkedHashMap<>();

    PythonNames(Scenario scenario) {
        Set<String> used = new HashSet<>(MODULE_NAMES);
        for (MappedClass c : scenario.classes().values()) {
            classNames.put(c.name(), unique(PythonLiterals.identifier(c.name()), used));
            tableClass.putIfAbsent(c.table(), c.name());
        }
        for (Table t : scenario.tables().values()) {
            if (!tableClass.containsKey(t.name())) {
                tableVariables.put(t.name(), unique(PythonLiterals.identifier(t.name()) + "_table", used));
            }
            Set<String> attrs = new HashSet<>(CLASS_RESERVED);
            MappedClass owner = tableClass.containsKey(t.name()) ? scenario.mappedClass(tableClass.get(t.name())) : null;
            if (owner != null) {
                attrs.addAll(owner.relationships().keySet());
            }
            Map<String, String> cols = new LinkedHashMap<>();
            for (String column : t.columns().keySet()) {
                String attr = PythonLiterals.identifier(column);
                if (attr.startsWith("__")) {
                    attr = "c" + attr;
                }
                cols.put(column, unique(attr, attrs));
            }
            columnAttributes.put(t.name(), cols);
        }
    }

    private static String unique(String base, Set<String> used) {
        String name = base;
        while (used.contains(name)) {
            name = name + "_";
        }
        used.add(name);
        return name;
    }

    String className(String scenarioClass) {
        return classNames.getOrDefault(scenarioClass, PythonLiterals.identifier(scenarioClass));
    }

    /** The class that declares a table's columns, or null for a table written as {@code Table(...)}. */
    String classOfTable(String table) {
        return tableClass.get(table);
    }

    /** The module variable holding an unmapped table's {@code Table}, or null for a mapped table. */
    String tableVariable(String table) {
        return tableVariables.get(table);
    }

    /** The expression for a table's {@code Table} object: {@code Artist.__table__} or {@code post_tag_table}. */
    String tableExpression(String table) {
        String cls = tableClass.get(table);
        return cls != null ? className(cls) + ".__table__" : tableVariables.get(table);
    }

    /** The attribute of a column on its class (the column name unless Python refuses it). */
    String columnAttribute(String table, String column) {
        Map<String, String> cols = columnAttributes.get(table);
        return cols == null ? PythonLiterals.identifier(column) : cols.getOrDefault(column, PythonLiterals.identifier(column));
    }

    /** {@code Entry.widget_id} for a mapped table's column, {@code post_tag.c.tag_id} otherwise (string-resolvable). */
    String columnReference(String table, String column) {
        String cls = tableClass.get(table);
        if (cls != null) {
            return className(cls) + "." + columnAttribute(table, column);
        }
        return table + ".c." + column;
    }

    /** True when {@link #columnReference} names only plain identifiers (SQLAlchemy eval()s it). */
    boolean resolvableByName(String table, String column) {
        String cls = tableClass.get(table);
        return cls != null || (PythonLiterals.isIdentifier(table) && PythonLiterals.isIdentifier(column));
    }

    /** The column as a Python expression on its Table: {@code post_tag_table.c["tag id"]}. */
    String columnExpression(String table, String column) {
        String cls = tableClass.get(table);
        if (cls != null) {
            return className(cls) + "." + columnAttribute(table, column);
        }
        return tableExpression(table) + ".c[" + PythonLiterals.string(column) + "]";
    }
}
