package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Scenario;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/** The error banner names the foreign key that blocked a database cascade. */
class BlockedCascadeBannerTest extends WindowTestBase {

    @Test
    void theBannerNamesTheBlockingForeignKey() throws Exception {
        Scenario s = AppServices.files().parse("""
                format: 1
                database: {engine: h2}
                tables:
                  users:
                    columns:
                      id: {type: integer, primary_key: true}
                  posts:
                    columns:
                      id: {type: integer, primary_key: true}
                      user_id: {type: integer, foreign_key: users.id, ondelete: CASCADE}
                  comments:
                    columns:
                      id: {type: integer, primary_key: true}
                      post_id: {type: integer, foreign_key: posts.id}
                classes:
                  User:
                    table: users
                    relationships:
                      posts: {target: Post, cascade: 'all, delete-orphan', passive_deletes: true}
                  Post:
                    table: posts
                  Comment:
                    table: comments
                rows:
                  users: [{id: 1}]
                  posts: [{id: 10, user_id: 1}]
                  comments: [{id: 100, post_id: 10}]
                steps:
                  - delete: User(1)
                  - commit
                """, "blog.yaml");
        show(s);
        assertNotNull(model.getTrace().error(), "the database refuses the delete");
        assertEquals("IntegrityError", model.getTrace().error().type());
        String why = lookup("#error-banner .banner-why").<Label>query().getText();
        assertTrue(why.contains("comments.post_id → posts.id"), why);
        assertTrue(model.advice().stream().anyMatch(a -> a.message().contains("comments.post_id → posts.id")),
                "and a warning before the run");
    }
}
