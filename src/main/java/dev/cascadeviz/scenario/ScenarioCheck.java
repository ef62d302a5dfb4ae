package dev.cascadeviz.scenario;

import dev.cascadeviz.model.Scenario;
import java.util.List;

/**
 * The loader's checks for a scenario value built in memory (an edit in the window): the
 * scenario is written as the file it would save to and read back by the loader. Whatever the
 * loader would refuse in that file is refused here, with the loader's own message, and a value
 * the file format cannot say (so it would not reopen unchanged) is refused too. One set of rules
 * for files and edits, and "any file the window saves reopens" by construction.
 */
public final class ScenarioCheck {

    static final String NAME = "the edited scenario";

    private ScenarioCheck() {
    }

    /** The loader's problems with the scenario, each without a line (an edit has none); empty when it is fine. */
    public static List<String> problems(Scenario scenario) {
        String text;
        try {
            text = ScenarioFiles.toYaml(scenario);
        } catch (RuntimeException e) {
            return List.of("cannot be written: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        Scenario back;
        try {
            back = ScenarioFiles.parse(text, NAME);
        } catch (ScenarioException e) {
            return e.problems().stream().map(Problem::message).distinct().toList();
        }
        // records compare maps without their order: the text also compares the order of columns and rows
        if (!back.equals(scenario) || !ScenarioFiles.toYaml(back).equals(text)) {
            return List.of("the file would not reopen as it is: " + firstDifference(scenario, back));
        }
        return List.of();
    }

    private static String firstDifference(Scenario a, Scenario b) {
        if (!a.tables().equals(b.tables())) {
            return "its tables differ";
        }
        if (!a.classes().equals(b.classes())) {
            return "its classes differ";
        }
        if (!a.rows().equals(b.rows())) {
            return "its rows differ";
        }
        if (!a.steps().equals(b.steps())) {
            return "its steps differ";
        }
        if (!a.layout().equals(b.layout())) {
            return "its layout differs";
        }
        return a.equals(b) ? "the order of its columns or entries differs" : "its settings differ";
    }
}
