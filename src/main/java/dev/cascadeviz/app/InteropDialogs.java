package dev.cascadeviz.app;

import dev.cascadeviz.interop.DdlExport;
import dev.cascadeviz.interop.ImportResult;
import dev.cascadeviz.interop.Imports;
import dev.cascadeviz.interop.PythonExport;
import dev.cascadeviz.model.Scenario;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * File &gt; Export (the scenario as a SQLAlchemy module or DDL, to copy or save) and File &gt; Import
 * (models module, database file or JDBC URL); the work is done by dev.cascadeviz.interop.
 */
final class InteropDialogs {

    static final String PYTHON = "SQLAlchemy module (Python)";

    private InteropDialogs() {
    }

    /** The text a format choice stands for. */
    static String exportText(Scenario scenario, String format) {
        if (format.equals(PYTHON)) {
            return PythonExport.module(scenario);
        }
        for (DdlExport.Dialect d : DdlExport.Dialect.values()) {
            if (format.equals(ddlLabel(d))) {
                return DdlExport.script(scenario, d);
            }
        }
        return "";
    }

    static String ddlLabel(DdlExport.Dialect d) {
        return "DDL for " + d.label();
    }

    static void export(Window owner, Scenario scenario, Path file, String sourceName,
            Consumer<String> status) {
        if (scenario == null) {
            return;
        }
        ChoiceBox<String> format = new ChoiceBox<>();
        format.getItems().add(PYTHON);
        for (DdlExport.Dialect d : DdlExport.Dialect.values()) {
            format.getItems().add(ddlLabel(d));
        }
        format.setId("exportFormat");
        TextArea text = new TextArea();
        text.setId("exportText");
        text.setEditable(false);
        text.setPrefColumnCount(90);
        text.setPrefRowCount(30);
        text.setStyle("-fx-font-family: monospace;");
        format.valueProperty().addListener((o, a, b) -> text.setText(exportText(scenario, b)));
        format.setValue(PYTHON);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export");
        dialog.setResizable(true);
        BorderPane pane = new BorderPane(text);
        pane.setTop(format);
        Label saved = new Label();
        saved.setId("export-saved");
        saved.setWrapText(true);
        pane.setBottom(saved);
        format.valueProperty().addListener((o, a, b) -> saved.setText(""));
        BorderPane.setMargin(format, new Insets(0, 0, 8, 0));
        dialog.getDialogPane().setContent(pane);
        ButtonType copy = new ButtonType("Copy to Clipboard", ButtonBar.ButtonData.LEFT);
        ButtonType save = new ButtonType("Save…", ButtonBar.ButtonData.OTHER);
        dialog.getDialogPane().getButtonTypes().addAll(copy, save, ButtonType.CLOSE);
        // the copy and save buttons act without closing the dialog
        dialog.getDialogPane().lookupButton(copy).addEventFilter(ActionEvent.ACTION, e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.getText());
            Clipboard.getSystemClipboard().setContent(content);
            e.consume();
        });
        dialog.getDialogPane().lookupButton(save).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save export");
            boolean python = PYTHON.equals(format.getValue());
            chooser.setInitialFileName(SuggestedNames.exportFileName(scenario, file, sourceName,
                    python ? "models" : dialectOf(format.getValue()), python ? ".py" : ".sql"));
            chooser.setInitialDirectory(SuggestedNames.folder(file, SuggestedNames.home()).toFile());
            chooser.getExtensionFilters().add(python ? new FileChooser.ExtensionFilter("Python (*.py)", "*.py")
                    : new FileChooser.ExtensionFilter("SQL (*.sql)", "*.sql"));
            File f = chooser.showSaveDialog(dialog.getDialogPane().getScene().getWindow());
            if (f != null) {
                try {
                    Files.writeString(f.toPath(), text.getText(), StandardCharsets.UTF_8);
                    saved.setText("Saved " + format.getValue() + " to " + f.getAbsolutePath());
                    status.accept("Exported " + f.getName() + " to " + f.getAbsoluteFile().getParent());
                } catch (IOException ex) {
                    message(owner, Alert.AlertType.ERROR, "Cannot save " + f.getName(), String.valueOf(ex.getMessage()));
                }
            }
        });
        dialog.showAndWait();
    }

    /** The short name of a DDL choice's dialect, for a file name: {@code sqlite}, {@code postgresql}. */
    static String dialectOf(String choice) {
        for (DdlExport.Dialect d : DdlExport.Dialect.values()) {
            if (choice.equals(ddlLabel(d))) {
                return d.name().toLowerCase(Locale.ROOT);
            }
        }
        return "schema";
    }

    /** Asks for a models module or database file; the imported scenario, or empty (a message was shown). */
    static Optional<ImportResult> importFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import SQLAlchemy models or a database");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Models or databases (*.py, *.db, *.sqlite, *.mv.db)",
                        "*.py", "*.db", "*.sqlite", "*.sqlite3", "*.mv.db"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = chooser.showOpenDialog(owner);
        if (f == null) {
            return Optional.empty();
        }
        ImportResult r = Imports.looksLikeDatabase(f.toPath()) ? Imports.database(f.getPath(), 0) : Imports.models(f.toPath());
        return reported(owner, r, f.getName());
    }

    /** Asks for a JDBC URL and imports its schema with the first 20 rows of each table. */
    static Optional<ImportResult> importUrl(Window owner) {
        TextInputDialog ask = new TextInputDialog("jdbc:");
        ask.initOwner(owner);
        ask.setTitle("Import from a database");
        ask.setHeaderText("A JDBC URL (H2 and SQLite drivers are built in); the first 20 rows of each table come along");
        Optional<String> url = ask.showAndWait().map(String::trim).filter(s -> !s.isEmpty());
        return url.flatMap(u -> reported(owner, Imports.database(u, 20), u));
    }

    private static Optional<ImportResult> reported(Window owner, ImportResult r, String source) {
        if (!r.ok()) {
            message(owner, Alert.AlertType.ERROR, "Cannot import " + source, r.report(source));
            return Optional.empty();
        }
        if (!r.notes().isEmpty()) {
            message(owner, Alert.AlertType.INFORMATION, "Imported " + source + " (some parts were left out)", r.report(source));
        }
        return Optional.of(r);
    }

    private static void message(Window owner, Alert.AlertType type, String header, String text) {
        Alert a = new Alert(type);
        a.initOwner(owner);
        a.setHeaderText(header);
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        a.getDialogPane().setContent(area);
        a.setResizable(true);
        a.showAndWait();
    }
}
