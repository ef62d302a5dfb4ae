package dev.cascadeviz.app.editor;

import dev.cascadeviz.app.graph.GraphView;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.editing.SampleRows;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The model-building commands of issue 12, added to the main window's menus: File > New,
 * File > Export Picture, View > Lay Out, the Model menu; and the graph's editing gestures
 * ({@link ModelEditor}). Kept here so the window only installs them.
 */
public final class EditorMenus {

    private EditorMenus() {
    }

    /** @param confirmDiscard asks to save unsaved changes before the action named; false to stop */
    public static void install(MenuBar bar, Stage stage, WorkspaceModel model, GraphView graph,
                               Predicate<String> confirmDiscard, Consumer<String> showStartingRows) {
        Menu file = menu(bar, "File");
        Menu view = menu(bar, "View");
        MenuItem newItem = item("New…", "Ctrl+N", () -> {
            if (confirmDiscard.test("starting a new scenario")) {
                NewScenario.ask(stage).ifPresent(model::showNew);
            }
        });
        newItem.setId("menu-new");
        MenuItem picture = item("Export Picture (PNG / SVG)…", "Ctrl+Shift+E", () -> exportPicture(stage, model));
        picture.setId("menu-export-picture");
        MenuItem layOut = item("Lay Out", "Ctrl+Shift+L", graph::layOut);
        layOut.setId("menu-lay-out");
        if (file != null) {
            file.getItems().add(0, newItem);
            int export = indexOf(file, "Export");
            file.getItems().add(export < 0 ? file.getItems().size() : export + 1, picture);
        }
        if (view != null) {
            view.getItems().add(0, layOut);
        }
        ModelEditor editor = new ModelEditor(stage, model);
        editor.setShowStartingRows(showStartingRows);
        graph.setEditing(editor);
        editor.setGraphArea(() -> graph.getScene() == null ? null : graph.localToScreen(graph.getLayoutBounds()));
        editor.setRefocus(() -> {
            stage.requestFocus();
            graph.requestFocus();
        });
        Menu modelMenu = new Menu("Model");
        modelMenu.setId("menu-model");
        MenuItem addClass = item("Add Class…", "Ctrl+Shift+A", () -> editor.addClass(null));
        addClass.setId("menu-add-class");
        MenuItem association = item("Add Association Table…", null, editor::addAssociationTable);
        association.setId("menu-add-association");
        MenuItem renameTable = item("Rename Table…", null, editor::renameTable);
        renameTable.setId("menu-rename-table");
        MenuItem fill = item("Fill Sample Rows", null, () -> editor.apply("Fill sample rows",
                sc -> SampleRows.fill(sc, 3)));
        fill.setId("menu-fill-rows");
        MenuItem hint = new MenuItem("Double-click the canvas: add a class · Shift-drag class to class: relationship "
                + "· selected class: Insert adds a column, F2 renames · right-click a class or edge: edit");
        hint.setMnemonicParsing(false);
        hint.setDisable(true);
        modelMenu.getItems().addAll(addClass, association, renameTable, fill, new SeparatorMenuItem(), hint);
        int at = view == null ? bar.getMenus().size() : bar.getMenus().indexOf(view);
        bar.getMenus().add(at, modelMenu);
    }

    private static void exportPicture(Stage stage, WorkspaceModel model) {
        if (model.getScenario() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export picture");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PNG picture (*.png)", "*.png"),
                new FileChooser.ExtensionFilter("SVG picture (*.svg)", "*.svg"));
        Path current = model.fileProperty().get();
        String base = current == null ? "model" : current.getFileName().toString().replaceAll("\\.[^.]*$", "");
        chooser.setInitialFileName(base + ".png");
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        Path target = f.toPath();
        if (chooser.getSelectedExtensionFilter() != null && chooser.getSelectedExtensionFilter().getExtensions().contains("*.svg")
                && !f.getName().contains(".")) {
            target = target.resolveSibling(f.getName() + ".svg");
        }
        try {
            PictureExport.write(model.getScenario(), target);
        } catch (IOException | RuntimeException e) {
            Alert a = new Alert(Alert.AlertType.ERROR, "Could not write " + target.getFileName() + ": " + e.getMessage());
            a.initOwner(stage);
            a.show();
        }
    }

    private static Menu menu(MenuBar bar, String text) {
        for (Menu m : bar.getMenus()) {
            if (m.getText().equals(text)) {
                return m;
            }
        }
        return null;
    }

    private static int indexOf(Menu menu, String prefix) {
        for (int i = 0; i < menu.getItems().size(); i++) {
            String t = menu.getItems().get(i).getText();
            if (t != null && t.startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(text);
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }
}
