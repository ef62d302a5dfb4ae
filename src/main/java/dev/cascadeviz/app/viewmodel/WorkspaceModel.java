package dev.cascadeviz.app.viewmodel;

import dev.cascadeviz.advice.Advice;
import dev.cascadeviz.advice.Advisor;
import dev.cascadeviz.app.edit.JobManager;
import dev.cascadeviz.app.edit.ScenarioJob;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.threads.BackgroundThreads;
import dev.cascadeviz.trace.Cause;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.workbench.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The window's state and commands (AtlantaFX sampler style): views bind to the read-only
 * properties and call the commands; no view holds simulation logic. Every edit of the scenario
 * is a {@link ScenarioJob} on the {@link JobManager}, and every new scenario value is run again
 * off the JavaFX thread.
 */
public final class WorkspaceModel {

    private final ScenarioIO io;
    private final ScenarioRunner runner;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(BackgroundThreads.named("cascadeviz-run"));
    private final JobManager jobs = new JobManager();

    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyStringWrapper sourceName = new ReadOnlyStringWrapper(this, "sourceName", "");
    /** Where the scenario shown comes from, for the status bar. */
    private final ReadOnlyStringWrapper origin = new ReadOnlyStringWrapper(this, "origin", NOTHING_OPEN);
    public static final String NOTHING_OPEN = "no scenario open";
    public static final String BUILT_IN = "built-in scenario (Save As to keep changes)";
    public static final String IMPORTED = "imported, not saved yet (Save As to keep it)";
    public static final String NEW = "new scenario, not saved yet (Save As to keep it)";
    private final ReadOnlyObjectWrapper<Trace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyStringWrapper runFailure = new ReadOnlyStringWrapper(this, "runFailure");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step", -1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>(this, "selection", Selection.NONE);
    private final StringProperty highlightedSetting =
            new SimpleStringProperty(this, "highlightedSetting");
    /**
     * The read-only view handed out: one instance, held here, because an unmodifiable wrapper
     * listens to its source weakly and a listener added to a fresh wrapper could be collected.
     */
    private final ObservableList<Advice> adviceView;
    private final ObservableList<Advice> advice =
            FXCollections.observableArrayList();
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");
    private final ReadOnlyIntegerWrapper opened = new ReadOnlyIntegerWrapper(this, "opened");
    private final StringBinding windowTitle;
    /** The run, or the read of a big file, under way; Cancel stops it. */
    private Task<?> currentRun;
    /** The read of a big file, when that is what runs. */
    private Task<Scenario> currentRead;

    public WorkspaceModel(ScenarioIO io, ScenarioRunner runner) {
        this.io = io;
        this.runner = runner;
        adviceView = FXCollections.unmodifiableObservableList(advice);
        windowTitle = Bindings.createStringBinding(this::computeTitle, scenario, jobs.dirtyProperty(), sourceName);
        selection.addListener((o, a, b) -> highlightedSetting.set(null));
    }

    // ----------------------------------------------------------------- state

    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public Scenario getScenario() {
        return scenario.get();
    }

    /** The name the scenario was opened under (a built-in file's name, an import's title), or "". */
    public String sourceName() {
        return sourceName.get();
    }

    /** Puts a message in the status bar; while a run it started is under way, the message says so. */
    public void say(String message) {
        Task<?> t = currentRun;
        status.set(t != null && t != currentRead ? message + " (running…)" : message);
    }

    /** The file the scenario was opened from or saved to; null for a built-in scenario not yet saved. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The file's path, or what the scenario is when it has no file: built-in, imported, nothing open. */
    public ReadOnlyStringProperty originProperty() {
        return origin.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return jobs.dirtyProperty();
    }

    public boolean isDirty() {
        return jobs.dirtyProperty().get();
    }

    /** The outcome of the last run of the current scenario; null before it finished. */
    public ReadOnlyObjectProperty<Trace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    public Trace getTrace() {
        return trace.get();
    }

    /** A message when the run itself broke (not a SQLAlchemy error, which is in the trace). */
    public ReadOnlyStringProperty runFailureProperty() {
        return runFailure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /**
     * Step-through position: -1 shows the whole run's outcome; 0..n shows the tables after the
     * first n statements, statement n-1 highlighted.
     */
    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public int getStep() {
        return step.get();
    }

    /** Counts scenarios opened (not edited): views reset themselves when it changes. */
    public ReadOnlyIntegerProperty openedProperty() {
        return opened.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObjectProperty<Selection> selectionProperty() {
        return selection;
    }

    /**
     * The setting a clicked cause points at ({@code cascade}, {@code passive_deletes}, {@code ondelete},
     * ...), for the inspector to mark; null when none.
     */
    public StringProperty highlightedSettingProperty() {
        return highlightedSetting;
    }

    /** The warnings about the current scenario, recomputed whenever it changes. */
    public ObservableList<Advice> advice() {
        return adviceView;
    }

    /**
     * Points at what a statement's cause names: selects its relationship's edge and marks its
     * setting in the inspector. Returns false when the cause names no relationship of the scenario.
     */
    public boolean showCause(Cause cause) {
        Selection target = CauseTarget.selection(getScenario(), cause);
        if (target == null) {
            return false;
        }
        selection.set(target);
        highlightedSetting.set(cause.setting());
        return true;
    }

    private static List<Advice> adviceFor(Scenario s) {
        if (s == null) {
            return List.of();
        }
        try {
            return Advisor.check(s);
        } catch (RuntimeException e) {
            return List.of(); // a scenario the checks cannot read has its problems reported by the run
        }
    }

    /** Applies a warning's fix as an undoable edit. */
    public void applyFix(Advice a) {
        edit(a.fix().description(), a.fix().apply());
    }

    public BooleanProperty presentationProperty() {
        return presentation;
    }

    public StringBinding windowTitleProperty() {
        return windowTitle;
    }

    public JobManager jobs() {
        return jobs;
    }

    private String computeTitle() {
        Scenario s = scenario.get();
        String name = s == null ? "" : s.title() != null && !s.title().isBlank() ? s.title() : sourceName.get();
        String mark = jobs.dirtyProperty().get() ? " •" : "";
        return s == null ? "CascadeViz" : "CascadeViz — " + name + mark;
    }

    // ----------------------------------------------------------------- commands: files

    /** Opens a file; on a problem the message is returned and nothing changes. */
    public String open(Path path) {
        try {
            Scenario s = io.load(path);
            show(s, path, path.getFileName().toString());
            return null;
        } catch (Exception e) {
            return problemText(path.getFileName().toString(), e);
        }
    }

    /**
     * Files above this size are read off the JavaFX thread ({@link #openInBackground}): reading
     * the 37,449-row benchmark file took the window away for about a second.
     */
    public static final long READ_IN_BACKGROUND_ABOVE = 256 * 1024;

    /**
     * Opens a file as {@link #open} does, reading it off the JavaFX thread when it is big; while
     * it is read the window shows it is busy and Cancel stops it. {@code done} gets null once the
     * scenario is shown, or the problem; nothing when cancelled.
     */
    public void openInBackground(Path path, Consumer<String> done) {
        long size;
        try {
            size = Files.size(path);
        } catch (IOException | RuntimeException e) {
            size = 0;
        }
        if (size <= READ_IN_BACKGROUND_ABOVE) {
            done.accept(open(path));
            return;
        }
        cancelRun();
        Task<Scenario> task = new Task<>() {
            @Override
            protected Scenario call() throws Exception {
                return io.load(path);
            }
        };
        currentRun = task;
        currentRead = task;
        running.set(true);
        status.set("Reading " + path.getFileName() + "…");
        task.setOnSucceeded(e -> {
            if (currentRun == task) {
                currentRun = null;
                running.set(false);
                show(task.getValue(), path, path.getFileName().toString());
                done.accept(null);
            }
        });
        task.setOnFailed(e -> {
            if (currentRun == task) {
                currentRun = null;
                running.set(false);
                status.set("Could not open " + path.getFileName());
                Throwable x = task.getException();
                done.accept(x instanceof Exception ex ? problemText(path.getFileName().toString(), ex) : String.valueOf(x));
            }
        });
        executor.submit(task);
    }

    /** Opens a built-in scenario from its text; it has no file until saved. */
    public String openText(String text, String fileName) {
        try {
            show(io.parse(text, fileName), null, fileName);
            return null;
        } catch (Exception e) {
            return problemText(fileName, e);
        }
    }

    /** Shows a scenario read by an import: it has no file until saved. */
    public void showImported(Scenario s, String name) {
        show(s, null, name);
        origin.set(IMPORTED);
    }

    /** Shows a scenario made by File > New: it has no file until saved. */
    public void showNew(Scenario s) {
        show(s, null, "New scenario");
        origin.set(NEW);
    }

    /** Shows a scenario value (tests, library). */
    public void show(Scenario s, Path path, String name) {
        jobs.clear();
        selection.set(Selection.NONE);
        file.set(path);
        origin.set(path != null ? path.toString() : BUILT_IN);
        sourceName.set(name == null ? "" : name);
        status.set("Opened " + (name == null ? "scenario" : name));
        setScenario(s); // its run then says "Running …" and, when it ends, how it went
        opened.set(opened.get() + 1);
    }

    /** Saves to the current file; returns an error message or null. Without a file, call {@link #saveAs}. */
    public String save() {
        if (file.get() == null) {
            return "This scenario has no file yet: use Save As.";
        }
        return saveAs(file.get());
    }

    public String saveAs(Path path) {
        return trySave(path, false).problem();
    }

    /**
     * What a save came to: a problem (null when saved), and whether the only problem is that the
     * file is read-only, which the user may overrule.
     */
    public record SaveResult(String problem, boolean readOnly) {
    }

    /** Saves to the path; {@code overwriteReadOnly} replaces a read-only file too (after asking the user). */
    public SaveResult trySave(Path path, boolean overwriteReadOnly) {
        try {
            if (overwriteReadOnly) {
                io.overwrite(scenario.get(), path);
            } else {
                io.save(scenario.get(), path);
            }
            file.set(path);
            origin.set(path.toString());
            sourceName.set(path.getFileName().toString());
            jobs.markSaved();
            status.set("Saved " + path.getFileName());
            return new SaveResult(null, false);
        } catch (Exception e) {
            return new SaveResult("Could not save " + path.getFileName() + ": " + e.getMessage(), io.refusedAsReadOnly(e));
        }
    }

    private static String problemText(String name, Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? name + ": " + e.getClass().getSimpleName() : m;
    }

    // ----------------------------------------------------------------- commands: edits

    /** Applies an edit as an undoable job; nothing happens when it changes nothing. */
    public void edit(String description, UnaryOperator<Scenario> change) {
        Scenario before = scenario.get();
        if (before == null) {
            return;
        }
        Scenario after;
        try {
            after = change.apply(before);
        } catch (RuntimeException e) {
            status.set(description + ": " + e.getMessage());
            return;
        }
        if (after == null || after.equals(before) && sameOrder(after, before)) {
            return;
        }
        jobs.push(new ScenarioJob(description, before, after, this::setScenario));
        say(description);
    }

    /** Scenario records compare maps without order; a reordering of columns is still an edit. */
    private static boolean sameOrder(Scenario a, Scenario b) {
        return ScenarioFiles.toYaml(a).equals(ScenarioFiles.toYaml(b));
    }

    public void undo() {
        String d = jobs.undoDescriptionProperty().get();
        jobs.undo();
        if (!d.isEmpty()) {
            say("Undid: " + d);
        }
    }

    public void redo() {
        String d = jobs.redoDescriptionProperty().get();
        jobs.redo();
        if (!d.isEmpty()) {
            say("Redid: " + d);
        }
    }

    private void setScenario(Scenario s) {
        Scenario old = scenario.get();
        advice.setAll(adviceFor(s));
        scenario.set(s);
        boolean layoutOnly = old != null && s != null && old.withLayout(s.layout()).equals(s);
        if (!layoutOnly || trace.get() == null && !running.get()) {
            run();
        }
    }

    // ----------------------------------------------------------------- commands: running

    /** Runs the current scenario off the JavaFX thread, cancelling a run still going. */
    public void run() {
        cancelRun();
        Scenario s = scenario.get();
        if (s == null) {
            return;
        }
        Task<Trace> task = new Task<>() {
            @Override
            protected Trace call() throws Exception {
                return runner.run(s, s.database().engine());
            }
        };
        currentRun = task;
        running.set(true); // first: a view told of the step's reset can tell it from a user's move
        step.set(-1);
        runFailure.set(null);
        String name = file.get() != null ? file.get().getFileName().toString() : sourceName.get();
        status.set(name.endsWith(".yaml") || name.endsWith(".yml") ? "Running " + name + "…" : "Running…");
        task.setOnSucceeded(e -> {
            if (currentRun == task) {
                currentRun = null;
                trace.set(task.getValue());
                running.set(false);
                status.set(task.getValue().error() == null ? "Run finished" : "Run failed: " + task.getValue().error().type());
            }
        });
        task.setOnFailed(e -> {
            if (currentRun == task) {
                currentRun = null;
                trace.set(null);
                running.set(false);
                Throwable x = task.getException();
                runFailure.set("The run could not complete: " + x.getClass().getSimpleName()
                        + (x.getMessage() == null ? "" : ": " + x.getMessage()));
                status.set("Run could not complete");
            }
        });
        task.setOnCancelled(e -> {
            if (currentRun == task) {
                currentRun = null;
                running.set(false);
                status.set("Run cancelled");
            }
        });
        trace.set(null);
        executor.submit(task);
    }

    /** Interrupts the running worker; the result, if it still comes, is ignored. */
    public void cancelRun() {
        Task<?> t = currentRun;
        if (t != null) {
            t.cancel(true);
            currentRun = null;
            running.set(false);
            status.set(t == currentRead ? "Opening cancelled" : "Run cancelled");
        }
    }

    // ----------------------------------------------------------------- commands: step-through

    private int statementCount() {
        return trace.get() == null ? 0 : trace.get().statements().size();
    }

    /** Next statement (F7); past the last one, back to the whole outcome. */
    public void stepNext() {
        int n = statementCount();
        if (trace.get() == null) {
            return;
        }
        int p = step.get();
        if (p < 0) {
            step.set(n == 0 ? -1 : 1);
        } else if (p < n) {
            step.set(p + 1);
        } else {
            step.set(-1);
        }
    }

    /** Previous statement (F6); from the outcome, to the last statement. */
    public void stepPrevious() {
        int n = statementCount();
        if (trace.get() == null) {
            return;
        }
        int p = step.get();
        if (p < 0) {
            step.set(n);
        } else if (p > 0) {
            step.set(p - 1);
        }
    }

    /** Leaves step-through: shows the whole outcome. */
    public void showOutcome() {
        step.set(-1);
    }

    /** Jumps to the state after {@code count} statements. */
    public void stepTo(int count) {
        if (trace.get() != null) {
            step.set(Math.max(-1, Math.min(count, statementCount())));
        }
    }

    public void shutdown() {
        cancelRun();
        executor.shutdownNow();
    }

    /** For the step list: the current steps. */
    public List<Step> steps() {
        return scenario.get() == null ? List.of() : scenario.get().steps();
    }
}
