package dev.cascadeviz.app;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Help: the keyboard shortcuts, read from the menus themselves (so the list cannot drift from
 * what the keys do) plus the keys that belong to no menu item.
 */
final class HelpMenu {

    /** Keys without a menu item of their own. */
    static final List<String[]> OTHER_KEYS = List.of(
            new String[] {"Ctrl+Plus / Ctrl+Minus (presentation)", "Larger / smaller text"},
            new String[] {"Ctrl+Plus / Ctrl+Minus", "Zoom the graph in / out"},
            new String[] {"Ctrl+mouse wheel", "Zoom the graph at the pointer"},
            new String[] {"Click a statement in the SQL log", "Step to it and show why the ORM sent it"},
            new String[] {"Library: type, then Down / Enter", "Pick a lesson / open it"},
            new String[] {"Esc in a compare window", "Close it"});

    private HelpMenu() {
    }

    static Menu create(Window owner, MenuBar bar) {
        Menu help = new Menu("Help");
        help.setId("help-menu");
        MenuItem keys = new MenuItem("Keyboard Shortcuts…");
        keys.setId("help-shortcuts");
        keys.setAccelerator(KeyCombination.keyCombination("F1"));
        keys.setOnAction(e -> show(owner, bar));
        help.getItems().add(keys);
        return help;
    }

    /** Every shortcut: {key, what it does}, the menus' first. */
    static List<String[]> shortcuts(MenuBar bar) {
        List<String[]> rows = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            collect(m, m.getText(), rows);
        }
        rows.addAll(OTHER_KEYS);
        return rows;
    }

    private static void collect(Menu menu, String path, List<String[]> rows) {
        for (MenuItem i : menu.getItems()) {
            if (i instanceof Menu sub) {
                collect(sub, path + " › " + sub.getText(), rows);
            } else if (i.getAccelerator() != null) {
                rows.add(new String[] {i.getAccelerator().getDisplayText(), path + " › " + i.getText()});
            }
        }
    }

    private static void show(Window owner, MenuBar bar) {
        GridPane grid = new GridPane();
        grid.setId("shortcut-list");
        grid.setHgap(18);
        grid.setVgap(4);
        int r = 0;
        for (String[] row : shortcuts(bar)) {
            Label key = new Label(row[0]);
            key.setStyle("-fx-font-weight: bold");
            grid.addRow(r++, key, new Label(row[1]));
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle("CascadeViz");
        a.setHeaderText("Keyboard shortcuts");
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setPrefViewportHeight(420);
        scroll.setFitToWidth(true);
        a.getDialogPane().setContent(scroll);
        a.getDialogPane().setMinWidth(560);
        a.show();
    }
}
