package dev.cascadeviz.workbench;

import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.scenario.StepNotation;
import java.util.ArrayList;
import java.util.HashSet;
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
