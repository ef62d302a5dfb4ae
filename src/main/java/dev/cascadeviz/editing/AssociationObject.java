package dev.cascadeviz.editing;

import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.Point;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SQLAlchemy's association object pattern, drawn as one relationship: a new mapped class whose
 * table holds a foreign key to each end, the two together its primary key; each end has a
 * collection of it, and it a many-to-one to each end, the pairs joined by back_populates:
 *
 * <pre>
 * class PostTag(Base):                      # post_tag: posts_id, tags_id (both primary key)
 *     post = relationship("Post", back_populates="post_tags")
 *     tag = relationship("Tag", back_populates="post_tags")
 * class Post(Base):
 *     post_tags = relationship("PostTag", back_populates="post")
 * class Tag(Base):
 *     post_tags = relationship("PostTag", back_populates="tag")
 * </pre>
 *
 * {@code name} is the source's collection, {@code backName} the target's (null: the target gets
 * none, and the association's many-to-one to it has no back_populates).
 */
final class AssociationObject {

    /** File units below the lower end's card (a card is about 100 high at the window's scale). */
    private static final double BELOW = 160;

    private AssociationObject() {
    }

    /** {@code Post}, {@code Tag} → {@code PostTag}. */
    static String defaultClassName(String source, String target) {
        return source + target;
    }

    static String className(RelationshipPlan p) {
        return p.associationClass() == null || p.associationClass().isBlank()
                ? defaultClassName(p.source(), p.target()) : p.associationClass();
    }

    static String tableName(RelationshipPlan p) {
        return p.association() == null || p.association().isBlank()
                ? ModelEdits.tableNameFor(className(p)) : p.association();
    }

    /** The association's many-to-one to an end: {@code post} for Post. */
    static String endName(String endClass) {
        return RelationshipPlan.defaultName(endClass, false);
    }

    static String proposal(RelationshipPlan p, Scenario s) {
        MappedClass a = s.mappedClass(p.source());
        MappedClass b = s.mappedClass(p.target());
        Table l = s.table(a.table());
        Table r = s.table(b.table());
        String pk = l.primaryKey().size() == 1 && r.primaryKey().size() == 1
                ? " (" + a.table() + "_" + l.primaryKey().get(0).name() + " → " + a.table() + "." + l.primaryKey().get(0).name()
                + ", " + b.table() + "_" + r.primaryKey().get(0).name() + " → " + b.table() + "." + r.primaryKey().get(0).name()
                + ", together its primary key)" : "";
        return "a new class " + className(p) + " on a new table " + tableName(p) + pk;
    }

    static Scenario apply(RelationshipPlan p, Scenario s) {
        String cls = className(p);
        String table = tableName(p);
        MappedClass a = s.mappedClass(p.source());
        MappedClass b = s.mappedClass(p.target());
        ModelEdits.require(!p.source().equals(p.target()),
                "An association object from a class to itself needs foreign_keys on both relationships: "
                        + "create its class and keys with Add Class and Columns, then draw the two relationships.");
        ModelEdits.requireName(cls, "The association class name");
        ModelEdits.require(s.mappedClass(cls) == null, "There is already a class " + cls + ".");
        ModelEdits.requireName(p.name(), "A relationship name");
        ModelEdits.require(a.relationship(p.name()) == null, p.source() + " already has a relationship " + p.name() + ".");
        if (p.backName() != null) {
            ModelEdits.requireName(p.backName(), "The back_populates name");
            ModelEdits.require(b.relationship(p.backName()) == null, p.target() + " already has a relationship " + p.backName() + ".");
        }
        Scenario out = RelationshipPlan.addAssociationTable(s, table, a.table(), b.table());
        String toSource = endName(p.source());
        String toTarget = endName(p.target());
        Relationship sourceSide = ModelEdits.withBackPopulates(Relationship.to(toSource, p.source()), p.name());
        Relationship targetSide = Relationship.to(toTarget, p.target());
        if (p.backName() != null) {
            targetSide = ModelEdits.withBackPopulates(targetSide, p.backName());
        }
        out = out.withClass(new MappedClass(cls, table, Map.of()).withRelationship(sourceSide).withRelationship(targetSide));
        out = out.withClass(out.mappedClass(p.source())
                .withRelationship(ModelEdits.withBackPopulates(Relationship.to(p.name(), cls), toSource)));
        if (p.backName() != null) {
            out = out.withClass(out.mappedClass(p.target())
                    .withRelationship(ModelEdits.withBackPopulates(Relationship.to(p.backName(), cls), toTarget)));
        }
        return placeBetween(out, cls, p.source(), p.target());
    }

    /** The new card halfway between the two ends, below them, when both have a place. */
    private static Scenario placeBetween(Scenario s, String cls, String source, String target) {
        Point pa = s.layout().get(source);
        Point pb = s.layout().get(target);
        if (pa == null || pb == null) {
            return s;
        }
        Map<String, Point> layout = new LinkedHashMap<>(s.layout());
        layout.put(cls, new Point(Math.round((pa.x() + pb.x()) / 2), Math.max(pa.y(), pb.y()) + BELOW));
        return ModelEdits.with(s, s.tables(), s.classes(), s.rows(), s.steps(), layout);
    }
}
