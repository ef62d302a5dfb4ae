package dev.cascadeviz.app.compare;

import dev.cascadeviz.app.AppServices;
import dev.cascadeviz.app.library.LibraryCatalog;
import dev.cascadeviz.app.library.ScenarioLibrary;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.workbench.CompareRun;
import dev.cascadeviz.workbench.EdgeVariants;
import dev.cascadeviz.workbench.MappedEdge;
import dev.cascadeviz.workbench.ScenarioRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;

/**
 * Opens compare windows: the current scenario against the same scenario with one setting of an
 * edge changed, or two library lessons. Also builds the "Compare with" menu of an edge.
 */
public final class CompareLauncher {

    private final Window owner;
    private final Supplier<ScenarioRunner> runners;
    private CompareWindow last;

    /** {@code runners} gives each comparison its own runner (a fresh simulator). */
    public CompareLauncher(Window owner, Supplier<ScenarioRunner> runners) {
        this.owner = owner;
        this.runners = runners;
    }

    /** The edge's alternatives as menu items, grouped by what they change. */
    public static List<MenuItem> variantItems(MappedEdge edge, Consumer<EdgeVariants.Variant> action) {
        List<MenuItem> items = new ArrayList<>();
        String group = null;
        for (EdgeVariants.Variant v : EdgeVariants.of(edge)) {
            if (group != null && !group.equals(v.group())) {
                items.add(new SeparatorMenuItem());
            }
            group = v.group();
            MenuItem i = new MenuItem(v.label());
            i.setMnemonicParsing(false);
            i.setId("compare-with-" + v.label().replaceAll("[^A-Za-z0-9]+", "-"));
            i.setOnAction(e -> action.accept(v));
            items.add(i);
        }
        return items;
    }

    /** A "Compare with" submenu for the edge. */
    public static Menu variantMenu(MappedEdge edge, Consumer<EdgeVariants.Variant> action) {
        Menu menu = new Menu("Compare with…");
        menu.setId("compare-with-menu");
        menu.getItems().setAll(variantItems(edge, action));
        menu.setDisable(menu.getItems().isEmpty());
        return menu;
    }

    /** The scenario as it is against the same scenario with the variant's setting. */
    public CompareWindow compareEdge(Scenario current, MappedEdge edge, EdgeVariants.Variant variant) {
        Scenario other;
        try {
            other = variant.change().apply(current);
        } catch (RuntimeException e) {
            problem("Cannot change " + edge.qualifiedName() + ": " + e.getMessage());
            return null;
        }
        String name = current.title() == null || current.title().isBlank() ? "" : current.title() + " — ";
        CompareRun left = new CompareRun("Now: " + EdgeVariants.describe(current, edge.sourceClass(), edge.name()), current);
        CompareRun right = new CompareRun("Changed: " + EdgeVariants.describe(other, edge.sourceClass(), edge.name()), other);
        return open(name + edge.qualifiedName() + ": as configured against " + variant.label(), left, right);
    }

    /** Two lessons of the library side by side. */
    public CompareWindow compareLessons(LibraryCatalog.Lesson a, LibraryCatalog.Lesson b) {
        Scenario sa = lesson(a);
        Scenario sb = lesson(b);
        if (sa == null || sb == null) {
            return null;
        }
        return open(a.title() + "  ⟷  " + b.title(), new CompareRun(a.title(), sa), new CompareRun(b.title(), sb));
    }

    private Scenario lesson(LibraryCatalog.Lesson l) {
        String text = ScenarioLibrary.text(l.file());
        try {
            if (text == null) {
                throw new IllegalStateException("the file is missing");
            }
            return AppServices.files().parse(text, l.file());
        } catch (Exception e) {
            problem("Cannot open " + l.file() + ": " + e.getMessage());
            return null;
        }
    }

    private CompareWindow open(String heading, CompareRun left, CompareRun right) {
        CompareWindow w = new CompareWindow(owner, runners.get());
        w.show(heading, left, right);
        last = w;
        return w;
    }

    /** The window opened last, or null. */
    public CompareWindow last() {
        return last;
    }

    private void problem(String text) {
        Alert a = new Alert(Alert.AlertType.ERROR, text);
        a.initOwner(owner);
        a.setHeaderText("Cannot compare");
        a.show();
    }
}
