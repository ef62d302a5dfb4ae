package dev.cascadeviz.picture;

import dev.cascadeviz.workbench.MappedEdge;
import dev.cascadeviz.model.CascadeOption;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.PassiveDeletes;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Table;
import java.util.ArrayList;
import java.util.List;

/** The words of a picture: what a card and a relationship's label say (as the window's graph says it). */
public final class PictureText {

    private PictureText() {
    }

    public enum BadgeKind { PK, FK, NOT_NULL }

    public record Badge(String text, BadgeKind kind) {
    }

    public record ColumnLine(String name, String type, List<Badge> badges) {
    }

    /** A card: the class (or association table) name, what it maps, one line per column. */
    public record Card(String title, String subtitle, boolean association, List<ColumnLine> columns) {
    }

    /**
     * A relationship's label: its name, its cascade (one or two lines: a default cascade and a
     * {@code passive_deletes} setting each take a line of their own, so that no line is much
     * wider than the name and the rule, and the label fits between two cards), and the foreign
     * key's ON DELETE rule (null without a key).
     */
    public record Label(String name, List<String> cascade, String rule, boolean ruleActs, boolean deleteCascade,
                        boolean passive) {
    }

    /** @param className null for an association table */
    public static Card card(String className, Table table) {
        String tableName = table == null ? "?" : table.name();
        List<ColumnLine> lines = new ArrayList<>();
        if (table != null) {
            for (Column c : table.columns().values()) {
                List<Badge> badges = new ArrayList<>();
                if (c.primaryKey()) {
                    badges.add(new Badge("PK", BadgeKind.PK));
                }
                for (ForeignKey fk : table.allForeignKeys()) {
                    if (fk.columns().contains(c.name())) {
                        badges.add(new Badge("FK → " + fk.referencedTable(), BadgeKind.FK));
                    }
                }
                if (!c.nullable() && !c.primaryKey()) {
                    badges.add(new Badge("NOT NULL", BadgeKind.NOT_NULL));
                }
                lines.add(new ColumnLine(c.name(), c.type().fileName(), badges));
            }
        }
        return className == null
                ? new Card(tableName, "association table", true, lines)
                : new Card(className, "table " + tableName, false, lines);
    }

    public static Label label(MappedEdge edge) {
        List<String> cascade = new ArrayList<>();
        if (edge.relationship().cascade() == null) {
            cascade.add("cascade: default");
            cascade.add("(" + edge.relationship().effectiveCascade() + ")");
        } else {
            cascade.add("cascade: " + edge.relationship().cascade());
        }
        PassiveDeletes pd = edge.relationship().effectivePassiveDeletes();
        if (pd != PassiveDeletes.FALSE) {
            cascade.add("passive_deletes=" + pd.pythonLiteral());
        }
        String rule = null;
        boolean acts = false;
        if (edge.foreignKey() != null) {
            ReferentialAction ondelete = edge.foreignKey().ondelete();
            rule = ondelete == null ? "DB: no ON DELETE rule" : "DB: ON DELETE " + ondelete.sql();
            acts = ondelete != null && ondelete != ReferentialAction.NO_ACTION;
        }
        return new Label(edge.qualifiedName(), List.copyOf(cascade), rule, acts,
                edge.relationship().cascades(CascadeOption.DELETE), pd != PassiveDeletes.FALSE);
    }
}
