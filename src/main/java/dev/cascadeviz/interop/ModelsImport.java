package dev.cascadeviz.interop;

import dev.cascadeviz.interop.ModelColumns.ColumnSpec;
import dev.cascadeviz.interop.ModelColumns.KeySpec;
import dev.cascadeviz.interop.ModelRelationships.RelSpec;
import dev.cascadeviz.interop.python.PyExpr;
import dev.cascadeviz.interop.python.PyParser;
import dev.cascadeviz.interop.python.PyStmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a SQLAlchemy models module written in declarative style, without running it: the 1.x
 * form ({@code Column}, {@code ForeignKey}, {@code relationship}, {@code backref}) and the 2.0
 * form ({@code Mapped[...]}, {@code mapped_column}), {@code __tablename__},
 * {@code __table_args__} with {@code ForeignKeyConstraint}s, association {@code Table(...)}s, and
 * relationship options given as literals. Everything else is left out with a note naming its line.
 */
public final class ModelsImport {

    /** A mapped class as written. */
    static final class ClassSpec {
        String name;
        String table;
        String tableOf; // __table__ = Other.__table__ / some_table
        int line;
        final Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        final List<KeySpec> keys = new ArrayList<>();
        final List<RelSpec> relationships = new ArrayList<>();
    }

    /** An association (or other unmapped) table as written. */
    static final class TableSpec {
        String variable;
        String name;
        int line;
        final Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        final List<KeySpec> keys = new ArrayList<>();
    }

    private static final Set<String> BASE_FACTORIES = Set.of("declarative_base", "generate_base", "as_declarative");
    private static final Set<String> BASE_CLASSES = Set.of("DeclarativeBase", "DeclarativeBaseNoMeta",
            "MappedAsDataclass", "object");

    private final List<ImportNote> notes = new ArrayList<>();
    private final List<ClassSpec> classes = new ArrayList<>();
    private final List<TableSpec> tables = new ArrayList<>();
    /** Source order of tables: a class name or a table variable, by line. */
    private final List<Object> order = new ArrayList<>();
    private String title;

    private ModelsImport() {
    }

    /** Reads the module's text; {@code fileName} names the scenario when the module has no docstring. */
    public static ImportResult read(String source, String fileName) {
        ModelsImport m = new ModelsImport();
        try {
            m.module(PyParser.parse(source));
            return new ModelScenario(m.classes, m.tables, m.order, m.notes).build(
                    m.title != null ? m.title : "Imported from " + fileName);
        } catch (RuntimeException e) {
            // Defensive: the reader is meant to note, never throw; a bug here still gives a report.
            List<ImportNote> notes = new ArrayList<>(m.notes);
            return new ImportResult(null, notes, List.of("the module could not be read: " + e));
        }
    }

    /** One expression from text (a relationship option given as a string), or null when it is not one. */
    static PyExpr expression(String text, int line) {
        List<PyStmt> stmts = PyParser.parse(text);
        if (stmts.size() == 1 && stmts.get(0) instanceof PyStmt.Expression e) {
            return e.value();
        }
        return null;
    }

    private void note(int line, String message) {
        notes.add(new ImportNote(line, message));
    }

    private void module(List<PyStmt> statements) {
        boolean first = true;
        for (PyStmt s : statements) {
            if (first && s instanceof PyStmt.Expression e && e.value() instanceof PyExpr.Str doc) {
                String line = doc.value().strip().split("\n", 2)[0].strip();
                title = line.isEmpty() ? null : line;
            } else if (s instanceof PyStmt.ClassDef c) {
                classDef(c);
            } else if (s instanceof PyStmt.Assign a) {
                topAssign(a);
            } else if (s instanceof PyStmt.Skipped k) {
                note(k.line(), "skipped " + k.description());
            } else if (s instanceof PyStmt.Expression e) {
                note(e.line(), "skipped an expression statement");
            }
            first = false;
        }
    }

    private void topAssign(PyStmt.Assign a) {
        String target = a.target() instanceof PyExpr.Name n ? n.dotted() : null;
        if (a.value() instanceof PyExpr.Call call && target != null) {
            String func = ModelColumns.name(call.func());
            if (func.equals("Table")) {
                table(target, call);
                return;
            }
            if (BASE_FACTORIES.contains(func) || func.equals("MetaData") || func.equals("registry")
                    || func.equals("SQLAlchemy") || func.equals("create_engine") || func.equals("sessionmaker")) {
                return; // the declarative base, metadata, engine or session factory: nothing to import
            }
        }
        note(a.line(), "skipped the assignment to " + (target == null ? "an expression" : target));
    }

    private void table(String variable, PyExpr.Call call) {
        TableSpec t = new TableSpec();
        t.variable = variable;
        t.line = call.line();
        if (call.args().isEmpty() || !(call.args().get(0) instanceof PyExpr.Str name)) {
            note(call.line(), "skipped Table " + variable + ": its first argument is not the table's name as a string");
            return;
        }
        t.name = name.value();
        for (int k = 1; k < call.args().size(); k++) {
            PyExpr arg = call.args().get(k);
            if (arg instanceof PyExpr.Call c && ModelColumns.name(c.func()).equals("Column")) {
                ColumnSpec col = ModelColumns.column(null, c, null, false, notes::add);
                if (col.name == null) {
                    note(c.line(), "table " + t.name + ": a Column without a name");
                    continue;
                }
                col.attribute = col.name;
                t.columns.put(col.name, col);
            } else if (arg instanceof PyExpr.Call c && ModelColumns.name(c.func()).equals("ForeignKeyConstraint")) {
                KeySpec key = ModelColumns.constraint(c, notes::add);
                if (key != null) {
                    t.keys.add(key);
                }
            } else if (k == 1 && arg instanceof PyExpr.Name) {
                continue; // the MetaData
            } else {
                note(arg.line(), "table " + t.name + ": skipped " + describe(arg));
            }
        }
        call.kwargs().keySet().forEach(k -> note(call.line(), "table " + t.name + ": skipped " + k + "="));
        tables.add(t);
        order.add(t);
    }

    private void classDef(PyStmt.ClassDef c) {
        boolean isBase = c.bases().stream().anyMatch(b -> BASE_CLASSES.contains(ModelColumns.name(b)));
        boolean flask = c.bases().stream().anyMatch(b -> b instanceof PyExpr.Name n && n.dotted().endsWith(".Model"));
        ClassSpec spec = new ClassSpec();
        spec.name = c.name();
        spec.line = c.line();
        for (PyStmt s : c.body()) {
            if (s instanceof PyStmt.Assign a && a.target() instanceof PyExpr.Name n && !n.dotted().contains(".")) {
                member(spec, n.dotted(), a);
            } else if (s instanceof PyStmt.Skipped k) {
                note(k.line(), "class " + c.name() + ": skipped " + k.description());
            } else if (s instanceof PyStmt.Expression e && e.value() instanceof PyExpr.Str) {
                continue; // a docstring
            } else if (s instanceof PyStmt.ClassDef inner) {
                note(inner.line(), "class " + c.name() + ": skipped the nested class " + inner.name());
            } else if (!(s instanceof PyStmt.Pass)) {
                note(s.line(), "class " + c.name() + ": skipped a statement");
            }
        }
        if (spec.table == null && spec.tableOf == null) {
            if (flask && !spec.columns.isEmpty()) {
                spec.table = PythonLiterals.snake(c.name());
                note(c.line(), "class " + c.name() + ": no __tablename__; named " + spec.table
                        + " as Flask-SQLAlchemy does");
            } else {
                String parent = c.bases().stream().map(ModelColumns::name)
                        .filter(b -> classes.stream().anyMatch(k -> k.name.equals(b))).findFirst().orElse(null);
                if (parent != null) {
                    note(c.line(), "skipped class " + c.name() + ": it inherits from the mapped class " + parent
                            + " (inheritance mapping is not supported)");
                } else if (!isBase && !(c.body().size() == 1 && c.body().get(0) instanceof PyStmt.Pass)) {
                    note(c.line(), "skipped class " + c.name() + ": it has no __tablename__ or __table__ (a mixin or a base class?)");
                }
                return;
            }
        }
        classes.add(spec);
        order.add(spec);
    }

    private void member(ClassSpec spec, String attr, PyStmt.Assign a) {
        PyExpr value = a.value();
        switch (attr) {
            case "__tablename__" -> {
                if (value instanceof PyExpr.Str s) {
                    spec.table = s.value();
                } else {
                    note(a.line(), "class " + spec.name + ": __tablename__ is not a string");
                }
                return;
            }
            case "__table__" -> {
                if (value instanceof PyExpr.Name n) {
                    spec.tableOf = n.dotted();
                } else {
                    note(a.line(), "class " + spec.name + ": skipped __table__ (only another class's table or a table variable is read)");
                }
                return;
            }
            case "__table_args__" -> {
                tableArgs(spec, value, a.line());
                return;
            }
            default -> {
                if (attr.startsWith("__")) {
                    note(a.line(), "class " + spec.name + ": skipped " + attr);
                    return;
                }
            }
        }
        PyExpr annotation = a.annotation();
        if (value == null) {
            if (annotation != null && ModelColumns.isColumnAnnotation(annotation)) {
                spec.columns.put(attr, ModelColumns.column(attr, null, annotation, true, notes::add));
            } else {
                note(a.line(), "class " + spec.name + ": skipped the annotation of " + attr + " (no mapped_column or relationship)");
            }
            return;
        }
        if (value instanceof PyExpr.Call call) {
            String func = ModelColumns.name(call.func());
            switch (func) {
                case "Column", "mapped_column" -> {
                    spec.columns.put(attr, ModelColumns.column(attr, call, annotation, func.equals("mapped_column"), notes::add));
                    return;
                }
                case "relationship", "relation" -> {
                    RelSpec r = ModelRelationships.read(spec.name, attr, call, annotation, notes::add);
                    if (r != null) {
                        spec.relationships.add(r);
                    }
                    return;
                }
                default -> {
                    note(a.line(), "class " + spec.name + ": skipped " + attr + " = " + func + "(...)");
                    return;
                }
            }
        }
        note(a.line(), "class " + spec.name + ": skipped " + attr + " (not a column or a relationship)");
    }

    private void tableArgs(ClassSpec spec, PyExpr value, int line) {
        List<PyExpr> items = value instanceof PyExpr.Seq seq ? seq.items() : List.of(value);
        for (PyExpr item : items) {
            if (item instanceof PyExpr.Call c && ModelColumns.name(c.func()).equals("ForeignKeyConstraint")) {
                KeySpec key = ModelColumns.constraint(c, notes::add);
                if (key != null) {
                    spec.keys.add(key);
                }
            } else {
                note(item.line(), "class " + spec.name + ": __table_args__: skipped " + describe(item));
            }
        }
    }

    static String describe(PyExpr e) {
        if (e instanceof PyExpr.Call c) {
            return ModelColumns.name(c.func()) + "(...)";
        }
        if (e instanceof PyExpr.Other o) {
            return o.description();
        }
        if (e instanceof PyExpr.Name n) {
            return n.dotted();
        }
        return "a value";
    }
}
