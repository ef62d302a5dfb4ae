package dev.cascadeviz.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class H2SqlTest {

    @Test
    void quotesBareNamesThatAreH2Keywords() {
        assertEquals("SELECT \"user\".id AS user_id, \"user\".\"value\" AS user_value \nFROM \"user\" \nWHERE \"user\".id = ?",
                H2Sql.translate("SELECT user.id AS user_id, user.value AS user_value \nFROM user \nWHERE user.id = ?"));
    }

    @Test
    void leavesUpperCaseSqlKeywordsAndPlainNamesAlone() {
        String sql = "UPDATE song SET artist_id=? WHERE song.id = ?";
        assertEquals(sql, H2Sql.translate(sql));
    }

    @Test
    void leavesQuotedNamesAndStringLiteralsAlone() {
        String sql = "DELETE FROM \"order\" WHERE \"order\".\"key\" = 'year' AND \"order\".id = ?";
        assertEquals(sql, H2Sql.translate(sql));
    }

    @Test
    void quotesAKeywordColumnInASetClause() {
        assertEquals("UPDATE entry SET \"year\"=? WHERE entry.id = ?", H2Sql.translate("UPDATE entry SET year=? WHERE entry.id = ?"));
    }

    @Test
    void quotesTopWhichH2ReadsAsAClauseAfterSelect() throws Exception {
        String sql = H2Sql.translate("SELECT top.id AS top_id \nFROM top \nWHERE top.id = ?");
        assertEquals("SELECT \"top\".id AS top_id \nFROM \"top\" \nWHERE \"top\".id = ?", sql);
        try (var c = DriverManager.getConnection("jdbc:h2:mem:top" + System.nanoTime() + ";DATABASE_TO_LOWER=TRUE");
             var st = c.createStatement()) {
            st.execute("CREATE TABLE \"top\" (id INT PRIMARY KEY)");
            try (var ps = c.prepareStatement(sql)) {
                ps.setInt(1, 1);
                ps.executeQuery().close();
            }
        }
    }
}
