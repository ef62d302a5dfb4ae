package dev.cascadeviz.workbench;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.model.mapping.Direction;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.scenario.StepNotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The save-path edits the result tables offer: a new object added to the session ({@code new} +
 * {@code add}) and a column set on an existing row ({@code set}). What the user typed is read as
 * one step line and checked exactly as the loader checks the same step in a file; a value the
 * loader would refuse is refused here with its message (an IllegalArgumentException).
 */
public final class SaveEdits {

    private SaveEdits() {
    }

    /**
     * The steps {@code n = Cls(values)} and {@code session.add(n)} for the values typed as
     * {@code {column: value, ...}} (empty: no values), bound to a name no earlier step uses.
     */
    public static List<Step> newAndAdd(Scenario s, String className, String typedValues) {
        String name = freeName(s, className);
        String values = typedValues == null ? "" : typedValues.strip();
        String line = "new " + className + (values.isEmpty() ? "" : " with " + values) + " as " + name;
        Step created = StepNotation.parse(line, s);
        if (!(created instanceof Step.New)) {
            throw new IllegalArgumentException("not a new object: " + line);
        }
        List<Step> steps = new ArrayList<>(s.steps());
        steps.add(created);
        Step add = StepNotation.parse("add " + name, s.withSteps(steps));
        return List.of(created, add);
    }

    /**
     * The collections of a class a new object can be appended to: its one-to-many and
     * many-to-many relationships holding a list (not viewonly), in the order MappedEdge lists them.
     */
    public static List<MappedEdge> collections(Scenario s, String className) {
        List<MappedEdge> out = new ArrayList<>();
        for (MappedEdge e : MappedEdge.all(s)) {
            if (e.sourceClass().equals(className)
                    && (e.direction() == Direction.ONE_TO_MANY || e.direction() == Direction.MANY_TO_MANY)
                    && !Boolean.FALSE.equals(e.relationship().uselist()) && !e.relationship().isViewonly()
                    && s.mappedClass(e.targetClass()) != null) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The steps {@code c = Child(values)}, {@code parent.collection.append(c)} and {@code commit}:
     * a new child attached to a parent through a relationship, and the flush that saves it (the
     * save-update cascade adds the child; the parent's key reaches its foreign key or association row).
     */
    public static List<Step> newAndAppend(Scenario s, ObjectRef parent, String collection, String typedValues) {
        MappedEdge edge = MappedEdge.find(s, parent.className(), collection);
        if (edge == null) {
            throw new IllegalArgumentException("there is no relationship " + parent.className() + "." + collection);
        }
        String child = edge.targetClass();
        String name = freeName(s, child);
        String values = typedValues == null ? "" : typedValues.strip();
        String line = "new " + child + (values.isEmpty() ? "" : " with " + values) + " as " + name;
        Step created = StepNotation.parse(line, s);
        if (!(created instanceof Step.New)) {
            throw new IllegalArgumentException("not a new object: " + line);
        }
        List<Step> steps = new ArrayList<>(s.steps());
        steps.add(created);
        Step append = StepNotation.parse("append " + name + " to " + parent + "." + collection, s.withSteps(steps));
        steps.add(append);
        Step commit = StepNotation.parse("commit", s.withSteps(steps));
        return List.of(created, append, commit);
    }

    /**
     * Values to start a new child from: like the collection's first existing row, without its
     * primary key and the foreign key the append fills in; else a value for each NOT NULL column.
     */
    public static Map<String, Object> childValues(Scenario s, MappedEdge edge) {
        MappedClass c = s.mappedClass(edge.targetClass());
        Table t = c == null ? null : s.table(c.table());
        Map<String, Object> out = new LinkedHashMap<>();
        if (t == null) {
            return out;
        }
        Set<String> skip = new HashSet<>();
        t.primaryKey().forEach(k -> skip.add(k.name()));
        if (edge.foreignKey() != null && t.name().equals(edge.fkTable())) {
            skip.addAll(edge.foreignKey().columns());
        }
        List<Map<String, Object>> rows = s.rowsOf(t.name());
        for (Column col : t.columns().values()) {
            if (skip.contains(col.name())) {
                continue;
            }
            if (!rows.isEmpty()) {
                if (rows.get(0).get(col.name()) != null) {
                    out.put(col.name(), rows.get(0).get(col.name()));
                }
            } else if (!col.nullable()) {
                out.put(col.name(), switch (col.type()) {
                    case INTEGER -> 1L;
                    case BOOLEAN -> false;
                    case FLOAT, NUMERIC -> 1.0;
                    case DATE -> "2024-01-01";
                    case DATETIME -> "2024-01-01T12:00:00";
                    default -> "new";
                });
            }
        }
        return out;
    }

    /** The step {@code object.column = value} for the value typed (as a file writes it; None for null). */
    public static Step setColumn(Scenario s, ObjectRef object, String column, String typedValue) {
        String value = typedValue == null ? "" : typedValue.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("type a value (None for null)");
        }
        Step step = StepNotation.parse("set " + object + "." + column + " = " + value, s);
        if (!(step instanceof Step.SetColumn)) {
            throw new IllegalArgumentException(object + "." + column + " is not a column attribute");
        }
        return step;
    }

    /** An edit appending the steps after the scenario's own. */
    public static UnaryOperator<Scenario> append(List<Step> added) {
        List<Step> copy = List.copyOf(added);
        return s -> {
            List<Step> steps = new ArrayList<>(s.steps());
            steps.addAll(copy);
            return s.withSteps(steps);
        };
    }

    /** The class's initial, lower case, with the first number no step binds yet: {@code o1}, {@code o2}. */
    static String freeName(Scenario s, String className) {
        Set<String> used = new HashSet<>();
        for (Step step : s.steps()) {
            String as = step instanceof Step.Get g ? g.as() : step instanceof Step.New n ? n.as()
                    : step instanceof Step.Merge m ? m.as() : null;
            if (as != null) {
                used.add(as);
            }
        }
        String stem = className.isEmpty() ? "obj" : className.substring(0, 1).toLowerCase(Locale.ROOT);
        if (!Character.isLetter(stem.charAt(0))) {
            stem = "obj";
        }
        int i = 1;
        while (used.contains(stem + i) || s.classes().containsKey(stem + i)) {
            i++;
        }
        return stem + i;
    }
}
