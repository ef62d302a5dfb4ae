package dev.cascadeviz.app.steps;

import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Steps as one line of text, the way the step editor shows them and lets the user type them:
 * {@code delete Artist(1)}, {@code remove Song(2) from Artist(1).songs},
 * {@code set Song(2).artist = None}, {@code commit}.
 */
public final class StepText {

    private static final Pattern REF = Pattern.compile("\\s*([A-Za-z_]\\w*)\\s*\\((.*)\\)\\s*");
    private static final Pattern ATTR = Pattern.compile("\\s*(.+\\))\\s*\\.\\s*([A-Za-z_]\\w*)\\s*");
    private static final Pattern REMOVE = Pattern.compile("(.+\\))\\s+from\\s+(.+)");
    private static final Pattern SET = Pattern.compile("(.+?)\\s*=\\s*(.+)");

    private StepText() {
    }

    public static String format(Step step) {
        if (step instanceof Step.Get g) {
            return "get " + g.object();
        } else if (step instanceof Step.Load l) {
            return "load " + l.object() + "." + l.attribute();
        } else if (step instanceof Step.Delete d) {
            return "delete " + d.object();
        } else if (step instanceof Step.Remove r) {
            return "remove " + r.item() + " from " + r.parent() + "." + r.attribute();
        } else if (step instanceof Step.Set s) {
            return "set " + s.object() + "." + s.attribute() + " = " + (s.value() == null ? "None" : s.value());
        } else if (step instanceof Step.Expunge e) {
            return "expunge " + e.object();
        } else if (step instanceof Step.Flush) {
            return "flush";
        } else if (step instanceof Step.Commit) {
            return "commit";
        }
        return "rollback";
    }

    /** The Python the step stands for, for tooltips and menu items. */
    public static String python(Step step) {
        if (step instanceof Step.Get g) {
            return "session.get(" + call(g.object()) + ")";
        } else if (step instanceof Step.Load l) {
            return "session.get(" + call(l.object()) + ")." + l.attribute();
        } else if (step instanceof Step.Delete d) {
            return "session.delete(session.get(" + call(d.object()) + "))";
        } else if (step instanceof Step.Remove r) {
            return "session.get(" + call(r.parent()) + ")." + r.attribute() + ".remove(session.get(" + call(r.item()) + "))";
        } else if (step instanceof Step.Set s) {
            return "session.get(" + call(s.object()) + ")." + s.attribute() + " = "
                    + (s.value() == null ? "None" : "session.get(" + call(s.value()) + ")");
        } else if (step instanceof Step.Expunge e) {
            return "session.expunge(session.get(" + call(e.object()) + "))";
        } else if (step instanceof Step.Flush) {
            return "session.flush()";
        } else if (step instanceof Step.Commit) {
            return "session.commit()";
        }
        return "session.rollback()";
    }

    private static String call(ObjectRef ref) {
        String s = ref.toString();
        int open = s.indexOf('(');
        return ref.className() + ", " + s.substring(open + 1, s.length() - 1);
    }

    /** Parses one line; throws IllegalArgumentException with a message for the user. */
    public static Step parse(String text) {
        String t = text == null ? "" : text.strip();
        int space = t.indexOf(' ');
        String verb = (space < 0 ? t : t.substring(0, space)).toLowerCase(java.util.Locale.ROOT).replace(":", "");
        String rest = space < 0 ? "" : t.substring(space + 1).strip();
        switch (verb) {
            case "flush", "commit", "rollback" -> {
                if (!rest.isEmpty()) {
                    throw new IllegalArgumentException(verb + " takes nothing after it");
                }
                return verb.equals("flush") ? new Step.Flush() : verb.equals("commit") ? new Step.Commit() : new Step.Rollback();
            }
            case "get" -> {
                return new Step.Get(ref(rest));
            }
            case "delete" -> {
                return new Step.Delete(ref(rest));
            }
            case "expunge" -> {
                return new Step.Expunge(ref(rest));
            }
            case "load" -> {
                Matcher a = attr(rest);
                return new Step.Load(ref(a.group(1)), a.group(2));
            }
            case "remove" -> {
                Matcher m = REMOVE.matcher(rest);
                if (!m.matches()) {
                    throw new IllegalArgumentException("write: remove Child(2) from Parent(1).collection");
                }
                Matcher a = attr(m.group(2));
                return new Step.Remove(ref(m.group(1)), ref(a.group(1)), a.group(2));
            }
            case "set" -> {
                Matcher m = SET.matcher(rest);
                if (!m.matches()) {
                    throw new IllegalArgumentException("write: set Child(2).parent = Parent(3)  (or = None)");
                }
                Matcher a = attr(m.group(1));
                String value = m.group(2).strip();
                ObjectRef v = value.equals("None") || value.equals("null") ? null : ref(value);
                return new Step.Set(ref(a.group(1)), a.group(2), v);
            }
            default -> throw new IllegalArgumentException(
                    "unknown step '" + verb + "': use get, load, delete, remove, set, expunge, flush, commit or rollback");
        }
    }

    private static Matcher attr(String text) {
        Matcher a = ATTR.matcher(text);
        if (!a.matches()) {
            throw new IllegalArgumentException("expected Class(key).attribute, got '" + text + "'");
        }
        return a;
    }

    /** {@code Artist(1)}, {@code Tag('python')}, {@code Link(1, 2)}. */
    public static ObjectRef ref(String text) {
        Matcher m = REF.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected an object like Artist(1), got '" + text.strip() + "'");
        }
        List<Object> key = new ArrayList<>();
        String args = m.group(2).strip();
        if (args.isEmpty()) {
            throw new IllegalArgumentException(m.group(1) + "() needs its primary key, e.g. " + m.group(1) + "(1)");
        }
        for (String part : args.split(",")) {
            key.add(literal(part.strip()));
        }
        return new ObjectRef(m.group(1), key);
    }

    private static Object literal(String s) {
        if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
            return s.substring(1, s.length() - 1);
        }
        if (s.equals("True") || s.equals("False")) {
            return s.equals("True");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e2) {
                throw new IllegalArgumentException("'" + s + "' is not a key value: quote strings, e.g. Tag('python')");
            }
        }
    }
}
