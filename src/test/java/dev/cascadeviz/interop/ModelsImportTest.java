package dev.cascadeviz.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.PassiveDeletes;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading realistic models modules (test resources under interop/) in the 1.x and 2.0 styles. */
class ModelsImportTest {

    private static final Path DIR = Path.of("src", "test", "resources", "interop");

    private static Scenario imported(String file) {
        ImportResult r = Imports.models(DIR.resolve(file));
        assertTrue(r.ok(), () -> r.report(file));
        return r.scenario();
    }

    @Test
    void readsColumnsKeysAndRulesOfThe1xStyle() {
        Scenario s = imported("blog_1x.py");
        assertEquals(List.of("post_tag", "user", "post", "tag", "comment"), List.copyOf(s.tables().keySet()));
        Column userId = s.table("post").column("user_id");
        assertEquals("user.id", userId.foreignKey());
        assertEquals(ReferentialAction.CASCADE, userId.ondelete());
        assertFalse(userId.nullable());
        assertTrue(userId.index());
        assertEquals(Integer.valueOf(200), s.table("post").column("title").length());
        assertTrue(s.table("user").column("name").unique());
        assertEquals(ColumnType.DATETIME, s.table("post").column("created").type());
        assertEquals("post.id", s.table("comment").column("post_id").foreignKey(), "ForeignKey(Post.id) names the column");
    }

    @Test
    void aBackrefBecomesTheReverseRelationshipWithBackPopulatesOnBothSides() {
        Scenario s = imported("blog_1x.py");
        Relationship posts = s.mappedClass("User").relationship("posts");
        Relationship author = s.mappedClass("Post").relationship("author");
        assertEquals("author", posts.backPopulates());
        assertEquals("posts", author.backPopulates());
        assertEquals("User", author.target());
        assertEquals("all, delete-orphan", posts.cascade());
        assertEquals(PassiveDeletes.TRUE, posts.passiveDeletes());
        assertEquals("joined", s.mappedClass("Comment").relationship("post").lazy(), "backref(...) options go to the reverse side");
        assertEquals(List.of("comment.id"), s.mappedClass("Comment").relationship("parent").remoteSide());
    }

    @Test
    void secondaryIsReadFromTheTableVariableOrItsName() {
        Scenario s = imported("blog_1x.py");
        assertEquals("post_tag", s.mappedClass("Post").relationship("tags").secondary());
        assertEquals("post_tag", s.mappedClass("Tag").relationship("posts").secondary());
        assertEquals("selectin", s.mappedClass("Post").relationship("tags").lazy());
        assertEquals(List.of("comment.id"), s.mappedClass("Post").relationship("comments").orderBy());
    }

    @Test
    void reportsTheMethodItSkipped() {
        ImportResult r = Imports.models(DIR.resolve("blog_1x.py"));
        assertTrue(r.notes().stream().anyMatch(n -> n.line() == 26 && n.message().contains("def __repr__")), r.report("blog"));
        assertTrue(r.notes().stream().anyMatch(n -> n.line() == 21 && n.message().contains("default=")), r.report("blog"));
    }

    @Test
    void takesTypesAndNullabilityFromMappedAnnotations() {
        Scenario s = imported("shop_20.py");
        assertEquals(ColumnType.STRING, s.table("customer").column("nickname").type());
        assertTrue(s.table("customer").column("nickname").nullable(), "Optional[str]");
        assertTrue(s.table("profile").column("bio").nullable(), "str | None");
        assertFalse(s.table("profile").column("customer_id").nullable(), "Mapped[int] is NOT NULL in 2.0");
        assertEquals(ColumnType.DATETIME, s.table("orders").column("placed").type());
        assertEquals(ColumnType.NUMERIC, s.table("orders").column("total").type());
        assertEquals(ReferentialAction.SET_NULL, s.table("orders").column("customer_id").ondelete());
    }

    @Test
    void readsACompositeForeignKeyFromTableArgs() {
        Scenario s = imported("shop_20.py");
        ForeignKey fk = s.table("shipment").compositeForeignKeys().get(0);
        assertEquals(List.of("order_id", "line_no"), fk.columns());
        assertEquals("order_line", fk.referencedTable());
        assertEquals(List.of("order_id", "line_no"), fk.referencedColumns());
        assertEquals(ReferentialAction.CASCADE, fk.onupdate());
    }

    @Test
    void aScalarAnnotationOnAOneToManyMeansUselistFalse() {
        Scenario s = imported("shop_20.py");
        assertEquals(Boolean.FALSE, s.mappedClass("Customer").relationship("profile").uselist());
        assertNull(s.mappedClass("Order").relationship("customer").uselist(), "a many-to-one is scalar anyway");
        assertEquals("OrderLine", s.mappedClass("Shipment").relationship("line").target(), "the target from Mapped[OrderLine]");
        assertEquals(PassiveDeletes.ALL, s.mappedClass("Order").relationship("lines").passiveDeletes());
    }

    @Test
    void unsupportedConstructsAreReportedLineByLineAndTheRestIsImported() {
        ImportResult r = Imports.models(DIR.resolve("unsupported.py"));
        String report = r.report("unsupported.py");
        assertTrue(r.ok(), report);
        assertTrue(report.contains("unsupported.py:10: column settings: type JSON"), report);
        assertTrue(report.contains("unsupported.py:11: relationship Parent.children: skipped primaryjoin="), report);
        assertTrue(report.contains("collection_class="), report);
        assertTrue(report.contains("unsupported.py:18: skipped relationship Child.ghost: its target Ghost"), report);
        assertTrue(report.contains("unsupported.py:21: skipped class Special: it inherits from the mapped class Child"), report);
        assertTrue(report.contains("unsupported.py:25: skipped a 'if' block"), report);
        assertTrue(report.contains("unsupported.py:27: skipped a statement that could not be read"), report);
        assertEquals(List.of("parent", "child"), List.copyOf(r.scenario().tables().keySet()));
    }

    @Test
    void textThatIsNotAModelsModuleGivesAProblemNotACrash() {
        ImportResult r = ModelsImport.read("def f(:\n  ))) \"unterminated\n\tclass", "junk.py");
        assertFalse(r.ok());
        assertTrue(r.problems().contains("no tables found"), r.report("junk.py"));
    }

    @Test
    void aMissingFileIsAProblem() {
        ImportResult r = Imports.models(DIR.resolve("no-such-file.py"));
        assertFalse(r.ok());
        assertTrue(r.problems().get(0).startsWith("cannot read"), r.report("x"));
    }
}
