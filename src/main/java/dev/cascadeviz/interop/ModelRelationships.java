package dev.cascadeviz.interop;

import dev.cascadeviz.interop.python.PyExpr;
import dev.cascadeviz.model.PassiveDeletes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/** Reads {@code relationship(...)} and {@code backref(...)} calls whose options are literals. */
final class ModelRelationships {

    /** A relationship as written; column options and {@code secondary} still unresolved references. */
    static final class RelSpec {
        String owner;
        String name;
        String target;
        String cascade;
        PassiveDeletes passiveDeletes;
        String backPopulates;
        String secondary;
        Boolean uselist;
        Boolean singleParent;
        Boolean postUpdate;
        Boolean viewonly;
        String lazy;
        Boolean passiveUpdates;
        final List<String> orderBy = new ArrayList<>();
        final List<String> foreignKeys = new ArrayList<>();
        final List<String> remoteSide = new ArrayList<>();
        /** True for {@code Mapped["X"]} / {@code Mapped[Optional[X]]}, false for a collection, null without annotation. */
        Boolean scalarAnnotation;
        /** The reverse relationship a {@code backref} asks for (its owner is this relationship's target). */
        RelSpec backref;
        int line;
    }

    private static final Set<String> COLLECTIONS = Set.of("List", "list", "Set", "set", "Sequence", "Collection",
            "Iterable", "WriteOnlyMapped", "DynamicMapped", "AppenderQuery", "WriteOnlyCollection");

    private ModelRelationships() {
    }

    /** The relationship, or null (noted) when its target cannot be told. */
    static RelSpec read(String owner, String name, PyExpr.Call call, PyExpr annotation, Consumer<ImportNote> notes) {
        RelSpec r = new RelSpec();
        r.owner = owner;
        r.name = name;
        r.line = call.line();
        String where = "relationship " + owner + "." + name;
        if (annotation != null) {
            PyExpr inner = ModelColumns.unwrap(annotation, "Mapped");
            if (annotation instanceof PyExpr.Subscript sub && COLLECTIONS.contains(ModelColumns.name(sub.value()))) {
                inner = annotation; // WriteOnlyMapped[...] / DynamicMapped[...]
                r.scalarAnnotation = false;
                r.target = className(sub.index().isEmpty() ? null : sub.index().get(0));
            } else {
                PyExpr plain = ModelColumns.stripOptional(inner);
                if (plain instanceof PyExpr.Subscript sub && COLLECTIONS.contains(ModelColumns.name(sub.value()))) {
                    r.scalarAnnotation = false;
                    r.target = className(sub.index().isEmpty() ? null : sub.index().get(0));
                } else {
                    r.scalarAnnotation = true;
                    r.target = className(plain);
                }
            }
        }
        List<PyExpr> args = call.args();
        if (!args.isEmpty()) {
            String t = className(args.get(0));
            if (t != null) {
                r.target = t;
            } else {
                notes.accept(new ImportNote(call.line(), where + ": a target that is not a class name or a string"));
            }
        }
        if (args.size() > 1) {
            r.secondary = ModelColumns.reference(args.get(1));
        }
        if (args.size() > 2) {
            notes.accept(new ImportNote(call.line(), where + ": skipped the positional arguments after secondary"));
        }
        options(r, call, where, notes);
        if (r.target == null) {
            notes.accept(new ImportNote(call.line(), "skipped " + where + ": no target class"));
            return null;
        }
        return r;
    }

    private static void options(RelSpec r, PyExpr.Call call, String where, Consumer<ImportNote> notes) {
        call.kwargs().forEach((key, value) -> {
            switch (key) {
                case "argument" -> r.target = className(value);
                case "cascade" -> r.cascade = string(value, where, key, notes);
                case "back_populates" -> r.backPopulates = string(value, where, key, notes);
                case "secondary" -> r.secondary = ModelColumns.reference(value);
                case "passive_deletes" -> {
                    if (value instanceof PyExpr.Str s && s.value().equals("all")) {
                        r.passiveDeletes = PassiveDeletes.ALL;
                    } else {
                        Boolean b = flag(value, where, key, notes);
                        r.passiveDeletes = b == null ? null : b ? PassiveDeletes.TRUE : PassiveDeletes.FALSE;
                    }
                }
                case "uselist" -> r.uselist = flag(value, where, key, notes);
                case "single_parent" -> r.singleParent = flag(value, where, key, notes);
                case "post_update" -> r.postUpdate = flag(value, where, key, notes);
                case "viewonly" -> r.viewonly = flag(value, where, key, notes);
                case "passive_updates" -> r.passiveUpdates = flag(value, where, key, notes);
                case "lazy" -> r.lazy = lazy(value, where, notes);
                case "order_by" -> columns(value, r.orderBy, where, key, notes);
                case "foreign_keys" -> columns(value, r.foreignKeys, where, key, notes);
                case "remote_side" -> columns(value, r.remoteSide, where, key, notes);
                case "backref" -> r.backref = backref(r, value, notes);
                default -> notes.accept(new ImportNote(value.line(), where + ": skipped " + key + "= (not supported)"));
            }
        });
    }

    private static RelSpec backref(RelSpec forward, PyExpr value, Consumer<ImportNote> notes) {
        RelSpec b = new RelSpec();
        b.line = value.line();
        b.owner = forward.target;
        b.target = forward.owner;
        if (value instanceof PyExpr.Str s) {
            b.name = s.value();
        } else if (value instanceof PyExpr.Call c && ModelColumns.name(c.func()).equals("backref")
                && !c.args().isEmpty() && c.args().get(0) instanceof PyExpr.Str s) {
            b.name = s.value();
            options(b, c, "backref " + s.value(), notes);
        } else {
            notes.accept(new ImportNote(value.line(), "relationship " + forward.owner + "." + forward.name
                    + ": skipped a backref that is not a string or backref(\"name\", ...)"));
            return null;
        }
        return b;
    }

    private static String lazy(PyExpr value, String where, Consumer<ImportNote> notes) {
        if (value instanceof PyExpr.Str s) {
            return s.value();
        }
        if (value instanceof PyExpr.Const c) {
            return switch (c.word()) {
                case "True" -> "select";
                case "False" -> "joined";
                default -> "noload";
            };
        }
        notes.accept(new ImportNote(value.line(), where + ": skipped lazy= (not a literal)"));
        return null;
    }

    private static String string(PyExpr value, String where, String key, Consumer<ImportNote> notes) {
        if (value instanceof PyExpr.Str s) {
            return s.value();
        }
        notes.accept(new ImportNote(value.line(), where + ": skipped " + key + "= (not a string literal)"));
        return null;
    }

    private static Boolean flag(PyExpr value, String where, String key, Consumer<ImportNote> notes) {
        if (value instanceof PyExpr.Const c && !c.word().equals("None")) {
            return c.word().equals("True");
        }
        notes.accept(new ImportNote(value.line(), where + ": skipped " + key + "= (not True or False)"));
        return null;
    }

    /** Column references: a name, a string of Python ({@code "[A.x, A.y]"}), or a list of those. */
    private static void columns(PyExpr value, List<String> out, String where, String key, Consumer<ImportNote> notes) {
        if (value instanceof PyExpr.Str s) {
            PyExpr parsed = ModelsImport.expression(s.value(), s.line());
            if (parsed == null || parsed instanceof PyExpr.Str) {
                notes.accept(new ImportNote(value.line(), where + ": skipped " + key + "= (a string that is not a column)"));
                return;
            }
            value = parsed;
        }
        if (value instanceof PyExpr.Seq seq) {
            for (PyExpr item : seq.items()) {
                columns(item, out, where, key, notes);
            }
        } else if (value instanceof PyExpr.Name n) {
            out.add(n.dotted());
        } else {
            notes.accept(new ImportNote(value.line(), where + ": skipped " + key + "= (" + ModelsImport.describe(value)
                    + " is not a column)"));
        }
    }

    /** {@code "Song"}, {@code Song}, {@code "models.Song"} as {@code Song}; {@code List["Song"]} is not a class. */
    static String className(PyExpr e) {
        if (e instanceof PyExpr.Str s) {
            PyExpr parsed = ModelsImport.expression(s.value(), s.line());
            return parsed instanceof PyExpr.Name n ? n.simple() : null;
        }
        if (e instanceof PyExpr.Name n && !n.simple().toLowerCase(Locale.ROOT).equals("none")) {
            return n.simple();
        }
        return null;
    }
}
