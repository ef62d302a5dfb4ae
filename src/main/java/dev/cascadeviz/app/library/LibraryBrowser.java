package dev.cascadeviz.app.library;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The built-in lessons grouped by theme, each with its title and the start of its notes, and a
 * search field that filters them as one types (title, notes and theme, case-insensitive). A lesson
 * opens with a double click, Enter or Open; two lessons of one theme can be compared.
 */
public final class LibraryBrowser {

    /** A row of the tree: a theme heading or a lesson. */
    sealed interface Row permits ThemeRow, LessonRow {
    }

    record ThemeRow(String theme, int shown, int total) implements Row {
    }

    record LessonRow(LibraryCatalog.Lesson lesson) implements Row {
    }

    private final Stage stage = new Stage();
    private final LibraryCatalog catalog;
    private final Predicate<String> open;
    private final BiConsumer<LibraryCatalog.Lesson, LibraryCatalog.Lesson> compare;
    private final TextField search = new TextField();
    private final TreeView<Row> tree = new TreeView<>(new TreeItem<>());
    private final Label count = new Label();
    private final Button openButton = new Button("Open");
    private final Button compareButton = new Button("Compare the two selected");

    /**
     * @param open opens a lesson's file in the window; true when it did (the browser then closes)
     * @param compare compares two lessons
     */
    public LibraryBrowser(Window owner, LibraryCatalog catalog, Predicate<String> open,
                          BiConsumer<LibraryCatalog.Lesson, LibraryCatalog.Lesson> compare) {
        this.catalog = catalog;
        this.open = open;
        this.compare = compare;
        search.setId("library-search");
        search.setPromptText("Search titles, notes and themes (e.g. passive_deletes, orphan, sqlite)");
        search.textProperty().addListener((o, a, b) -> refresh());
        // from the search field: Down or Tab goes to the lessons, Enter opens the one picked (else the first match)
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.TAB && !e.isShiftDown()) {
                e.consume();
                pickFirstLessonIfNone();
                tree.requestFocus();
            } else if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                pickFirstLessonIfNone();
                openSelected();
            }
        });
        HBox.setHgrow(search, Priority.ALWAYS);
        count.getStyleClass().add("library-count");
        count.setId("library-count");
        HBox top = new HBox(8, search, count);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("library-top");

        tree.setId("library-tree");
        tree.setShowRoot(false);
        tree.getStyleClass().add("library-tree");
        tree.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        tree.setCellFactory(v -> new RowCell());
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        tree.getSelectionModel().getSelectedItems().addListener((ListChangeListener<TreeItem<Row>>) c -> updateButtons());

        openButton.setId("library-open");
        openButton.setDefaultButton(true);
        openButton.setOnAction(e -> openSelected());
        compareButton.setId("library-compare");
        compareButton.setOnAction(e -> {
            List<LibraryCatalog.Lesson> two = selectedLessons();
            if (two.size() == 2) {
                compare.accept(two.get(0), two.get(1));
            }
        });
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Label hint = new Label("Ctrl+click a second lesson of the same theme to compare the two, "
                + "or right-click a lesson.");
        hint.getStyleClass().add("library-hint");
        hint.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (Button b : List.of(compareButton, openButton, close)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox buttons = new HBox(8, hint, spacer, compareButton, openButton, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getStyleClass().add("library-buttons");

        BorderPane root = new BorderPane(tree, top, null, buttons, null);
        root.getStyleClass().addAll("cascadeviz", "library-browser");
        root.setId("library-browser");
        Scene scene = new Scene(root, 760, 640);
        scene.getStylesheets().add(LibraryBrowser.class.getResource("/dev/cascadeviz/app/app.css").toExternalForm());
        scene.getStylesheets().add(LibraryBrowser.class.getResource("/dev/cascadeviz/app/library.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("CascadeViz — Scenario library");
        if (owner != null) {
            stage.initOwner(owner);
        }
        refresh();
    }

    /** Shows the browser with the search field focused and its text selected. */
    public void show() {
        stage.show();
        stage.toFront();
        Platform.runLater(() -> {
            search.requestFocus();
            search.selectAll();
        });
    }

    public Stage stage() {
        return stage;
    }

    private void refresh() {
        String query = search.getText();
        TreeItem<Row> root = tree.getRoot();
        root.getChildren().clear();
        int shown = 0;
        for (String theme : catalog.themes()) {
            List<LibraryCatalog.Lesson> all = catalog.inTheme(theme);
            List<LibraryCatalog.Lesson> matching = all.stream().filter(l -> l.matches(query)).toList();
            if (matching.isEmpty()) {
                continue;
            }
            TreeItem<Row> t = new TreeItem<>(new ThemeRow(theme, matching.size(), all.size()));
            t.setExpanded(true);
            for (LibraryCatalog.Lesson l : matching) {
                t.getChildren().add(new TreeItem<>(new LessonRow(l)));
            }
            root.getChildren().add(t);
            shown += matching.size();
        }
        int total = catalog.lessons().size();
        count.setText(shown == total ? total + " lessons" : shown == 0 ? "no lesson mentions “" + query.strip() + "”"
                : shown + " of " + total + " lessons");
        updateButtons();
    }

    private List<LibraryCatalog.Lesson> selectedLessons() {
        return tree.getSelectionModel().getSelectedItems().stream()
                .filter(i -> i != null && i.getValue() instanceof LessonRow)
                .map(i -> ((LessonRow) i.getValue()).lesson())
                .toList();
    }

    private void updateButtons() {
        List<LibraryCatalog.Lesson> sel = selectedLessons();
        openButton.setDisable(sel.size() != 1);
        compareButton.setDisable(sel.size() != 2 || !sel.get(0).theme().equals(sel.get(1).theme()));
    }

    /** Selects the first lesson shown when no lesson is selected. */
    private void pickFirstLessonIfNone() {
        if (!selectedLessons().isEmpty()) {
            return;
        }
        for (TreeItem<Row> theme : tree.getRoot().getChildren()) {
            if (!theme.getChildren().isEmpty()) {
                tree.getSelectionModel().clearSelection();
                tree.getSelectionModel().select(theme.getChildren().get(0));
                tree.scrollTo(tree.getRow(theme.getChildren().get(0)));
                return;
            }
        }
    }

    private void openSelected() {
        List<LibraryCatalog.Lesson> sel = selectedLessons();
        if (sel.size() == 1) {
            openLesson(sel.get(0));
        }
    }

    private void openLesson(LibraryCatalog.Lesson l) {
        if (open.test(l.file())) {
            stage.close();
        }
    }

    /** The lessons as rows: a theme as a heading with its count, a lesson as title, start of notes and file. */
    private final class RowCell extends TreeCell<Row> {

        RowCell() {
            setPrefWidth(0);
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() instanceof LessonRow r) {
                    openLesson(r.lesson());
                }
            });
        }

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("library-theme", "library-lesson");
            setText(null);
            setContextMenu(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            if (row instanceof ThemeRow t) {
                getStyleClass().add("library-theme");
                Label name = new Label(t.theme() + "  ·  " + (t.shown() == t.total() ? t.total() : t.shown() + " of " + t.total()));
                name.getStyleClass().add("library-theme-name");
                setGraphic(name);
                return;
            }
            LibraryCatalog.Lesson l = ((LessonRow) row).lesson();
            getStyleClass().add("library-lesson");
            Label title = new Label(l.title());
            title.getStyleClass().add("library-title");
            title.setWrapText(true);
            Label summary = new Label(l.summary());
            summary.getStyleClass().add("library-summary");
            summary.setWrapText(true);
            Label file = new Label(l.file());
            file.getStyleClass().add("library-file");
            VBox box = new VBox(2, title, summary, file);
            box.maxWidthProperty().bind(tree.widthProperty().subtract(70));
            box.prefWidthProperty().bind(box.maxWidthProperty());
            setGraphic(box);
            setContextMenu(menu(l));
        }

        private ContextMenu menu(LibraryCatalog.Lesson l) {
            MenuItem openItem = new MenuItem("Open");
            openItem.setOnAction(e -> openLesson(l));
            Menu with = new Menu("Compare with");
            with.setId("library-compare-with");
            for (LibraryCatalog.Lesson other : catalog.inTheme(l.theme())) {
                if (!other.file().equals(l.file())) {
                    MenuItem i = new MenuItem(other.title());
                    i.setMnemonicParsing(false);
                    i.setOnAction(e -> compare.accept(l, other));
                    with.getItems().add(i);
                }
            }
            with.setDisable(with.getItems().isEmpty());
            return new ContextMenu(openItem, with);
        }
    }
}
