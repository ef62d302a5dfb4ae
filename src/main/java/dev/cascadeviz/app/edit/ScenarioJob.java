package dev.cascadeviz.app.edit;

import dev.cascadeviz.model.Scenario;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An edit of the immutable scenario: the whole value before and after is kept, so undo is a swap.
 */
public final class ScenarioJob implements EditJob {

    private final String description;
    private final Scenario before;
    private final Scenario after;
    private final Consumer<Scenario> target;

    public ScenarioJob(String description, Scenario before, Scenario after, Consumer<Scenario> target) {
        this.description = Objects.requireNonNull(description, "description");
        this.before = Objects.requireNonNull(before, "before");
        this.after = Objects.requireNonNull(after, "after");
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void execute() {
        target.accept(after);
    }

    @Override
    public void undo() {
        target.accept(before);
    }

    public Scenario before() {
        return before;
    }

    public Scenario after() {
        return after;
    }
}
