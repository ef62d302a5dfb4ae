package dev.cascadeviz.app.editor;

import dev.cascadeviz.app.graph.GraphEditing;
import dev.cascadeviz.app.viewmodel.Selection;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.editing.ModelEdits;
import dev.cascadeviz.editing.RelationshipPlan;
import dev.cascadeviz.editing.TableRenames;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.Point;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.ScenarioCheck;
import dev.cascadeviz.workbench.MappedEdge;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.geometry.Bounds;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;

/**
 * The window's model editor (issue 12): every edit is one undoable job with a description,
 * checked by the loader's rules ({@link ScenarioCheck}) before it is kept; a refused edit says
 * why and changes nothing. Deletions name what goes with them and ask first.
 */
public final class ModelEditor implements GraphEditing {

    private final Window owner;
    private final WorkspaceModel model;
    private String lastRefusal;
    /** Tests answer the confirmations; the window asks. */
    private BiPredicate<String, List<String>> confirmer = this::askConfirm;
    /** Gives the keyboard back to the graph after a dialog (else Insert and F2 go nowhere). */
    private Runnable refocus = () -> { };

    /** Shows a table's starting rows where they are edited: the tables pane (set by the main window). */
    private Consumer<String> showStartingRows = t -> { };

    public void setShowStartingRows(Consumer<String> action) {
        showStartingRows = action;
    }

    public ModelEditor(Window owner, WorkspaceModel model) {
        this.owner = owner;
        this.model = model;
    }

    public WorkspaceModel model() {
        return model;
    }

    Window owner() {
        return owner;
    }

    /** The last refusal's message, null after an accepted edit. */
    public String lastRefusal() {
        return lastRefusal;
    }

    /** The graph's area on the screen, which the non-modal Columns dialog keeps clear of; null when unknown. */
    private Supplier<Bounds> graphArea = () -> null;

    public void setGraphArea(Supplier<Bounds> area) {
        graphArea = area;
    }

    Bounds graphArea() {
        return graphArea.get();
    }

    public void setRefocus(Runnable r) {
        refocus = r;
    }

    /** After a dialog: the graph has the keyboard again, with {@code className} selected when given. */
    void backToGraph(String className) {
        if (className != null && model.getScenario() != null && model.getScenario().mappedClass(className) != null) {
            model.selectionProperty().set(new Selection.ClassNode(className));
        }
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() != null
                    && "edit-refused".equals(w.getScene().getRoot().getId())) {
                return; // the refusal's message keeps the keyboard until it is read
            }
        }
        refocus.run();
    }

    public void setConfirmer(BiPredicate<String, List<String>> c) {
        confirmer = c;
    }

    /**
     * Applies an edit as one undoable job when the edit and the loader accept it; else shows why.
     * Returns true when kept.
     */
    public boolean apply(String description, UnaryOperator<Scenario> change) {
        Scenario before = model.getScenario();
        if (before == null) {
            return false;
        }
        Scenario after;
        try {
            after = change.apply(before);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return refuse(description, e.getMessage());
        }
        List<String> problems = ScenarioCheck.problems(after);
        if (!problems.isEmpty()) {
            return refuse(description, String.join("\n", problems));
        }
        lastRefusal = null;
        model.edit(description, s -> s == before ? after : change.apply(s));
        return true;
    }

    private boolean refuse(String description, String why) {
        lastRefusal = why;
        Alert a = new Alert(Alert.AlertType.WARNING, why);
        a.initOwner(active());
        a.setTitle("CascadeViz");
        a.setHeaderText(description + ": not done");
        a.getDialogPane().setId("edit-refused");
        a.show();
        return false;
    }

    /** The window the user works in (a columns or rows dialog, else the main window): messages go on top of it. */
    private Window active() {
        for (Window w : Window.getWindows()) {
            if (w.isFocused() && w.isShowing()) {
                return w;
            }
        }
        return owner;
    }

    /** Asks before a deletion, naming what goes with it. */
    boolean confirm(String action, List<String> dependents) {
        return dependents.isEmpty() || confirmer.test(action, dependents);
    }

    private boolean askConfirm(String action, List<String> dependents) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "This also removes:\n  • " + String.join("\n  • ", dependents),
                ButtonType.OK, ButtonType.CANCEL);
        a.initOwner(active());
        a.setTitle("CascadeViz");
        a.setHeaderText(action + "?");
        a.getDialogPane().setId("confirm-dependents");
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    // ------------------------------------------------------------------ gestures

    @Override
    public void canvasDoubleClicked(Point at) {
        addClass(at);
    }

    /** Asks for a class name (and its table's) and adds it at {@code at} (null: right of the others). */
    public void addClass(Point at) {
        if (model.getScenario() == null) {
            return;
        }
        Point where = at != null ? at : freeSpot(model.getScenario());
        String[] added = {null};
        ClassDialogs.askNewClass(owner).ifPresent(names -> {
            if (apply("Add class " + names[0], s -> ModelEdits.addClass(s, names[0], names[1], where))) {
                added[0] = names[0];
            }
        });
        backToGraph(added[0]); // the new class selected: Insert adds its columns
    }

    static Point freeSpot(Scenario s) {
        double right = 0;
        double top = 40;
        for (Point p : s.layout().values()) {
            right = Math.max(right, p.x());
        }
        return new Point(s.layout().isEmpty() ? 40 : right + 260, top);
    }

    @Override
    public List<MenuItem> classMenu(String className) {
        List<MenuItem> items = new ArrayList<>();
        MenuItem rename = new MenuItem("Rename…");
        rename.setId("class-rename");
        rename.setOnAction(e -> renameClass(className));
        MenuItem columns = new MenuItem("Columns…");
        columns.setId("class-columns");
        columns.setOnAction(e -> new ColumnsDialog(this, className).show());
        MenuItem rows = new MenuItem("Starting rows…");
        rows.setId("class-rows");
        rows.setOnAction(e -> showStartingRows.accept(tableOf(model.getScenario(), className)));
        Menu relate = new Menu("Add relationship to");
        relate.setId("class-relate");
        for (String other : model.getScenario().classes().keySet()) {
            MenuItem i = new MenuItem(other);
            i.setOnAction(e -> connect(className, other));
            relate.getItems().add(i);
        }
        MenuItem delete = new MenuItem("Delete class and table");
        delete.setId("class-delete");
        delete.setOnAction(e -> deleteClass(className));
        items.add(rename);
        items.add(columns);
        items.add(rows);
        items.add(relate);
        items.add(delete);
        return items;
    }

    @Override
    public void addColumn(String className) {
        Scenario s = model.getScenario();
        String table = tableOf(s, className);
        if (table == null) {
            return;
        }
        ColumnDialog.ask(owner, s, table, null).ifPresent(c ->
                apply("Add column " + table + "." + c.name(), x -> ModelEdits.addColumn(x, table, c)));
        backToGraph(className);
    }

    @Override
    public void rename(String className) {
        renameClass(className);
    }

    /** Renames a class, and its table when the second name is changed, as one edit. */
    public void renameClass(String className) {
        Scenario s = model.getScenario();
        String table = tableOf(s, className);
        if (table == null) {
            return;
        }
        String[] now = {className};
        ClassDialogs.askRenameClass(owner, className, table).ifPresent(names -> {
            String n = names[0];
            String t = names[1];
            boolean withTable = !t.equals(table);
            String what = "Rename class " + className + " to " + n + (withTable ? " (table " + table + " to " + t + ")" : "");
            if (apply(what, x -> withTable ? TableRenames.renameClassAndTable(x, className, n, t)
                    : ModelEdits.renameClass(x, className, n))) {
                now[0] = n;
            }
        });
        backToGraph(now[0]);
    }

    /** Model > Rename Table: any table, an association table too; everything naming it follows. */
    public void renameTable() {
        Scenario s = model.getScenario();
        if (s == null || s.tables().isEmpty()) {
            return;
        }
        String selected = model.selectionProperty().get() instanceof Selection.ClassNode c
                ? tableOf(s, c.className()) : null;
        ClassDialogs.askRenameTable(owner, s, selected).ifPresent(names ->
                apply("Rename table " + names[0] + " to " + names[1], x -> TableRenames.renameTable(x, names[0], names[1])));
        backToGraph(null);
    }

    public void deleteClass(String className) {
        List<String> deps = ModelEdits.classDependents(model.getScenario(), className);
        if (confirm("Delete class " + className + " and its table", deps)) {
            apply("Delete class " + className, s -> ModelEdits.deleteClass(s, className));
        }
    }

    @Override
    public void connect(String source, String target) {
        Scenario s = model.getScenario();
        if (s == null || s.mappedClass(source) == null || s.mappedClass(target) == null) {
            return;
        }
        Optional<RelationshipPlan> plan = RelationshipDialog.ask(owner, s, source, target);
        plan.ifPresent(p -> apply("Add relationship " + source + "." + p.name(), p::apply));
        backToGraph(source);
    }

    @Override
    public List<MenuItem> edgeMenu(MappedEdge edge) {
        List<MenuItem> items = new ArrayList<>();
        MenuItem delete = new MenuItem("Delete relationship " + edge.qualifiedName());
        delete.setId("edge-delete");
        delete.setOnAction(e -> deleteRelationship(edge.sourceClass(), edge.name()));
        items.add(delete);
        if (edge.foreignKey() != null && edge.fkTable() != null) {
            ForeignKey fk = edge.foreignKey();
            MenuItem key = new MenuItem("Delete foreign key " + edge.foreignKeyLabel());
            key.setId("edge-delete-key");
            key.setOnAction(e -> deleteForeignKey(edge.fkTable(), fk));
            items.add(key);
        }
        return items;
    }

    public void deleteRelationship(String className, String rel) {
        List<String> deps = ModelEdits.relationshipDependents(model.getScenario(), className, rel);
        if (confirm("Delete relationship " + className + "." + rel, deps)) {
            apply("Delete relationship " + className + "." + rel, s -> ModelEdits.deleteRelationship(s, className, rel));
        }
    }

    public void deleteForeignKey(String table, ForeignKey fk) {
        String name = table + "." + String.join(", ", fk.columns()) + " → " + fk.referencedTable();
        List<String> deps = ModelEdits.foreignKeyDependents(model.getScenario(), table, fk);
        if (confirm("Delete foreign key " + name, deps)) {
            apply("Delete foreign key " + name, s -> ModelEdits.deleteForeignKey(s, table, fk));
        }
    }

    /** Model > Add Association Table: a table with no class, keyed by two tables' keys. */
    public void addAssociationTable() {
        Scenario s = model.getScenario();
        if (s == null) {
            return;
        }
        ClassDialogs.askAssociation(owner, s).ifPresent(a ->
                apply("Add association table " + a[0], x -> RelationshipPlan.addAssociationTable(x, a[0], a[1], a[2])));
        backToGraph(null);
    }

    static String tableOf(Scenario s, String className) {
        MappedClass c = s.mappedClass(className);
        return c == null ? null : c.table();
    }
}
