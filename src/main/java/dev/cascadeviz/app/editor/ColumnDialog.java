package dev.cascadeviz.app.editor;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** One column's form: name, type, length, primary key, nullable, unique, index, foreign key with ondelete/onupdate. */
final class ColumnDialog {

    private static final String NO_KEY = "(none)";
    private static final String NO_RULE = "(none)";

    private ColumnDialog() {
    }

    static String describe(Column c) {
        StringBuilder b = new StringBuilder(c.name()).append("  ").append(c.type().fileName());
        if (c.length() != null) {
            b.append('(').append(c.length()).append(')');
        }
        if (c.primaryKey()) {
            b.append("  PK");
        }
        if (!c.nullable() && !c.primaryKey()) {
            b.append("  NOT NULL");
        }
        if (c.unique()) {
            b.append("  UNIQUE");
        }
        if (c.index()) {
            b.append("  INDEX");
        }
        if (c.foreignKey() != null) {
            b.append("  FK → ").append(c.foreignKey());
            if (c.ondelete() != null) {
                b.append(" ON DELETE ").append(c.ondelete().sql());
            }
            if (c.onupdate() != null) {
                b.append(" ON UPDATE ").append(c.onupdate().sql());
            }
        }
        return b.toString();
    }

    /** @param column null for a new column */
    static Optional<Column> ask(Window owner, Scenario s, String table, Column column) {
        Dialog<Column> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(column == null ? "Add column to " + table : "Column " + table + "." + column.name());
        TextField name = new TextField(column == null ? "" : column.name());
        name.setId("column-name");
        ChoiceBox<ColumnType> type = new ChoiceBox<>();
        type.getItems().setAll(ColumnType.values());
        type.setValue(column == null ? ColumnType.STRING : column.type());
        type.setId("column-type");
        TextField length = new TextField(column == null || column.length() == null ? "" : column.length().toString());
        length.setId("column-length");
        length.setPrefColumnCount(5);
        CheckBox pk = check("primary key", "column-pk", column != null && column.primaryKey());
        CheckBox nullable = check("nullable", "column-nullable", column == null || column.nullable());
        CheckBox unique = check("unique", "column-unique", column != null && column.unique());
        CheckBox index = check("index", "column-index", column != null && column.index());
        pk.selectedProperty().addListener((o, a, b) -> {
            if (b) {
                nullable.setSelected(false);
            }
        });
        ComboBox<String> fk = new ComboBox<>();
        fk.setId("column-fk");
        List<String> targets = new ArrayList<>();
        targets.add(NO_KEY);
        for (Table t : s.tables().values()) {
            for (Column c : t.columns().values()) {
                if (c.primaryKey() || c.unique()) {
                    targets.add(t.name() + "." + c.name());
                }
            }
        }
        fk.getItems().setAll(targets);
        fk.setValue(column == null || column.foreignKey() == null ? NO_KEY : column.foreignKey());
        ChoiceBox<ReferentialAction> ondelete = rule("column-ondelete", column == null ? null : column.ondelete());
        ChoiceBox<ReferentialAction> onupdate = rule("column-onupdate", column == null ? null : column.onupdate());
        ondelete.disableProperty().bind(fk.valueProperty().isEqualTo(NO_KEY));
        onupdate.disableProperty().bind(fk.valueProperty().isEqualTo(NO_KEY));
        // a foreign key takes the referenced column's type
        fk.valueProperty().addListener((o, a, b) -> {
            if (b != null && !NO_KEY.equals(b)) {
                String[] p = b.split("\\.", 2);
                Table t = s.table(p[0]);
                if (t != null && t.column(p[1]) != null) {
                    type.setValue(t.column(p[1]).type());
                }
            }
        });
        GridPane grid = ClassDialogs.grid();
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Type"), new HBox(6, type, new Label("length"), length));
        grid.addRow(2, new Label(""), new HBox(10, pk, nullable, unique, index));
        grid.addRow(3, new Label("Foreign key"), fk);
        grid.addRow(4, new Label("ON DELETE"), ondelete);
        grid.addRow(5, new Label("ON UPDATE"), onupdate);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().setId("column-dialog");
        d.setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            Integer len = null;
            String l = length.getText().strip();
            if (!l.isEmpty()) {
                try {
                    len = Integer.valueOf(l);
                } catch (NumberFormatException e) {
                    len = -1; // refused by the loader's check with its own sentence
                }
            }
            String target = NO_KEY.equals(fk.getValue()) || fk.getValue() == null || fk.getValue().isBlank() ? null : fk.getValue();
            return new Column(name.getText().strip(), type.getValue(), len, pk.isSelected(),
                    pk.isSelected() ? false : nullable.isSelected(), unique.isSelected(), index.isSelected(),
                    column == null ? null : column.autoincrement(), target,
                    target == null ? null : ondelete.getValue(), target == null ? null : onupdate.getValue());
        });
        ClassDialogs.enterConfirms(d);
        Platform.runLater(name::requestFocus);
        return d.showAndWait();
    }

    private static CheckBox check(String text, String id, boolean value) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.setSelected(value);
        return c;
    }

    private static ChoiceBox<ReferentialAction> rule(String id, ReferentialAction value) {
        ChoiceBox<ReferentialAction> c = new ChoiceBox<>();
        c.getItems().add(null);
        c.getItems().addAll(ReferentialAction.values());
        c.setValue(value);
        c.setId(id);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReferentialAction a) {
                return a == null ? NO_RULE : a.sql();
            }

            @Override
            public ReferentialAction fromString(String s) {
                return ReferentialAction.fromSql(s);
            }
        });
        return c;
    }
}
