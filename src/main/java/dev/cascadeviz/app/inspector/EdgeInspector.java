package dev.cascadeviz.app.inspector;

import dev.cascadeviz.app.compare.CompareLauncher;
import dev.cascadeviz.app.viewmodel.Selection;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.interop.PythonExport;
import dev.cascadeviz.model.Cascade;
import dev.cascadeviz.model.CascadeOption;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.PassiveDeletes;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.mapping.Direction;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.workbench.EdgeVariants;
import dev.cascadeviz.workbench.Edits;
import dev.cascadeviz.workbench.MappedEdge;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The selected relationship's options: each cascade option as a check box ({@code all} expands
 * as SQLAlchemy defines it), passive_deletes, the foreign key's ON DELETE / ON UPDATE rules and
 * nullable, and uselist / single_parent / post_update. Every change is an undoable job.
 */
public final class EdgeInspector extends VBox {

    public static final String STYLE = "edge-inspector";
    private static final String NO_RULE = "(none)";

    private final WorkspaceModel model;
    private BiConsumer<MappedEdge, EdgeVariants.Variant> onCompare;

    public EdgeInspector(WorkspaceModel model) {
        this.model = model;
        getStyleClass().add(STYLE);
        setId("inspector");
        setSpacing(8);
        model.selectionProperty().addListener((o, a, b) -> rebuild());
        model.scenarioProperty().addListener((o, a, b) -> rebuild());
        model.traceProperty().addListener((o, a, b) -> rebuild());
        model.highlightedSettingProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    /** What "Compare with…" does with the edge shown and the setting picked; null hides the button. */
    public void setOnCompare(BiConsumer<MappedEdge, EdgeVariants.Variant> action) {
        this.onCompare = action;
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        Scenario s = model.getScenario();
        Selection sel = model.selectionProperty().get();
        if (s == null) {
            return;
        }
        if (sel instanceof Selection.Edge e) {
            MappedEdge edge = MappedEdge.find(s, e.className(), e.relationship());
            if (edge != null) {
                showEdge(s, edge);
                return;
            }
        }
        if (sel instanceof Selection.ClassNode c && s.mappedClass(c.className()) != null) {
            showClass(s, s.mappedClass(c.className()));
            return;
        }
        Label hint = new Label("Click an arrow in the graph to see and change its cascade, passive_deletes "
                + "and the foreign key's ON DELETE rule.");
        hint.setWrapText(true);
        hint.getStyleClass().add("inspector-hint");
        getChildren().add(hint);
        for (MappedEdge edge : MappedEdge.all(s)) {
            getChildren().add(selectButton(edge));
        }
    }

    private Button selectButton(MappedEdge edge) {
        Button b = new Button(edge.qualifiedName());
        b.setMnemonicParsing(false);
        b.getStyleClass().add("flat");
        b.setOnAction(a -> model.selectionProperty().set(new Selection.Edge(edge.sourceClass(), edge.name())));
        return b;
    }

    private void showClass(Scenario s, MappedClass c) {
        getChildren().add(heading(c.name(), "table " + c.table()));
        Label hint = new Label("Relationships of " + c.name() + ":");
        getChildren().add(hint);
        for (MappedEdge edge : MappedEdge.all(s)) {
            if (edge.sourceClass().equals(c.name()) || edge.targetClass().equals(c.name())) {
                getChildren().add(selectButton(edge));
            }
        }
    }

    private static VBox heading(String title, String subtitle) {
        Label t = new Label(title);
        t.getStyleClass().add("inspector-title");
        Label sub = new Label(subtitle);
        sub.getStyleClass().add("inspector-subtitle");
        sub.setWrapText(true);
        return new VBox(2, t, sub);
    }

    private void showEdge(Scenario s, MappedEdge edge) {
        Relationship r = edge.relationship();
        String name = edge.qualifiedName();
        getChildren().add(heading(name, "→ " + edge.targetClass() + "  ·  " + edge.directionLabel()));
        if (onCompare != null) {
            MenuButton compare = new MenuButton("Compare with…");
            compare.setId("inspector-compare");
            compare.setTooltip(new Tooltip("Run this scenario as it is and with another setting of " + name + ", side by side"));
            compare.getItems().setAll(CompareLauncher.variantItems(edge, v -> onCompare.accept(edge, v)));
            getChildren().add(compare);
        }
        refusal(name);

        getChildren().add(section("cascade", "cascade"));
        Set<CascadeOption> options = r.cascadeOptions();
        FlowPane boxes = new FlowPane(10, 6);
        CheckBox all = new CheckBox("all");
        all.setId("cascade-all");
        all.setSelected(options.containsAll(Cascade.ALL));
        all.setTooltip(new Tooltip("all = save-update, merge, refresh-expire, expunge, delete"));
        all.selectedProperty().addListener((o, was, on) -> {
            Set<CascadeOption> next = EnumSet.noneOf(CascadeOption.class);
            next.addAll(options);
            if (on) {
                next.addAll(Cascade.ALL);
            } else {
                next.removeAll(Cascade.ALL);
            }
            setCascade(edge, next);
        });
        boxes.getChildren().add(all);
        for (CascadeOption option : List.of(CascadeOption.SAVE_UPDATE, CascadeOption.MERGE, CascadeOption.REFRESH_EXPIRE,
                CascadeOption.EXPUNGE, CascadeOption.DELETE, CascadeOption.DELETE_ORPHAN)) {
            CheckBox box = new CheckBox(option.keyword());
            box.setMnemonicParsing(false);
            box.setId("cascade-" + option.keyword());
            box.setSelected(options.contains(option));
            box.selectedProperty().addListener((o, was, on) -> {
                Set<CascadeOption> next = EnumSet.noneOf(CascadeOption.class);
                next.addAll(options);
                if (on) {
                    next.add(option);
                } else {
                    next.remove(option);
                }
                setCascade(edge, next);
            });
            boxes.getChildren().add(box);
        }
        getChildren().add(boxes);
        Label cascadeText = new Label("cascade=\"" + r.effectiveCascade() + "\"" + (r.cascade() == null ? "  (default)" : ""));
        cascadeText.getStyleClass().add("code");
        cascadeText.setId("inspector-cascade-text");
        cascadeText.setWrapText(true); // "all, delete-orphan" and the like: whole, on two lines if need be
        cascadeText.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().add(cascadeText);

        getChildren().add(section("passive_deletes", "passive_deletes"));
        ToggleGroup group = new ToggleGroup();
        HBox radios = new HBox(12);
        for (PassiveDeletes pd : PassiveDeletes.values()) {
            RadioButton rb = new RadioButton(pd.pythonLiteral());
            rb.setMnemonicParsing(false);
            rb.setId("passive-" + pd.name().toLowerCase(Locale.ROOT));
            rb.setToggleGroup(group);
            rb.setSelected(r.effectivePassiveDeletes() == pd);
            rb.selectedProperty().addListener((o, was, on) -> {
                if (on) {
                    edit("Set passive_deletes of " + name + " to " + pd.pythonLiteral(),
                            Edits.relationship(edge.sourceClass(), edge.name(), x -> x.withPassiveDeletes(pd)));
                }
            });
            radios.getChildren().add(rb);
        }
        getChildren().add(radios);

        foreignKeySection(s, edge);
        flagsSection(edge);

        getChildren().add(new Separator());
        String python = PythonExport.relationshipSource(s, edge.sourceClass(), edge.name());
        if (edge.foreignKey() != null) {
            python += "\n" + PythonExport.foreignKeySource(s, edge.fkTable(), edge.foreignKey());
        }
        Label code = new Label(python);
        code.setWrapText(true);
        code.getStyleClass().addAll("code", "python-preview");
        getChildren().add(code);
    }

    private void refusal(String name) {
        Trace t = model.getTrace();
        if (t != null && t.error() != null && t.error().step() == null) {
            Label refused = new Label("SQLAlchemy refuses this mapping — " + t.error().type() + ": " + t.error().message());
            refused.setWrapText(true);
            refused.setId("inspector-refusal");
            refused.getStyleClass().add("inspector-refusal");
            getChildren().add(refused);
        }
    }

    private void foreignKeySection(Scenario s, MappedEdge edge) {
        getChildren().add(section("foreign key (database)", "ondelete"));
        if (edge.foreignKey() == null) {
            getChildren().add(new Label("No foreign key links these tables."));
            return;
        }
        Label fkLabel = new Label(edge.foreignKeyLabel());
        fkLabel.getStyleClass().add("code");
        getChildren().add(fkLabel);
        ComboBox<String> ondelete = ruleBox("ondelete", edge.foreignKey().ondelete());
        ondelete.valueProperty().addListener((o, a, b) -> edit("Set ON DELETE of " + edge.foreignKeyLabel() + " to " + b,
                Edits.ondelete(edge.fkTable(), edge.foreignKey(), rule(b))));
        ComboBox<String> onupdate = ruleBox("onupdate", edge.foreignKey().onupdate());
        onupdate.valueProperty().addListener((o, a, b) -> edit("Set ON UPDATE of " + edge.foreignKeyLabel() + " to " + b,
                Edits.onupdate(edge.fkTable(), edge.foreignKey(), rule(b))));
        GridPane rules = new GridPane();
        rules.setHgap(8);
        rules.setVgap(4);
        rules.addRow(0, new Label("ON DELETE"), ondelete);
        rules.addRow(1, new Label("ON UPDATE"), onupdate);
        getChildren().add(rules);
        Column c = edge.foreignKeyColumn(s);
        if (c != null) {
            CheckBox nullable = new CheckBox("nullable (" + edge.fkTable() + "." + c.name() + " may be NULL)");
            nullable.setId("fk-nullable");
            nullable.setMnemonicParsing(false);
            nullable.setSelected(c.nullable());
            nullable.setDisable(c.primaryKey());
            nullable.selectedProperty().addListener((o, was, on) -> edit(
                    (on ? "Allow NULL in " : "Forbid NULL in ") + edge.fkTable() + "." + c.name(),
                    Edits.nullable(edge.fkTable(), c.name(), on)));
            getChildren().add(nullable);
        }
    }

    private ComboBox<String> ruleBox(String id, ReferentialAction current) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.getItems().add(NO_RULE);
        for (ReferentialAction a : ReferentialAction.values()) {
            box.getItems().add(a.sql());
        }
        box.setValue(current == null ? NO_RULE : current.sql());
        return box;
    }

    private static ReferentialAction rule(String text) {
        return NO_RULE.equals(text) ? null : ReferentialAction.fromSql(text);
    }

    private void flagsSection(MappedEdge edge) {
        Relationship r = edge.relationship();
        getChildren().add(section("relationship options", "options"));
        boolean collection = edge.direction() != Direction.MANY_TO_ONE;
        CheckBox uselist = flag("uselist", r.uselist() == null ? collection : r.uselist(),
                "False makes a one-to-many a one-to-one (a scalar)");
        uselist.selectedProperty().addListener((o, was, on) -> edit("Set uselist of " + edge.qualifiedName() + " to " + py(on),
                Edits.relationship(edge.sourceClass(), edge.name(), x -> x.withUselist(on))));
        CheckBox single = flag("single_parent", r.isSingleParent(),
                "needed for delete-orphan on a many-to-one or many-to-many");
        single.selectedProperty().addListener((o, was, on) -> edit("Set single_parent of " + edge.qualifiedName() + " to " + py(on),
                Edits.relationship(edge.sourceClass(), edge.name(), x -> x.withSingleParent(on))));
        CheckBox post = flag("post_update", r.isPostUpdate(),
                "a separate UPDATE to break a cycle between rows");
        post.selectedProperty().addListener((o, was, on) -> edit("Set post_update of " + edge.qualifiedName() + " to " + py(on),
                Edits.relationship(edge.sourceClass(), edge.name(), x -> x.withPostUpdate(on))));
        FlowPane flags = new FlowPane(12, 6, uselist, post);
        if (edge.direction() != Direction.ONE_TO_MANY) {
            flags.getChildren().add(1, single);
        }
        getChildren().add(flags);
    }

    private static CheckBox flag(String name, boolean value, String tip) {
        CheckBox b = new CheckBox(name);
        b.setMnemonicParsing(false);
        b.setId(name.replace('_', '-'));
        b.setSelected(value);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private static String py(boolean b) {
        return b ? "True" : "False";
    }

    /** A section title; marked when a clicked cause points at its setting. */
    private Label section(String text, String key) {
        Label l = new Label(text);
        l.setId("section-" + key);
        l.getStyleClass().add("inspector-section");
        if (key.equals(sectionOf(model.highlightedSettingProperty().get()))) {
            l.getStyleClass().add(HIGHLIGHTED);
        }
        return l;
    }

    /** The style class of the section a cause points at. */
    public static final String HIGHLIGHTED = "highlighted-setting";

    private static String sectionOf(String setting) {
        if (setting == null) {
            return null;
        }
        return switch (setting) {
            case "cascade", "passive_deletes", "ondelete" -> setting;
            case "onupdate", "nullable" -> "ondelete";
            default -> "options";
        };
    }

    private void setCascade(MappedEdge edge, Set<CascadeOption> options) {
        edit("Set cascade of " + edge.qualifiedName() + " to '" + Cascade.format(options) + "'",
                Edits.cascade(edge.sourceClass(), edge.name(), options));
    }

    private void edit(String description, UnaryOperator<Scenario> change) {
        model.edit(description, change);
    }
}
