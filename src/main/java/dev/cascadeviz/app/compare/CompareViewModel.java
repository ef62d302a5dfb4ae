package dev.cascadeviz.app.compare;

import dev.cascadeviz.threads.BackgroundThreads;
import dev.cascadeviz.workbench.CompareRun;
import dev.cascadeviz.workbench.Comparison;
import dev.cascadeviz.workbench.ScenarioRunner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * The compare view's state: the two configurations, and the {@link Comparison} once both have
 * run on a worker thread (never the JavaFX thread).
 */
public final class CompareViewModel {

    private final ScenarioRunner runner;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(BackgroundThreads.named("cascadeviz-compare"));
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyObjectWrapper<CompareRun> left = new ReadOnlyObjectWrapper<>(this, "left");
    private final ReadOnlyObjectWrapper<CompareRun> right = new ReadOnlyObjectWrapper<>(this, "right");
    private final ReadOnlyObjectWrapper<Comparison> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private Task<Comparison> current;

    public CompareViewModel(ScenarioRunner runner) {
        this.runner = runner;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CompareRun> leftProperty() {
        return left.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CompareRun> rightProperty() {
        return right.getReadOnlyProperty();
    }

    /** Both runs and their differences; null while running. */
    public ReadOnlyObjectProperty<Comparison> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public Comparison getResult() {
        return result.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Why the comparison could not run, or null. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Runs both sides off the JavaFX thread; a comparison still running is cancelled. */
    public void start(String heading, CompareRun a, CompareRun b) {
        if (current != null) {
            current.cancel(true);
        }
        title.set(heading);
        left.set(a);
        right.set(b);
        result.set(null);
        failure.set(null);
        running.set(true);
        Task<Comparison> task = new Task<>() {
            @Override
            protected Comparison call() throws Exception {
                return Comparison.run(runner, a, b);
            }
        };
        current = task;
        task.setOnSucceeded(e -> {
            if (current == task) {
                result.set(task.getValue());
                running.set(false);
            }
        });
        task.setOnFailed(e -> {
            if (current == task) {
                Throwable x = task.getException();
                failure.set("The comparison could not run: " + x.getClass().getSimpleName()
                        + (x.getMessage() == null ? "" : ": " + x.getMessage()));
                running.set(false);
            }
        });
        executor.submit(task);
    }

    public void shutdown() {
        if (current != null) {
            current.cancel(true);
        }
        executor.shutdownNow();
    }
}
