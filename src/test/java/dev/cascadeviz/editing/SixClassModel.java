package dev.cascadeviz.editing;

import dev.cascadeviz.app.editor.NewScenario;
import dev.cascadeviz.editing.RelationshipPlan.Kind;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Point;
import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.ScenarioCheck;
import java.util.List;

/** Issue 12's model, built from an empty canvas with the window's edits: users, profiles, posts, comments, tags. */
final class SixClassModel {

    private SixClassModel() {
    }

    static Scenario build() {
        Scenario s = NewScenario.empty(Engine.SQLITE, Release.V2_1);
        s = step(s, ModelEdits.addClass(s, "User", "users", new Point(40, 40)));
        s = step(s, ModelEdits.addColumn(s, "users", text("name", false)));
        s = step(s, ModelEdits.addClass(s, "Profile", "profiles", new Point(400, 40)));
        s = step(s, ModelEdits.addColumn(s, "profiles", text("bio", true)));
        s = step(s, ModelEdits.addClass(s, "Post", "posts", new Point(400, 240)));
        s = step(s, ModelEdits.addColumn(s, "posts", text("title", false)));
        s = step(s, ModelEdits.addClass(s, "Comment", "comments", new Point(760, 240)));
        s = step(s, ModelEdits.addColumn(s, "comments", text("body", false)));
        s = step(s, ModelEdits.addClass(s, "Tag", "tags", new Point(760, 40)));
        s = step(s, ModelEdits.addColumn(s, "tags", text("label", false)));
        s = step(s, new RelationshipPlan("User", "Profile", Kind.ONE_TO_ONE, "profile", "user", null).apply(s));
        s = step(s, new RelationshipPlan("User", "Post", Kind.ONE_TO_MANY, "posts", "author", null).apply(s));
        s = step(s, new RelationshipPlan("Post", "Comment", Kind.ONE_TO_MANY, "comments", "post", null).apply(s));
        s = step(s, new RelationshipPlan("Comment", "User", Kind.MANY_TO_ONE, "author", "comments", null).apply(s));
        s = step(s, new RelationshipPlan("Post", "Tag", Kind.MANY_TO_MANY, "tags", "posts", "post_tags").apply(s));
        return s;
    }

    static Column text(String name, boolean nullable) {
        return new Column(name, ColumnType.STRING, 80, false, nullable, false, false, null, null, null, null);
    }

    private static Scenario step(Scenario before, Scenario after) {
        List<String> problems = ScenarioCheck.problems(after);
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.toString());
        }
        return after;
    }
}
