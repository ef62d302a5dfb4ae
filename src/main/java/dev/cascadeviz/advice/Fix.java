package dev.cascadeviz.advice;

import dev.cascadeviz.model.Scenario;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The one-click change a warning suggests: what it does, in words, and the edit itself.
 *
 * @param description e.g. "Set passive_deletes=True on Artist.songs"
 * @param apply makes the changed scenario (scenarios are immutable)
 */
public record Fix(String description, UnaryOperator<Scenario> apply) {

    public Fix {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(apply, "apply");
    }

    public Scenario applyTo(Scenario scenario) {
        return apply.apply(scenario);
    }
}
