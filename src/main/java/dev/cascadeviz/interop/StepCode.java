package dev.cascadeviz.interop;

import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.model.VisibleText;
import dev.cascadeviz.scenario.StepNotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Python lines of a scenario's steps, in exactly the order of session calls that
 * docs/scenario-format.md's table gives (for {@code remove}: the parent, its collection, then the
 * item; for {@code set}: the object, then the value). Each obtained object or collection gets a
 * variable of its own, never reused, so that everything stays referenced until the end.
 */
final class StepCode {

    private final Scenario scenario;
    private final PythonNames names;
    private final Set<String> used = new HashSet<>(PythonNames.MODULE_NAMES);
    private Function<ObjectRef, String> keys;
    private ColumnValue values;
    /** Each scenario name ({@code as:}) to its Python variable. */
    private final Map<String, String> bound = new HashMap<>();

    /** A column value as Python source (dates and decimals as objects). */
    interface ColumnValue {
        String of(String table, String column, Object value);
    }

    StepCode(Scenario scenario, PythonNames names) {
        this.scenario = scenario;
        this.names = names;
        used.add("session");
    }

    /** The function body (indented), a {@code # step N: ...} comment before each step's lines. */
    String body(Function<ObjectRef, String> keyOf, ColumnValue valueOf) {
        this.keys = keyOf;
        this.values = valueOf;
        StringBuilder sb = new StringBuilder();
        List<Step> steps = scenario.steps();
        if (steps.isEmpty()) {
            return "    pass\n";
        }
        for (int i = 0; i < steps.size(); i++) {
            // The step as written, inside a comment: none of its characters may end the line (a CR would).
            sb.append("    # step ").append(i + 1).append(": ").append(VisibleText.escape(StepNotation.line(steps.get(i))))
                    .append('\n');
            for (String line : lines(steps.get(i))) {
                sb.append("    ").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    private List<String> lines(Step step) {
        if (step instanceof Step.Get g && g.as() != null) {
            Obtained o = get(g.object());
            return List.of(o.line, bind(g.as()) + " = " + o.variable);
        }
        if (step instanceof Step.Get g) {
            return List.of(get(g.object()).line);
        }
        List<String> saveSide = saveSideLines(step);
        if (saveSide != null) {
            return saveSide;
        }
        if (step instanceof Step.Load l) {
            Obtained parent = get(l.object());
            String value = variable(parent.variable + "_" + PythonLiterals.identifier(l.attribute()));
            return with(parent, value + " = " + attribute(parent.variable, l.attribute()));
        }
        if (step instanceof Step.Delete d) {
            Obtained o = get(d.object());
            return with(o, "session.delete(" + o.variable + ")");
        }
        if (step instanceof Step.Remove r) {
            return collectionCall(r.parent(), r.attribute(), r.item(), "remove");
        }
        if (step instanceof Step.Set s) {
            Obtained o = get(s.object());
            if (s.value() == null) {
                return with(o, assign(o.variable, s.attribute(), "None"));
            }
            Obtained v = get(s.value());
            List<String> out = new ArrayList<>();
            if (o.line != null) {
                out.add(o.line);
            }
            out.addAll(with(v, assign(o.variable, s.attribute(), v.variable)));
            return out;
        }
        if (step instanceof Step.Expunge e) {
            Obtained o = get(e.object());
            return with(o, "session.expunge(" + o.variable + ")");
        }
        if (step instanceof Step.Flush) {
            return List.of("session.flush()");
        }
        if (step instanceof Step.Commit) {
            return List.of("session.commit()");
        }
        return List.of("session.rollback()");
    }

    private static String attribute(String variable, String name) {
        return PythonLiterals.isIdentifier(name) ? variable + "." + name
                : "getattr(" + variable + ", " + PythonLiterals.string(name) + ")";
    }

    private static String assign(String variable, String name, String value) {
        return PythonLiterals.isIdentifier(name) ? variable + "." + name + " = " + value
                : "setattr(" + variable + ", " + PythonLiterals.string(name) + ", " + value + ")";
    }

    private record Obtained(String variable, String line) {
    }

    /** The lines of the steps that make, change, merge and refresh objects; null for the others. */
    private List<String> saveSideLines(Step step) {
        if (step instanceof Step.New n) {
            MappedClass cls = scenario.mappedClass(n.className());
            List<String> args = new ArrayList<>();
            n.values().forEach((c, v) -> args.add(names.columnAttribute(cls.table(), c) + "="
                    + values.of(cls.table(), c, v)));
            String call = names.className(n.className()) + "(" + String.join(", ", args) + ")";
            return List.of((n.as() == null ? variable("new_" + PythonLiterals.snake(n.className())) : bind(n.as()))
                    + " = " + call);
        }
        if (step instanceof Step.Add a) {
            Obtained o = get(a.object());
            return with(o, "session.add(" + o.variable + ")");
        }
        if (step instanceof Step.Append a) {
            return collectionCall(a.parent(), a.attribute(), a.item(), "append");
        }
        if (step instanceof Step.SetColumn s) {
            Obtained o = get(s.object());
            String table = scenario.mappedClass(s.object().className()).table();
            return with(o, assign(o.variable, names.columnAttribute(table, s.column()),
                    values.of(table, s.column(), s.value())));
        }
        if (step instanceof Step.Merge m) {
            Obtained o = get(m.object());
            String target = m.as() == null ? variable("merged") : bind(m.as());
            return with(o, target + " = session.merge(" + o.variable + ")");
        }
        if (step instanceof Step.Refresh r) {
            Obtained o = get(r.object());
            return with(o, "session.refresh(" + o.variable + ")");
        }
        if (step instanceof Step.Expire e) {
            Obtained o = get(e.object());
            return with(o, "session.expire(" + o.variable + ")");
        }
        if (step instanceof Step.ExpireAll) {
            return List.of("session.expire_all()");
        }
        if (step instanceof Step.Close) {
            return List.of("session.close()");
        }
        return null;
    }

    /** The object's line (none for a name: its variable exists), then the call. */
    /** {@code items = parent.items} then {@code items.append(item)} (or remove), each object got first. */
    private List<String> collectionCall(ObjectRef parentRef, String attributeName, ObjectRef itemRef, String method) {
        Obtained parent = get(parentRef);
        String collection = variable(parent.variable + "_" + PythonLiterals.identifier(attributeName));
        Obtained item = get(itemRef);
        List<String> out = new ArrayList<>(with(parent, collection + " = " + attribute(parent.variable, attributeName)));
        out.addAll(with(item, collection + "." + method + "(" + item.variable + ")"));
        return out;
    }

    private static List<String> with(Obtained o, String call) {
        return o.line == null ? List.of(call) : List.of(o.line, call);
    }

    /** A Python variable for a scenario name, fresh at its binding. */
    private String bind(String name) {
        String var = variable(PythonLiterals.identifier(name));
        bound.put(name, var);
        return var;
    }

    private Obtained get(ObjectRef ref) {
        if (ref.isName()) {
            return new Obtained(bound.getOrDefault(ref.name(), ref.name()), null);
        }
        StringBuilder base = new StringBuilder(PythonLiterals.snake(ref.className()));
        for (Object k : ref.key()) {
            base.append('_').append(PythonLiterals.identifier(String.valueOf(k)).replaceAll("^_+|_+$", ""));
        }
        String var = variable(PythonLiterals.identifier(base.toString().replaceAll("_+$", "")));
        return new Obtained(var, var + " = session.get(" + names.className(ref.className()) + ", " + keys.apply(ref) + ")");
    }

    /** A fresh variable: the name, or the name with a letter when it was taken by an earlier step. */
    private String variable(String base) {
        String name = base;
        char suffix = 'b';
        while (used.contains(name)) {
            name = base + (suffix <= 'z' ? String.valueOf(suffix++) : "_" + (used.size()));
        }
        used.add(name);
        return name;
    }

    /** The session call a step stands for, on one line: {@code session.delete(session.get(Artist, 1))}. */
    static String call(Step step) {
        if (step instanceof Step.Get g) {
            return (g.as() == null ? "" : g.as() + " = ") + sessionGet(g.object());
        } else if (step instanceof Step.Load l) {
            return attribute(sessionGet(l.object()), l.attribute());
        } else if (step instanceof Step.Delete d) {
            return "session.delete(" + sessionGet(d.object()) + ")";
        } else if (step instanceof Step.Remove r) {
            return attribute(sessionGet(r.parent()), r.attribute()) + ".remove(" + sessionGet(r.item()) + ")";
        } else if (step instanceof Step.Set s) {
            return assign(sessionGet(s.object()), s.attribute(), s.value() == null ? "None" : sessionGet(s.value()));
        } else if (step instanceof Step.Expunge e) {
            return "session.expunge(" + sessionGet(e.object()) + ")";
        } else if (step instanceof Step.New n) {
            List<String> args = new ArrayList<>();
            n.values().forEach((c, v) -> args.add(c + "=" + PythonLiterals.value(v)));
            return (n.as() == null ? "" : n.as() + " = ") + n.className() + "(" + String.join(", ", args) + ")";
        } else if (step instanceof Step.Add a) {
            return "session.add(" + sessionGet(a.object()) + ")";
        } else if (step instanceof Step.Append a) {
            return attribute(sessionGet(a.parent()), a.attribute()) + ".append(" + sessionGet(a.item()) + ")";
        } else if (step instanceof Step.SetColumn c) {
            return assign(sessionGet(c.object()), c.column(), PythonLiterals.value(c.value()));
        } else if (step instanceof Step.Merge m) {
            return (m.as() == null ? "" : m.as() + " = ") + "session.merge(" + sessionGet(m.object()) + ")";
        } else if (step instanceof Step.Refresh r) {
            return "session.refresh(" + sessionGet(r.object()) + ")";
        } else if (step instanceof Step.Expire e) {
            return "session.expire(" + sessionGet(e.object()) + ")";
        } else if (step instanceof Step.ExpireAll) {
            return "session.expire_all()";
        } else if (step instanceof Step.Close) {
            return "session.close()";
        }
        return step instanceof Step.Flush ? "session.flush()" : step instanceof Step.Commit ? "session.commit()"
                : "session.rollback()";
    }

    private static String sessionGet(ObjectRef ref) {
        if (ref.isName()) {
            return ref.name();
        }
        List<String> key = ref.key().stream().map(PythonLiterals::value).toList();
        return "session.get(" + ref.className() + ", " + (key.size() == 1 ? key.get(0) : "(" + String.join(", ", key) + ")") + ")";
    }
}
