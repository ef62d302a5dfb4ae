package dev.cascadeviz.app.inspector;

import dev.cascadeviz.workbench.MappedEdge;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import java.util.ArrayList;
import java.util.List;

/** The SQLAlchemy code a relationship and its foreign key stand for, shown under the inspector. */
public final class PythonPreview {

    private PythonPreview() {
    }

    public static String relationship(MappedEdge edge) {
        Relationship r = edge.relationship();
        List<String> args = new ArrayList<>();
        args.add("\"" + r.target() + "\"");
        if (r.secondary() != null) {
            args.add("secondary=\"" + r.secondary() + "\"");
        }
        if (r.cascade() != null) {
            args.add("cascade=\"" + r.cascade() + "\"");
        }
        if (r.passiveDeletes() != null) {
            args.add("passive_deletes=" + r.passiveDeletes().pythonLiteral());
        }
        if (r.uselist() != null) {
            args.add("uselist=" + py(r.uselist()));
        }
        if (r.singleParent() != null) {
            args.add("single_parent=" + py(r.singleParent()));
        }
        if (r.postUpdate() != null) {
            args.add("post_update=" + py(r.postUpdate()));
        }
        if (r.backPopulates() != null) {
            args.add("back_populates=\"" + r.backPopulates() + "\"");
        }
        return r.name() + " = relationship(" + String.join(", ", args) + ")";
    }

    public static String foreignKey(Scenario scenario, MappedEdge edge) {
        ForeignKey fk = edge.foreignKey();
        if (fk == null) {
            return "";
        }
        List<String> fkArgs = new ArrayList<>();
        fkArgs.add("\"" + fk.referencedTable() + "." + fk.referencedColumns().get(0) + "\"");
        if (fk.ondelete() != null) {
            fkArgs.add("ondelete=\"" + fk.ondelete().sql() + "\"");
        }
        if (fk.onupdate() != null) {
            fkArgs.add("onupdate=\"" + fk.onupdate().sql() + "\"");
        }
        if (fk.isComposite()) {
            return "ForeignKeyConstraint(" + fk.columns() + ", " + fk.referencedColumns() + ", ...)  # on " + edge.fkTable();
        }
        Column c = edge.foreignKeyColumn(scenario);
        String nullable = c != null && !c.nullable() && !c.primaryKey() ? ", nullable=False" : "";
        String pk = c != null && c.primaryKey() ? ", primary_key=True" : "";
        return fk.columns().get(0) + " = Column(ForeignKey(" + String.join(", ", fkArgs) + ")" + pk + nullable + ")  # on "
                + edge.fkTable();
    }

    private static String py(Boolean b) {
        return b ? "True" : "False";
    }
}
