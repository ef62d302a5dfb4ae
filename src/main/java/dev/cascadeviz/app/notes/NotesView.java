package dev.cascadeviz.app.notes;

import dev.cascadeviz.app.library.LibraryCatalog;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The scenario's lesson text. Renders the Markdown the library uses: paragraphs, bullet lines,
 * fenced code blocks, **bold**, *italic* and `code`.
 */
public final class NotesView extends VBox {

    private static final Pattern INLINE = Pattern.compile("\\*\\*(.+?)\\*\\*|`([^`]+)`|\\*(.+?)\\*");

    private final WorkspaceModel model;
    private final VBox body = new VBox(8);
    private Supplier<LibraryCatalog> lessons;
    private Consumer<String> openLesson;

    public NotesView(WorkspaceModel model) {
        this.model = model;
        getStyleClass().add("notes-view");
        setId("notes");
        body.getStyleClass().add("notes-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);
        model.scenarioProperty().addListener((o, a, b) -> refresh());
        model.fileProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /** Offers a "Next lesson" button under a built-in lesson: the library's next one, opened by {@code open}. */
    public void setNextLesson(Supplier<LibraryCatalog> lessons,
            Consumer<String> open) {
        this.lessons = lessons;
        this.openLesson = open;
        refresh();
    }

    private void refresh() {
        body.getChildren().clear();
        Scenario s = model.getScenario();
        if (s == null) {
            return;
        }
        if (s.title() != null) {
            Label t = new Label(s.title());
            t.setWrapText(true);
            t.getStyleClass().add("notes-title");
            body.getChildren().add(t);
        }
        String notes = s.notes() == null ? "" : s.notes();
        for (String block : blocks(notes)) {
            if (block.startsWith("```")) {
                String code = block.replaceAll("^```\\w*\\n?", "").replaceAll("\\n?```$", "");
                // never wrapped: SQL with aligned "-- (1,)" comments keeps its columns, scrolling sideways
                Text t = new Text(code);
                t.getStyleClass().add("notes-code-text");
                StackPane box = new StackPane(t);
                box.setAlignment(Pos.TOP_LEFT);
                box.getStyleClass().add("notes-code");
                ScrollPane sideways = new ScrollPane(box);
                sideways.getStyleClass().add("notes-code-scroll");
                sideways.setFitToHeight(true);
                sideways.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
                sideways.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
                sideways.minViewportHeightProperty().bind(box.heightProperty());
                sideways.prefViewportHeightProperty().bind(box.heightProperty());
                body.getChildren().add(sideways);
            } else {
                TextFlow flow = new TextFlow();
                flow.getStyleClass().add("notes-paragraph");
                inline(block.replaceAll("\\s*\\n\\s*(?![-*] )", " "), flow);
                body.getChildren().add(flow);
            }
        }
        nextLessonButton().ifPresent(body.getChildren()::add);
    }

    /** "Next lesson: title ▶" under a built-in lesson that has a next one in the library. */
    private Optional<Button> nextLessonButton() {
        if (lessons == null || model.fileProperty().get() != null
                || !WorkspaceModel.BUILT_IN.equals(model.originProperty().get())) {
            return Optional.empty();
        }
        LibraryCatalog catalog = lessons.get();
        LibraryCatalog.Lesson next = catalog == null ? null : catalog.next(model.sourceName());
        if (next == null) {
            return Optional.empty();
        }
        Button b = new Button("Next lesson: " + next.title() + "  ▶");
        b.setId("next-lesson");
        b.setWrapText(true);
        b.setMnemonicParsing(false);
        b.setMaxWidth(Double.MAX_VALUE);
        b.getStyleClass().add("next-lesson");
        b.setOnAction(e -> openLesson.accept(next.file()));
        return Optional.of(b);
    }

    static List<String> blocks(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean fence = false;
        for (String line : text.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                if (fence) {
                    cur.append(line.strip());
                    out.add(cur.toString());
                    cur.setLength(0);
                    fence = false;
                    continue;
                }
                if (!cur.isEmpty()) {
                    out.add(cur.toString().strip());
                    cur.setLength(0);
                }
                fence = true;
                cur.append(line.strip()).append('\n');
                continue;
            }
            if (!fence && line.isBlank()) {
                if (!cur.isEmpty()) {
                    out.add(cur.toString().strip());
                    cur.setLength(0);
                }
                continue;
            }
            cur.append(fence ? line.stripLeading() : line).append('\n');
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString().strip());
        }
        return out;
    }

    private static void inline(String text, TextFlow flow) {
        Matcher m = INLINE.matcher(text);
        int last = 0;
        while (m.find()) {
            flow.getChildren().add(text(text.substring(last, m.start()), "notes-text"));
            if (m.group(1) != null) {
                flow.getChildren().add(text(m.group(1), "notes-bold"));
            } else if (m.group(2) != null) {
                flow.getChildren().add(text(m.group(2), "notes-inline-code"));
            } else {
                flow.getChildren().add(text(m.group(3), "notes-italic"));
            }
            last = m.end();
        }
        flow.getChildren().add(text(text.substring(last), "notes-text"));
    }

    private static Text text(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().add(style);
        return t;
    }
}
