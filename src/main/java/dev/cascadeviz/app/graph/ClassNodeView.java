package dev.cascadeviz.app.graph;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.Table;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A card for one mapped class (or an association table): the class name, its table, and each
 * column with PK / FK / NOT NULL marks.
 */
public final class ClassNodeView extends VBox {

    private final String className;
    private final String tableName;

    /** @param className null for a table no class maps (an association table) */
    public ClassNodeView(String className, Table table) {
        this.className = className;
        this.tableName = table == null ? "?" : table.name();
        getStyleClass().add(GraphStyles.NODE);
        if (className == null) {
            getStyleClass().add(GraphStyles.ASSOCIATION);
        }
        setId(className == null ? "table-" + tableName : "node-" + className);
        VBox header = new VBox();
        header.getStyleClass().add(GraphStyles.NODE_HEADER);
        Label title = new Label(className == null ? tableName : className);
        title.getStyleClass().add(GraphStyles.NODE_TITLE);
        Label sub = new Label(className == null ? "association table" : "table " + tableName);
        sub.getStyleClass().add(GraphStyles.NODE_TABLE);
        header.getChildren().addAll(title, sub);
        getChildren().add(header);
        if (table != null) {
            for (Column c : table.columns().values()) {
                getChildren().add(columnRow(table, c));
            }
        }
        setMinWidth(Region.USE_PREF_SIZE);
        setMaxWidth(Region.USE_PREF_SIZE);
        setMaxHeight(Region.USE_PREF_SIZE);
    }

    private static HBox columnRow(Table table, Column c) {
        HBox row = new HBox(4);
        row.getStyleClass().add(GraphStyles.COLUMN_ROW);
        Label name = new Label(c.name());
        name.getStyleClass().add("column-name");
        Label type = new Label(c.type().fileName());
        type.getStyleClass().add("column-type");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        row.getChildren().addAll(name, type, spacer);
        if (c.primaryKey()) {
            row.getChildren().add(badge("PK", GraphStyles.BADGE_PK));
        }
        for (ForeignKey fk : table.allForeignKeys()) {
            if (fk.columns().contains(c.name())) {
                Label b = badge("FK → " + fk.referencedTable(), GraphStyles.BADGE_FK);
                row.getChildren().add(b);
            }
        }
        if (!c.nullable() && !c.primaryKey()) {
            row.getChildren().add(badge("NOT NULL", GraphStyles.BADGE_NOT_NULL));
        }
        return row;
    }

    private static Label badge(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll(GraphStyles.BADGE, style);
        return l;
    }

    /** Null for an association table. */
    public String className() {
        return className;
    }

    public String tableName() {
        return tableName;
    }
}
