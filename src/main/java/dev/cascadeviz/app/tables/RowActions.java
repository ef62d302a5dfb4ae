package dev.cascadeviz.app.tables;

import dev.cascadeviz.model.mapping.Direction;
import dev.cascadeviz.workbench.Edits;
import dev.cascadeviz.workbench.MappedEdge;
import dev.cascadeviz.workbench.SaveEdits;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.MenuItem;

/**
 * The session calls a row offers: delete it, remove it from its parent's collection, set its
 * parent to None; a new child in one of its collections (new + append + commit); or a new object
 * like it (appended new + add, see {@link NewObjectDialog}). Each replaces the steps with that call and a commit (undoable) and runs.
 */
public final class RowActions {

    private RowActions() {
    }

    /** The mapped object a row is, or null when its table has no class or no primary key. */
    public static ObjectRef objectOf(Scenario s, String table, Map<String, Object> row) {
        MappedClass c = s.classForTable(table);
        Table t = s.table(table);
        if (c == null || t == null || t.primaryKey().isEmpty()) {
            return null;
        }
        List<Object> key = new ArrayList<>();
        for (Column pk : t.primaryKey()) {
            key.add(row.get(pk.name()));
        }
        return new ObjectRef(c.name(), key);
    }

    /** A new object like the row: {@code new} + {@code add} for values typed in a dialog (see {@link NewObjectDialog}); null without a mapped object. */
    public static MenuItem newObjectItem(WorkspaceModel model, String table, Map<String, Object> row) {
        ObjectRef self = objectOf(model.getScenario(), table, row);
        if (self == null) {
            return null;
        }
        MenuItem created = new MenuItem("new " + self.className() + "(…) + session.add");
        created.setOnAction(e -> NewObjectDialog.open(created.getParentPopup() == null ? null
                : created.getParentPopup().getOwnerWindow(), model, table, self.className(), row));
        return created;
    }

    public static List<MenuItem> menuItems(WorkspaceModel model, String table, Map<String, Object> row) {
        Scenario s = model.getScenario();
        List<MenuItem> items = new ArrayList<>();
        ObjectRef self = objectOf(s, table, row);
        if (self == null) {
            return items;
        }
        MenuItem delete = new MenuItem("session.delete(" + self + ")");
        delete.setId("delete-" + table + "-" + self.key());
        delete.setOnAction(e -> model.edit("session.delete(" + self + "); commit", Edits.deleteAndCommit(self)));
        items.add(delete);
        for (MappedEdge edge : MappedEdge.all(s)) {
            if (edge.direction() == Direction.ONE_TO_MANY && edge.targetClass().equals(self.className())
                    && table.equals(edge.fkTable()) && edge.foreignKey() != null && !edge.foreignKey().isComposite()) {
                Object parentKey = row.get(edge.foreignKey().columns().get(0));
                if (parentKey != null) {
                    ObjectRef parent = new ObjectRef(edge.sourceClass(), List.of(parentKey));
                    String text = parent + "." + edge.name() + ".remove(" + self + ")";
                    MenuItem remove = new MenuItem(text);
                    remove.setOnAction(e -> model.edit(text + "; commit", Edits.removeAndCommit(self, parent, edge.name())));
                    items.add(remove);
                }
            }
            if (edge.direction() == Direction.MANY_TO_ONE && edge.sourceClass().equals(self.className())
                    && edge.foreignKey() != null && !edge.foreignKey().isComposite()
                    && row.get(edge.foreignKey().columns().get(0)) != null) {
                String text = self + "." + edge.name() + " = None";
                MenuItem set = new MenuItem(text);
                set.setOnAction(e -> model.edit(text + "; commit", Edits.setNoneAndCommit(self, edge.name())));
                items.add(set);
            }
        }
        for (MappedEdge edge : SaveEdits.collections(s, self.className())) {
            MenuItem append = new MenuItem("Add new " + edge.targetClass() + " to " + self + "." + edge.name() + "…");
            append.setId("append-new-" + table + "-" + edge.name());
            append.setOnAction(e -> NewObjectDialog.openAppend(append.getParentPopup() == null ? null
                    : append.getParentPopup().getOwnerWindow(), model, self, edge));
            items.add(append);
        }
        return items;
    }
}
