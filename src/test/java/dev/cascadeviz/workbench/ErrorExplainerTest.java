package dev.cascadeviz.workbench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.trace.TraceError;
import org.junit.jupiter.api.Test;

class ErrorExplainerTest {

    @Test
    void explainsANotNullForeignKeyAsTheMissingDeleteCascade() {
        String why = ErrorExplainer.explain(new TraceError("IntegrityError",
                "(sqlite3.IntegrityError) NOT NULL constraint failed: song.artist_id", 1));
        assertTrue(why.contains("no delete cascade") && why.contains("NOT NULL"), why);
    }

    @Test
    void explainsTheBlankOutOfAPrimaryKey() {
        String why = ErrorExplainer.explain(new TraceError("AssertionError",
                "Dependency rule on column 'artist.id' tried to blank-out primary key column 'song.artist_id' on instance '<Song at 0x1>'", 1));
        assertTrue(why.contains("primary key"), why);
    }

    @Test
    void explainsPassiveDeletesAllWithDeleteCascade() {
        String why = ErrorExplainer.explain(new TraceError("ArgumentError",
                "On Artist.songs, can't set passive_deletes='all' in conjunction with 'delete' or 'delete-orphan' cascade", null));
        assertTrue(why.contains("passive_deletes='all'"), why);
    }
}
