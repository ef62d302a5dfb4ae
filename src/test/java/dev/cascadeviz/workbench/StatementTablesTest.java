package dev.cascadeviz.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cascadeviz.trace.RowChange;
import dev.cascadeviz.trace.TraceStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatementTablesTest {

    @Test
    void theMainTableIsWhatTheStatementDeletesUpdatesInsertsOrFirstSelectsFrom() {
        assertEquals("song", StatementTables.mainTable(TraceStatement.single("DELETE FROM song WHERE song.id = ?", List.of(1L))));
        assertEquals("song", StatementTables.mainTable(TraceStatement.single("UPDATE \"song\" SET artist_id=?", List.of())));
        assertEquals("tag", StatementTables.mainTable(TraceStatement.single("INSERT INTO tag (name) VALUES (?)", List.of("a"))));
        assertEquals("artist", StatementTables.mainTable(
                TraceStatement.single("SELECT artist.id \nFROM artist, song \nWHERE artist.id = song.artist_id", List.of())));
        assertNull(StatementTables.mainTable(TraceStatement.single("PRAGMA foreign_keys", List.of())));
    }

    @Test
    void touchedAddsTheTablesTheDatabaseChangedBecauseOfIt() {
        RowChange byDatabase = new RowChange("song", RowChange.Kind.DELETE, List.of(1L), Map.of("id", 1L), null,
                "song.artist_id ON DELETE CASCADE");
        TraceStatement delete = new TraceStatement("DELETE FROM artist WHERE artist.id = ?", List.of(List.of(1L)), false,
                List.of(), List.of(byDatabase), null);
        assertEquals(Set.of("artist", "song"), StatementTables.touched(delete));
    }
}
