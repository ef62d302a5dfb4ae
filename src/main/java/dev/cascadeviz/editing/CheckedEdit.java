package dev.cascadeviz.editing;

import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.ScenarioCheck;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An edit tried on a scenario and checked as the loader checks a file ({@link ScenarioCheck}):
 * either the scenario after it, or why it is refused (the edit's own message or the loader's).
 *
 * @param after the scenario after the edit; null when refused
 * @param refusal why the edit is refused; null when accepted
 */
public record CheckedEdit(Scenario after, String refusal) {

    public static CheckedEdit of(Scenario before, UnaryOperator<Scenario> change) {
        Scenario after;
        try {
            after = change.apply(before);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new CheckedEdit(null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        List<String> problems = ScenarioCheck.problems(after);
        return problems.isEmpty() ? new CheckedEdit(after, null) : new CheckedEdit(null, String.join("\n", problems));
    }

    public boolean accepted() {
        return refusal == null;
    }
}
