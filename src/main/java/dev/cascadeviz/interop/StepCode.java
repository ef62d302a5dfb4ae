package dev.cascadeviz.interop;

import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.scenario.StepNotation;
import java.util.HashSet;
import java.util.List;
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

    StepCode(Scenario scenario, PythonNames names) {
        this.scenario = scenario;
        this.names = names;
        used.add("session");
    }

    /** The function body (indented), a {@code # step N: ...} comment before each step's lines. */
    String body(Function<ObjectRef, String> keyOf) {
        this.keys = keyOf;
        StringBuilder sb = new StringBuilder();
        List<Step> steps = scenario.steps();
        if (steps.isEmpty()) {
            return "    pass\n";
        }
        for (int i = 0; i < steps.size(); i++) {
            sb.append("    # step ").append(i + 1).append(": ").append(StepNotation.line(steps.get(i)).replace('\n', ' ')).append('\n');
            for (String line : lines(steps.get(i))) {
                sb.append("    ").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    private List<String> lines(Step step) {
        if (step instanceof Step.Get g) {
            return List.of(get(g.object()).line);
        }
        if (step instanceof Step.Load l) {
            Obtained parent = get(l.object());
            String value = variable(parent.variable + "_" + PythonLiterals.identifier(l.attribute()));
            return List.of(parent.line, value + " = " + attribute(parent.variable, l.attribute()));
        }
        if (step instanceof Step.Delete d) {
            Obtained o = get(d.object());
            return List.of(o.line, "session.delete(" + o.variable + ")");
        }
        if (step instanceof Step.Remove r) {
            Obtained parent = get(r.parent());
            String collection = variable(parent.variable + "_" + PythonLiterals.identifier(r.attribute()));
            Obtained item = get(r.item());
            return List.of(parent.line, collection + " = " + attribute(parent.variable, r.attribute()), item.line,
                    collection + ".remove(" + item.variable + ")");
        }
        if (step instanceof Step.Set s) {
            Obtained o = get(s.object());
            if (s.value() == null) {
                return List.of(o.line, assign(o.variable, s.attribute(), "None"));
            }
            Obtained v = get(s.value());
            return List.of(o.line, v.line, assign(o.variable, s.attribute(), v.variable));
        }
        if (step instanceof Step.Expunge e) {
            Obtained o = get(e.object());
            return List.of(o.line, "session.expunge(" + o.variable + ")");
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

    private Obtained get(ObjectRef ref) {
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
            return sessionGet(g.object());
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
        }
        return step instanceof Step.Flush ? "session.flush()" : step instanceof Step.Commit ? "session.commit()"
                : "session.rollback()";
    }

    private static String sessionGet(ObjectRef ref) {
        List<String> key = ref.key().stream().map(PythonLiterals::value).toList();
        return "session.get(" + ref.className() + ", " + (key.size() == 1 ? key.get(0) : "(" + String.join(", ", key) + ")") + ")";
    }
}
