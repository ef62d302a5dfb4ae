package dev.cascadeviz.interop;

import dev.cascadeviz.interop.python.PyExpr;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.ReferentialAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads {@code Column(...)}, {@code mapped_column(...)}, {@code ForeignKey(...)} and
 * {@code ForeignKeyConstraint(...)} calls (and a 2.0 {@code Mapped[...]} annotation) into plain
 * column and key descriptions whose references are resolved once every class is known.
 */
final class ModelColumns {

    /** A column as written; {@code foreignKey} still a reference ({@code "t.c"}, {@code Class.attr}, ...). */
    static final class ColumnSpec {
        String attribute;
        String name;
        ColumnType type;
        Integer length;
        boolean primaryKey;
        Boolean nullable;
        boolean unique;
        boolean index;
        String autoincrement;
        String foreignKey;
        /** No SQL type was given: a foreign-key column takes the referenced column's. */
        boolean typeInferred;
        ReferentialAction ondelete;
        ReferentialAction onupdate;
        int line;
    }

    /** A composite key as written: local column names, referenced {@code table.column} references. */
    record KeySpec(List<String> columns, List<String> references, ReferentialAction ondelete,
                   ReferentialAction onupdate, int line) {
    }

    private static final Map<String, ColumnType> TYPES = Map.ofEntries(
            Map.entry("Integer", ColumnType.INTEGER), Map.entry("BigInteger", ColumnType.INTEGER),
            Map.entry("SmallInteger", ColumnType.INTEGER), Map.entry("INTEGER", ColumnType.INTEGER),
            Map.entry("BIGINT", ColumnType.INTEGER), Map.entry("SMALLINT", ColumnType.INTEGER),
            Map.entry("INT", ColumnType.INTEGER),
            Map.entry("String", ColumnType.STRING), Map.entry("Unicode", ColumnType.STRING),
            Map.entry("VARCHAR", ColumnType.STRING), Map.entry("NVARCHAR", ColumnType.STRING),
            Map.entry("CHAR", ColumnType.STRING), Map.entry("NCHAR", ColumnType.STRING),
            Map.entry("Text", ColumnType.TEXT), Map.entry("UnicodeText", ColumnType.TEXT),
            Map.entry("TEXT", ColumnType.TEXT), Map.entry("CLOB", ColumnType.TEXT),
            Map.entry("Boolean", ColumnType.BOOLEAN), Map.entry("BOOLEAN", ColumnType.BOOLEAN),
            Map.entry("Float", ColumnType.FLOAT), Map.entry("REAL", ColumnType.FLOAT), Map.entry("FLOAT", ColumnType.FLOAT),
            Map.entry("Double", ColumnType.FLOAT), Map.entry("DOUBLE", ColumnType.FLOAT),
            Map.entry("DOUBLE_PRECISION", ColumnType.FLOAT),
            Map.entry("Numeric", ColumnType.NUMERIC), Map.entry("NUMERIC", ColumnType.NUMERIC),
            Map.entry("DECIMAL", ColumnType.NUMERIC),
            Map.entry("Date", ColumnType.DATE), Map.entry("DATE", ColumnType.DATE),
            Map.entry("DateTime", ColumnType.DATETIME), Map.entry("DATETIME", ColumnType.DATETIME),
            Map.entry("TIMESTAMP", ColumnType.DATETIME));
    /** Python types of a {@code Mapped[...]} annotation. */
    private static final Map<String, ColumnType> PYTHON_TYPES = Map.of("int", ColumnType.INTEGER, "str", ColumnType.STRING,
            "bool", ColumnType.BOOLEAN, "float", ColumnType.FLOAT, "Decimal", ColumnType.NUMERIC,
            "date", ColumnType.DATE, "datetime", ColumnType.DATETIME);
    /** Column keywords that mean nothing to a scenario: left out with a note. */
    private static final Set<String> IGNORED = Set.of("default", "server_default", "onupdate", "server_onupdate", "doc",
            "comment", "info", "key", "quote", "system", "insert_default", "init", "repr", "compare", "kw_only",
            "sort_order", "deferred", "deferred_group", "deferred_raiseload", "active_history", "use_existing_column");

    private ModelColumns() {
    }

    /**
     * A {@code Column(...)} or {@code mapped_column(...)} call, with the attribute's annotation
     * (may be null). {@code annotationRules} is true for {@code mapped_column} and for an
     * annotation alone: then, as in SQLAlchemy 2.0, the annotation gives the type when the call
     * does not, and {@code Optional} gives nullability when {@code nullable} is not given.
     */
    static ColumnSpec column(String attribute, PyExpr.Call call, PyExpr annotation, boolean annotationRules,
                             Consumer<ImportNote> notes) {
        ColumnSpec c = new ColumnSpec();
        c.attribute = attribute;
        c.name = attribute;
        c.line = call == null ? (annotation == null ? 0 : annotation.line()) : call.line();
        List<PyExpr> args = call == null ? List.of() : call.args();
        for (int k = 0; k < args.size(); k++) {
            PyExpr a = args.get(k);
            if (k == 0 && a instanceof PyExpr.Str s) {
                c.name = s.value();
            } else if (a instanceof PyExpr.Call fk && name(fk.func()).equals("ForeignKey")) {
                foreignKey(c, fk, notes);
            } else if (typeOf(a) != null) {
                c.type = typeOf(a);
                c.length = c.type == ColumnType.STRING || c.type == ColumnType.TEXT ? lengthOf(a) : null;
                if (c.length == null && a instanceof PyExpr.Call tc && !tc.args().isEmpty()) {
                    notes.accept(new ImportNote(a.line(), "column " + c.name + ": the arguments of " + name(tc.func())
                            + "(...) (not part of a scenario)"));
                }
            } else if (a instanceof PyExpr.Name || a instanceof PyExpr.Call) {
                String typeName = a instanceof PyExpr.Call tc ? name(tc.func()) : name(a);
                notes.accept(new ImportNote(a.line(), "column " + c.name + ": type " + typeName
                        + " is not one a scenario has; imported as string"));
                c.type = ColumnType.STRING;
            } else {
                notes.accept(new ImportNote(a.line(), "column " + c.name + ": an argument that is not a type or ForeignKey"));
            }
        }
        Boolean optional = null;
        if (annotation != null) {
            PyExpr inner = unwrap(annotation, "Mapped");
            optional = isOptional(inner);
            ColumnType fromAnnotation = pythonType(stripOptional(inner));
            if (c.type == null && annotationRules) {
                if (fromAnnotation == null) {
                    notes.accept(new ImportNote(annotation.line(), "column " + c.name
                            + ": no SQL type and an annotation that names none; imported as integer"));
                } else {
                    c.type = fromAnnotation;
                }
            }
        }
        if (c.type == null) {
            if (c.foreignKey == null && (call == null || !annotationRules)) {
                notes.accept(new ImportNote(c.line, "column " + c.name + ": no type given; imported as integer"));
            }
            c.type = ColumnType.INTEGER;
            c.typeInferred = c.foreignKey != null; // a ForeignKey column takes the referenced column's type
        }
        Map<String, PyExpr> kw = call == null ? Map.of() : call.kwargs();
        kw.forEach((key, value) -> {
            switch (key) {
                case "primary_key" -> c.primaryKey = flag(value, c, key, notes, false);
                case "nullable" -> c.nullable = flag(value, c, key, notes, true);
                case "unique" -> c.unique = flag(value, c, key, notes, false);
                case "index" -> c.index = flag(value, c, key, notes, false);
                case "name" -> {
                    if (value instanceof PyExpr.Str s) {
                        c.name = s.value();
                    }
                }
                case "type_" -> {
                    if (typeOf(value) != null) {
                        c.type = typeOf(value);
                        c.length = lengthOf(value);
                    }
                }
                case "autoincrement" -> {
                    if (value instanceof PyExpr.Const k && !k.word().equals("None")) {
                        c.autoincrement = k.word().toLowerCase(Locale.ROOT);
                    } else if (value instanceof PyExpr.Str s && Set.of("auto", "ignore_fk").contains(s.value())) {
                        c.autoincrement = s.value();
                    } else {
                        notes.accept(new ImportNote(value.line(), "column " + c.name + ": autoincrement that is not True, False, 'auto' or 'ignore_fk'"));
                    }
                }
                default -> notes.accept(new ImportNote(value.line(), "column " + c.name + ": " + key + "="
                        + (IGNORED.contains(key) ? " (not part of a scenario)" : " (not supported)")));
            }
        });
        if (c.nullable == null && annotationRules && optional != null && !c.primaryKey) {
            c.nullable = optional;
        }
        return c;
    }

    private static boolean flag(PyExpr value, ColumnSpec c, String key, Consumer<ImportNote> notes, boolean dflt) {
        if (value instanceof PyExpr.Const k && !k.word().equals("None")) {
            return k.word().equals("True");
        }
        notes.accept(new ImportNote(value.line(), "column " + c.name + ": " + key + " is not True or False; taken as " + dflt));
        return dflt;
    }

    private static void foreignKey(ColumnSpec c, PyExpr.Call fk, Consumer<ImportNote> notes) {
        if (fk.args().isEmpty()) {
            notes.accept(new ImportNote(fk.line(), "column " + c.name + ": ForeignKey without a target"));
            return;
        }
        c.foreignKey = reference(fk.args().get(0));
        if (c.foreignKey == null) {
            notes.accept(new ImportNote(fk.line(), "column " + c.name + ": a ForeignKey target that is not a string or a name"));
        }
        fk.kwargs().forEach((key, value) -> {
            if (key.equals("ondelete") || key.equals("onupdate")) {
                ReferentialAction action = action(value, notes);
                if (key.equals("ondelete")) {
                    c.ondelete = action;
                } else {
                    c.onupdate = action;
                }
            } else {
                notes.accept(new ImportNote(value.line(), "column " + c.name + ": ForeignKey " + key + "= (not part of a scenario)"));
            }
        });
    }

    static ReferentialAction action(PyExpr value, Consumer<ImportNote> notes) {
        if (value instanceof PyExpr.Const k && k.word().equals("None")) {
            return null;
        }
        ReferentialAction a = value instanceof PyExpr.Str s ? ReferentialAction.fromSql(s.value()) : null;
        if (a == null) {
            notes.accept(new ImportNote(value.line(), "an ondelete/onupdate rule that is not CASCADE, SET NULL, SET DEFAULT, "
                    + "RESTRICT or NO ACTION"));
        }
        return a;
    }

    /** {@code ForeignKeyConstraint([...], [...], ondelete=...)}, or null (noted) when unreadable. */
    static KeySpec constraint(PyExpr.Call call, Consumer<ImportNote> notes) {
        if (call.args().size() < 2 || !(call.args().get(0) instanceof PyExpr.Seq cols)
                || !(call.args().get(1) instanceof PyExpr.Seq refs) || cols.items().size() != refs.items().size()) {
            notes.accept(new ImportNote(call.line(), "a ForeignKeyConstraint without two lists of equal length"));
            return null;
        }
        List<String> local = new ArrayList<>();
        for (PyExpr e : cols.items()) {
            String r = e instanceof PyExpr.Str s ? s.value() : e instanceof PyExpr.Name n ? n.simple() : null;
            if (r == null) {
                notes.accept(new ImportNote(call.line(), "a ForeignKeyConstraint column that is not a name"));
                return null;
            }
            local.add(r);
        }
        List<String> remote = new ArrayList<>();
        for (PyExpr e : refs.items()) {
            String r = reference(e);
            if (r == null) {
                notes.accept(new ImportNote(call.line(), "a ForeignKeyConstraint target that is not a string or a name"));
                return null;
            }
            remote.add(r);
        }
        ReferentialAction ondelete = null;
        ReferentialAction onupdate = null;
        for (var e : call.kwargs().entrySet()) {
            switch (e.getKey()) {
                case "ondelete" -> ondelete = action(e.getValue(), notes);
                case "onupdate" -> onupdate = action(e.getValue(), notes);
                default -> notes.accept(new ImportNote(e.getValue().line(), "ForeignKeyConstraint " + e.getKey()
                        + "= (not part of a scenario)"));
            }
        }
        return new KeySpec(local, remote, ondelete, onupdate, call.line());
    }

    /** A string's text or a dotted name, as written. */
    static String reference(PyExpr e) {
        if (e instanceof PyExpr.Str s) {
            return s.value();
        }
        if (e instanceof PyExpr.Name n) {
            return n.dotted();
        }
        return null;
    }

    static String name(PyExpr e) {
        return e instanceof PyExpr.Name n ? n.simple() : "";
    }

    private static ColumnType typeOf(PyExpr e) {
        if (e instanceof PyExpr.Call c) {
            return TYPES.get(name(c.func()));
        }
        return e instanceof PyExpr.Name ? TYPES.get(name(e)) : null;
    }

    private static Integer lengthOf(PyExpr e) {
        if (e instanceof PyExpr.Call c && !c.args().isEmpty() && c.args().get(0) instanceof PyExpr.Num n) {
            try {
                return Integer.valueOf(n.text());
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        if (e instanceof PyExpr.Call c && c.kwargs().get("length") instanceof PyExpr.Num n) {
            try {
                return Integer.valueOf(n.text());
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        return null;
    }

    /** {@code Mapped[X]} as X (any wrapper named {@code wrapper}); anything else unchanged. */
    static PyExpr unwrap(PyExpr e, String wrapper) {
        if (e instanceof PyExpr.Str s) {
            PyExpr parsed = ModelsImport.expression(s.value(), s.line());
            if (parsed != null) {
                e = parsed;
            }
        }
        if (e instanceof PyExpr.Subscript sub && name(sub.value()).equals(wrapper) && sub.index().size() == 1) {
            return sub.index().get(0);
        }
        return e;
    }

    static boolean isOptional(PyExpr e) {
        if (e instanceof PyExpr.Subscript sub && name(sub.value()).equals("Optional")) {
            return true;
        }
        if (e instanceof PyExpr.Subscript sub && name(sub.value()).equals("Union")) {
            return sub.index().stream().anyMatch(x -> x instanceof PyExpr.Const k && k.word().equals("None"));
        }
        return e instanceof PyExpr.Union u && u.items().stream().anyMatch(x -> x instanceof PyExpr.Const k && k.word().equals("None"));
    }

    static PyExpr stripOptional(PyExpr e) {
        if (e instanceof PyExpr.Subscript sub && (name(sub.value()).equals("Optional") || name(sub.value()).equals("Union"))) {
            return sub.index().stream().filter(x -> !(x instanceof PyExpr.Const)).findFirst().orElse(e);
        }
        if (e instanceof PyExpr.Union u) {
            return u.items().stream().filter(x -> !(x instanceof PyExpr.Const)).findFirst().orElse(e);
        }
        return e;
    }

    /** True for {@code Mapped[int]}, {@code Mapped[Optional[str]]}: an annotation that alone makes a column (2.0). */
    static boolean isColumnAnnotation(PyExpr annotation) {
        PyExpr inner = unwrap(annotation, "Mapped");
        return inner != annotation && pythonType(stripOptional(inner)) != null;
    }

    private static ColumnType pythonType(PyExpr e) {
        return e instanceof PyExpr.Name n ? PYTHON_TYPES.get(n.simple()) : null;
    }
}
