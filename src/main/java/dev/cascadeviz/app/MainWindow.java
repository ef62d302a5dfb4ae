package dev.cascadeviz.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.cascadeviz.app.advice.AdviceView;
import dev.cascadeviz.app.banner.BannerRoom;
import dev.cascadeviz.app.banner.ErrorBanner;
import dev.cascadeviz.app.compare.CompareLauncher;
import dev.cascadeviz.app.editor.EditorMenus;
import dev.cascadeviz.app.graph.GraphLegend;
import dev.cascadeviz.app.graph.GraphRoom;
import dev.cascadeviz.app.graph.GraphView;
import dev.cascadeviz.app.inspector.EdgeInspector;
import dev.cascadeviz.app.library.LibraryBrowser;
import dev.cascadeviz.app.library.LibraryCatalog;
import dev.cascadeviz.app.library.RecentFiles;
import dev.cascadeviz.app.library.ScenarioLibrary;
import dev.cascadeviz.app.log.SqlLogView;
import dev.cascadeviz.app.notes.NotesView;
import dev.cascadeviz.app.steps.StepListEditor;
import dev.cascadeviz.app.tables.ResultTablesView;
import dev.cascadeviz.app.toolbar.ReleaseChoice;
import dev.cascadeviz.app.toolbar.StatementPlayer;
import dev.cascadeviz.app.viewmodel.Selection;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.interop.ImportResult;
import dev.cascadeviz.layout.LayoutWarmUp;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.threads.BackgroundThreads;
import dev.cascadeviz.workbench.EdgeVariants;
import dev.cascadeviz.workbench.MappedEdge;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The main window: menus and toolbar, the graph with the error banner over it, the SQL log and
 * result tables under it, and the inspector / steps / lesson notes at the side. Every main
 * action has a keyboard shortcut; the window title names the scenario and marks unsaved changes.
 */
public final class MainWindow {

    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;
    private static final List<String> STYLESHEETS = List.of("app.css", "graph.css", "sql-log.css", "tables.css");

    private final Stage stage;
    private final WorkspaceModel model;
    private ScenarioLibrary library;
    private final RecentFiles recent;
    private final BorderPane root = new BorderPane();
    private final GraphView graph;
    private final Menu recentMenu = new Menu("Open Recent");
    private final Menu libraryMenu = new Menu("Built-in Scenarios");
    private final StatementPlayer player;
    private final PresentationMode presentationMode;
    /** The tables pane (built with the window's body, after the menus that reach it). */
    private ResultTablesView tablesView;
    private final CompareLauncher compare;
    private LibraryBrowser browser;
    private final EmptyWindowWarmUp emptyWarmUp;

    public MainWindow(Stage stage, WorkspaceModel model, ScenarioLibrary library, RecentFiles recent) {
        this.stage = stage;
        this.model = model;
        this.library = library;
        this.recent = recent;
        LayoutWarmUp.inBackground();
        BackgroundThreads.lowerJvmHelpersInBackground();
        this.graph = new GraphView(model);
        this.player = new StatementPlayer(model);
        this.presentationMode = new PresentationMode(stage, root, model, graph);
        this.compare = new CompareLauncher(stage, AppServices::runner);
        graph.setOnCompare(this::compareEdge);
        root.getStyleClass().add("cascadeviz");
        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(body());
        root.setBottom(statusBar());
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        presentationMode.install(scene);
        // started with a big file, the window is empty while the file is read: the views' code is readied meanwhile
        emptyWarmUp = EmptyWindowWarmUp.install(stage, model, MainWindow::defaultScenario,
                List.of(graph::warmUpPieces, tablesView::warmUpPieces));
        for (String css : STYLESHEETS) {
            scene.getStylesheets().add(MainWindow.class.getResource(css).toExternalForm());
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                model::redo);
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(MainWindow::isScenarioFile)) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            Optional<File> f = e.getDragboard().getFiles().stream().filter(MainWindow::isScenarioFile).findFirst();
            f.ifPresent(file -> open(file.toPath()));
            e.setDropCompleted(f.isPresent());
            e.consume();
        });
        stage.setScene(scene);
        for (int size : new int[] {32, 64, 128}) {
            var icon = MainWindow.class.getResourceAsStream("/assets/icons/cascadeviz-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        }
        stage.titleProperty().bind(model.windowTitleProperty());
        WindowSize.fit(stage, WIDTH, HEIGHT);
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard("closing")) {
                e.consume();
            } else {
                model.shutdown();
            }
        });
        refreshRecent();
    }

    public static void applyTheme(boolean presentation) {
        Application.setUserAgentStylesheet(presentation
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public PresentationMode presentationMode() {
        return presentationMode;
    }

    public Scene scene() {
        return stage.getScene();
    }

    public GraphView graph() {
        return graph;
    }

    // ------------------------------------------------------------------ layout

    /** The warnings tab; its title counts them. */
    private Tab warningsTab() {
        ScrollPane scroll = new ScrollPane(
                new AdviceView(model));
        scroll.setFitToWidth(true);
        Tab t = tab("Warnings", scroll);
        t.setId("warnings-tab");
        t.textProperty().bind(Bindings.createStringBinding(
                () -> model.advice().isEmpty() ? "Warnings" : "Warnings (" + model.advice().size() + ")",
                model.advice()));
        return t;
    }

    private Node body() {
        ErrorBanner banner = new ErrorBanner(model);
        GraphLegend graphLegend = new GraphLegend();
        // in presentation the room goes to the graph, as the tables' legend goes
        graphLegend.visibleProperty().bind(model.presentationProperty().not());
        graphLegend.managedProperty().bind(graphLegend.visibleProperty());
        VBox graphColumn = new VBox(banner, graph, graphLegend);
        VBox.setVgrow(graph, Priority.ALWAYS);
        graph.setMinSize(200, 150);
        // RichTextFX takes a third of a second to load: the log is built just after the window shows
        StackPane log = new StackPane();
        Platform.runLater(() -> log.getChildren().add(new SqlLogView(model)));
        tablesView = new ResultTablesView(model);
        SplitPane bottom = new SplitPane(log, tablesView);
        bottom.setDividerPositions(0.46);
        SplitPane left = new SplitPane(graphColumn, bottom);
        left.setOrientation(Orientation.VERTICAL);
        left.setId("graph-split");
        left.setDividerPositions(0.47);
        BannerRoom bannerRoom = BannerRoom.keep(left, banner);
        GraphRoom.keep(left, graph, banner, model.presentationProperty());
        TabPane side = new TabPane(
                tab("Relationship", new ScrollPane(inspector())),
                tab("Steps", new StepListEditor(model)),
                tab("Lesson", notes()),
                warningsTab());
        side.setId("side-tabs");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        ((ScrollPane) side.getTabs().get(0).getContent()).setFitToWidth(true);
        model.selectionProperty().addListener((o, a, b) -> {
            if (!(b instanceof Selection.Nothing)) {
                side.getSelectionModel().select(0);
            }
        });
        // a lesson opens on its text; a model of one's own (no notes) on its steps, not on an empty page
        model.openedProperty().addListener((o, a, b) -> {
            String notes = model.getScenario() == null ? null : model.getScenario().notes();
            side.getSelectionModel().select(notes == null || notes.isBlank() ? 1 : 2);
        });
        SplitPane main = new SplitPane(left, side);
        main.setDividerPositions(0.71);
        SplitPane.setResizableWithParent(side, false);
        model.presentationProperty().addListener((o, a, on) -> {
            if (on) {
                main.getItems().remove(side);
                left.setDividerPositions(0.5);
            } else if (!main.getItems().contains(side)) {
                main.getItems().add(side);
                main.setDividerPositions(0.71);
                left.setDividerPositions(0.47);
            }
            bannerRoom.dividerPlaced();
        });
        return main;
    }

    private LibraryCatalog catalog;

    /** The library's lessons with their titles, read once (on first use) per library. */
    private LibraryCatalog catalog() {
        if (catalog == null) {
            catalog = LibraryCatalog.builtIn(library);
        }
        return catalog;
    }

    private NotesView notes;

    private NotesView notes() {
        notes = new NotesView(model);
        notes.setNextLesson(this::catalog, this::openBuiltIn);
        return notes;
    }

    private EdgeInspector inspector() {
        EdgeInspector inspector = new EdgeInspector(model);
        inspector.setOnCompare(this::compareEdge);
        return inspector;
    }

    private static Tab tab(String name, Node content) {
        Tab t = new Tab(name, content);
        t.setId("tab-" + name.toLowerCase(Locale.ROOT));
        return t;
    }

    private MenuBar menuBar() {
        Menu file = new Menu("File");
        MenuItem open = item("Open…", "Ctrl+O", this::chooseAndOpen);
        MenuItem save = item("Save", "Ctrl+S", this::save);
        MenuItem saveAs = item("Save As…", "Ctrl+Shift+S", this::saveAs);
        MenuItem quit = item("Quit", "Ctrl+Q", () -> {
            if (confirmDiscard("quitting")) {
                model.shutdown();
                stage.close();
            }
        });
        refreshLibraryMenu();
        MenuItem exportItem = item("Export (Python / DDL)…", "Ctrl+E", () -> InteropDialogs.export(stage, model.getScenario(),
                model.fileProperty().get(), model.sourceName(), model::say));
        MenuItem importFile = item("Import Models or Database File…", "Ctrl+I",
                () -> importScenario(() -> InteropDialogs.importFile(stage)));
        MenuItem importUrl = item("Import from Database URL…", null, () -> importScenario(() -> InteropDialogs.importUrl(stage)));
        file.getItems().addAll(open, recentMenu, libraryMenu, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), importFile, importUrl, exportItem, new SeparatorMenuItem(), quit);

        Menu edit = new Menu("Edit");
        MenuItem undo = item("Undo", "Ctrl+Z", model::undo);
        undo.textProperty().bind(Bindings.createStringBinding(() -> model.jobs().undoDescriptionProperty().get().isEmpty()
                ? "Undo" : "Undo " + model.jobs().undoDescriptionProperty().get(), model.jobs().undoDescriptionProperty()));
        undo.disableProperty().bind(model.jobs().canUndoProperty().not());
        MenuItem redo = item("Redo", "Ctrl+Y", model::redo);
        redo.textProperty().bind(Bindings.createStringBinding(() -> model.jobs().redoDescriptionProperty().get().isEmpty()
                ? "Redo" : "Redo " + model.jobs().redoDescriptionProperty().get(), model.jobs().redoDescriptionProperty()));
        redo.disableProperty().bind(model.jobs().canRedoProperty().not());
        edit.getItems().addAll(undo, redo);

        Menu run = new Menu("Run");
        MenuItem runItem = item("Run", "F5", model::run);
        MenuItem cancel = item("Cancel run", "Esc", model::cancelRun);
        cancel.disableProperty().bind(model.runningProperty().not());
        MenuItem prev = item("Previous statement", "F6", this::previous);
        MenuItem next = item("Next statement", "F7", this::next);
        MenuItem play = item("Play / pause statements", "F8", player::toggle);
        MenuItem outcome = item("Show whole outcome", "Shift+F7", model::showOutcome);
        run.getItems().addAll(runItem, cancel, new SeparatorMenuItem(), prev, next, play, outcome);

        Menu view = new Menu("View");
        MenuItem fit = item("Fit graph to window", "Ctrl+0", graph::fit);
        MenuItem zoomIn = item("Zoom in (presentation: larger text)", "Ctrl+Plus", presentationMode::larger);
        MenuItem zoomOut = item("Zoom out (presentation: smaller text)", "Ctrl+Minus", presentationMode::smaller);
        MenuItem presentation = item("Presentation mode", "F11",
                () -> model.presentationProperty().set(!model.presentationProperty().get()));
        view.getItems().addAll(fit, zoomIn, zoomOut, new SeparatorMenuItem(), presentation);
        MenuBar bar = new MenuBar(file, edit, run, view);
        bar.getMenus().add(HelpMenu.create(stage, bar));
        for (MenuItem needsScenario : List.of(save, saveAs, exportItem, runItem, prev, next, play, outcome)) {
            needsScenario.disableProperty().bind(model.scenarioProperty().isNull());
        }
        bar.setId("menu-bar");
        EditorMenus.install(bar, stage, model, graph, this::confirmDiscard,
                table -> tablesView.showStartingRowsOf(table));
        return bar;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(text);
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    /** Replaces the built-in scenarios (loaded after the window is up, to show it sooner). */
    public void setLibrary(ScenarioLibrary library) {
        this.library = library;
        browser = null;
        catalog = null;
        refreshLibraryMenu();
    }

    // ------------------------------------------------------------------ library browser and compare view

    /** Opens the library browser (File > Built-in Scenarios > Browse Library…, Ctrl+L). */
    public LibraryBrowser showLibraryBrowser() {
        if (browser == null) {
            browser = new LibraryBrowser(stage, LibraryCatalog.builtIn(library), this::openBuiltIn, compare::compareLessons);
        }
        browser.show();
        return browser;
    }

    /** The current scenario against the same scenario with the edge's setting changed, side by side. */
    public void compareEdge(MappedEdge edge, EdgeVariants.Variant variant) {
        if (model.getScenario() != null) {
            compare.compareEdge(model.getScenario(), edge, variant);
        }
    }

    public CompareLauncher compareLauncher() {
        return compare;
    }

    private void refreshLibraryMenu() {
        Menu menu = libraryMenu;
        menu.getItems().clear();
        if (!library.themes().isEmpty()) {
            MenuItem browse = item("Browse Library…", "Ctrl+L", this::showLibraryBrowser);
            browse.setId("browse-library");
            menu.getItems().addAll(browse, new SeparatorMenuItem());
        }
        for (ScenarioLibrary.Theme theme : library.themes()) {
            Menu t = new Menu(theme.name());
            for (String f : theme.scenarios()) {
                MenuItem i = new MenuItem(f.replaceAll("\\.ya?ml$", ""));
                i.setOnAction(e -> openBuiltIn(f));
                t.getItems().add(i);
            }
            menu.getItems().add(t);
        }
        menu.setDisable(menu.getItems().isEmpty());
    }

    private Node toolBar() {
        Button open = toolButton("Open", "Open a scenario file (Ctrl+O)", this::chooseAndOpen);
        Button libraryButton = toolButton("Library", "Browse the built-in lessons by theme (Ctrl+L)", this::showLibraryBrowser);
        libraryButton.setId("library-button");
        Button save = toolButton("Save", "Save (Ctrl+S)", this::save);
        save.disableProperty().bind(model.scenarioProperty().isNull()
                .or(model.dirtyProperty().not().and(model.fileProperty().isNotNull())));
        Button undo = toolButton("↶", "Undo (Ctrl+Z)", model::undo);
        undo.disableProperty().bind(model.jobs().canUndoProperty().not());
        Button redo = toolButton("↷", "Redo (Ctrl+Y)", model::redo);
        redo.disableProperty().bind(model.jobs().canRedoProperty().not());

        Button run = toolButton("▶ Run", "Run the steps (F5)", model::run);
        run.setId("run-button");
        run.getStyleClass().add("accent");
        Button cancel = toolButton("Cancel", "Cancel the run (Esc)", model::cancelRun);
        cancel.setId("cancel-button");
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        Button prev = toolButton("◀ Prev", "Previous statement (F6)", this::previous);
        prev.setId("step-previous");
        Button next = toolButton("Next ▶", "Next statement (F7)", this::next);
        next.setId("step-next");
        Label stepLabel = new Label();
        stepLabel.setId("step-label");
        stepLabel.getStyleClass().add("step-label");
        stepLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            var t = model.getTrace();
            if (t == null) {
                return model.isRunning() ? "running…" : "";
            }
            int n = t.statements().size();
            int s = model.getStep();
            if (n == 0) {
                return "no SQL";
            }
            return s < 0 ? n + (n == 1 ? " statement" : " statements") : "statement " + s + " / " + n;
        }, model.traceProperty(), model.stepProperty(), model.runningProperty()));
        // in presentation a run's Cancel and spinner take the label's place (the status bar says
        // it runs): at 1280 pixels on SQLite they pushed the presentation toggle behind the » menu
        stepLabel.visibleProperty().bind(model.presentationProperty().and(model.runningProperty()).not());
        stepLabel.managedProperty().bind(stepLabel.visibleProperty());

        ChoiceBox<Engine> engine = new ChoiceBox<>();
        engine.setId("engine-choice");
        engine.getItems().setAll(Engine.values());
        engine.setConverter(new StringConverter<>() {
            @Override
            public String toString(Engine e) {
                return e == null ? "" : e == Engine.H2 ? "H2" : "SQLite";
            }

            @Override
            public Engine fromString(String s) {
                return Engine.fromFileName(s.toLowerCase(Locale.ROOT));
            }
        });
        CheckBox pragma = new CheckBox("foreign_keys");
        pragma.setMnemonicParsing(false);
        pragma.setId("sqlite-foreign-keys");
        pragma.setTooltip(new Tooltip("SQLite's PRAGMA foreign_keys: off, SQLite ignores every foreign key"));
        Runnable syncDatabase = () -> {
            Scenario s = model.getScenario();
            if (s != null) {
                engine.setValue(s.database().engine());
                pragma.setSelected(s.database().foreignKeys());
                // SQLite's PRAGMA means nothing on H2: its room goes to the presenter's controls
                // (a run of thousands of statements pushed Presentation behind » at 1280 pixels)
                pragma.setVisible(s.database().engine() == Engine.SQLITE);
            }
        };
        pragma.managedProperty().bind(pragma.visibleProperty());
        model.scenarioProperty().addListener((o, a, b) -> syncDatabase.run());
        syncDatabase.run();
        engine.valueProperty().addListener((o, a, b) -> {
            if (b != null && model.getScenario() != null && model.getScenario().database().engine() != b) {
                model.edit("Use " + engine.getConverter().toString(b), s -> s.withDatabase(s.database().withEngine(b)));
            }
        });
        pragma.selectedProperty().addListener((o, a, b) -> {
            if (model.getScenario() != null && model.getScenario().database().foreignKeys() != b) {
                model.edit((b ? "Turn on" : "Turn off") + " SQLite foreign_keys",
                        s -> s.withDatabase(s.database().withForeignKeys(b)));
            }
        });

        // zoom: Ctrl+Plus / Ctrl+Minus, Ctrl+wheel and the View menu (two more buttons overflowed 1280 pixels)
        Button fit = toolButton("Fit", "Fit the graph to the window (Ctrl+0)", graph::fit);
        ToggleButton presentation = new ToggleButton("Presentation");
        presentation.setId("presentation-toggle");
        presentation.setTooltip(new Tooltip("Large fonts, high contrast (F11)"));
        presentation.selectedProperty().bindBidirectional(model.presentationProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Separator fileSeparator = new Separator(Orientation.VERTICAL);
        Separator runSeparator = new Separator(Orientation.VERTICAL);
        engine.setTooltip(new Tooltip("The database the steps run on"));
        Label releaseLabel = new Label("SQLAlchemy");
        // in presentation the file commands (in the File menu) and the selectors' captions give way
        for (Node n : List.of(open, libraryButton, save, undo, redo, fileSeparator, runSeparator, releaseLabel)) {
            n.visibleProperty().bind(model.presentationProperty().not());
            n.managedProperty().bind(n.visibleProperty());
        }
        run.disableProperty().bind(model.scenarioProperty().isNull());
        ToolBar bar = new ToolBar(open, libraryButton, save, undo, redo, fileSeparator,
                run, cancel, progress, prev, next, player.button(), player.speedButton(), stepLabel, runSeparator,
                engine, pragma, releaseLabel,
                new ReleaseChoice(model), spacer, fit,
                presentationMode.controls(), presentation);
        bar.setId("tool-bar");
        return bar;
    }

    private static Button toolButton(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE); // too many for the width: the toolbar's » menu, never "O…"
        return b;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        Label file = new Label();
        file.setId("status-origin");
        file.textProperty().bind(model.originProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, status, spacer, file);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    // ------------------------------------------------------------------ step-through

    private void next() {
        player.stop();
        model.stepNext();
    }

    private void previous() {
        player.stop();
        model.stepPrevious();
    }

    public StatementPlayer player() {
        return player;
    }

    // ------------------------------------------------------------------ files

    private static boolean isScenarioFile(File f) {
        String n = f.getName().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    /** The warm-up of the views while the window is empty (tests). */
    EmptyWindowWarmUp emptyWarmUp() {
        return emptyWarmUp;
    }

    /** The built-in default scenario, read anew (null if the library has none). */
    private static Scenario defaultScenario() throws Exception {
        String name = ScenarioLibrary.load().defaultScenario();
        String text = name == null ? null : ScenarioLibrary.text(name);
        return text == null ? null : AppServices.files().parse(text, name);
    }

    /** Opens the library's default scenario; false when there is none. */
    public boolean openDefault() {
        return library.defaultScenario() != null && openBuiltIn(library.defaultScenario());
    }

    public boolean openBuiltIn(String fileName) {
        if (!confirmDiscard("opening another scenario")) {
            return false;
        }
        String text = ScenarioLibrary.text(fileName);
        String problem = text == null ? "The built-in scenario " + fileName + " is missing." : model.openText(text, fileName);
        if (problem != null) {
            showProblem("Cannot open " + fileName, problem);
            return false;
        }
        return true;
    }

    /** Shows an imported scenario (unsaved, so Save asks for a file). */
    private void importScenario(Supplier<Optional<ImportResult>> importer) {
        if (!confirmDiscard("importing")) {
            return;
        }
        importer.get().ifPresent(r -> model.showImported(r.scenario(), r.scenario().title()));
    }

    public void open(Path path) {
        if (!confirmDiscard("opening another scenario")) {
            return;
        }
        model.openInBackground(path, problem -> {
            if (problem != null) {
                showProblem("Cannot open " + path.getFileName(), problem);
                return;
            }
            recent.add(path);
            refreshRecent();
        });
    }

    private void chooseAndOpen() {
        FileChooser chooser = chooser("Open scenario");
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            open(f.toPath());
        }
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Scenarios (*.yaml, *.yml, *.json)", "*.yaml", "*.yml", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        Path current = model.fileProperty().get();
        Path folder = SuggestedNames.folder(current != null ? current : recent.list().stream().findFirst().orElse(null),
                SuggestedNames.home());
        chooser.setInitialDirectory(folder.toFile());
        if (model.getScenario() != null) {
            chooser.setInitialFileName(SuggestedNames.scenarioFileName(model.getScenario(), current, model.sourceName()));
        }
        return chooser;
    }

    /** Saves; asks for a file when there is none yet. Returns false when nothing was saved. */
    public boolean save() {
        if (model.fileProperty().get() == null) {
            return saveAs();
        }
        return report(model.save());
    }

    public boolean saveAs() {
        File f = chooser("Save scenario as").showSaveDialog(stage);
        if (f == null) {
            return false;
        }
        return saveTo(f.toPath());
    }

    /** Saves to the path, with {@code .yaml} added to a name without an extension. */
    public boolean saveTo(Path chosen) {
        Path path = SuggestedNames.withScenarioExtension(chosen);
        WorkspaceModel.SaveResult result = model.trySave(path, false);
        if (result.readOnly() && confirmOverwriteReadOnly(path)) {
            result = model.trySave(path, true);
        }
        boolean ok = report(result.problem());
        if (ok) {
            recent.add(path);
            refreshRecent();
        }
        return ok;
    }

    private boolean report(String problem) {
        if (problem != null) {
            showProblem("Not saved", problem);
            return false;
        }
        return true;
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : recent.list()) {
            MenuItem i = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            i.setOnAction(e -> open(p));
            recentMenu.getItems().add(i);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void showProblem(String header, String text) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(stage);
        a.setTitle("CascadeViz");
        a.setHeaderText(header);
        a.setContentText(text);
        a.getDialogPane().setMinWidth(560);
        a.show();
    }

    /** With unsaved changes, asks whether to save them; true when it is fine to go on. */
    /** Asks before replacing a file the user made read-only. */
    private boolean confirmOverwriteReadOnly(Path path) {
        ButtonType overwrite = new ButtonType("Overwrite", ButtonBar.ButtonData.YES);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", overwrite, ButtonType.CANCEL);
        a.initOwner(stage);
        a.setTitle("Read-only file");
        a.setHeaderText(path.getFileName() + " is read-only.");
        a.setContentText("Replace it anyway? It stays read-only afterwards.");
        return a.showAndWait().filter(b -> b == overwrite).isPresent();
    }

    private boolean confirmDiscard(String action) {
        if (!model.isDirty()) {
            return true;
        }
        ButtonType saveButton = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", saveButton, discard, ButtonType.CANCEL);
        a.initOwner(stage);
        a.setTitle("CascadeViz");
        a.setHeaderText("Save the changes to this scenario before " + action + "?");
        a.setContentText("Your changes are lost if you don't save them.");
        Optional<ButtonType> answer = a.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return false;
        }
        return answer.get() == discard || save();
    }
}
