package dev.cascadeviz.scenario;

import static dev.cascadeviz.scenario.Refusals.BASE;
import static dev.cascadeviz.scenario.Refusals.refusedOnce;
import static dev.cascadeviz.scenario.Refusals.refusedOnceAt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cascadeviz.model.Scenario;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MappingRefusalTest {

    /** BASE with the Artist.songs relationship (line 14) replaced. */
    private static String songs(String relationship) {
        return BASE.replace("      songs: {target: Song, back_populates: artist}", "      songs: " + relationship);
    }

    private static final String TWO_TABLES = """
            tables:
              artist:
                columns:
                  id: {type: integer, primary_key: true}
              song:
                columns:
                  id: {type: integer, primary_key: true}
                  %s
            classes:
              Artist:
                table: artist
                relationships:
                  songs: %s
              Song:
                table: song
            """;

    @Test
    void refusesAClassOnAnUnknownTable() {
        refusedOnce(BASE.replace("    table: song", "    table: songs"), 16, 12,
                "class 'Song' is mapped to unknown table 'songs'", "tables: 'artist', 'song'");
    }

    @Test
    void refusesAClassWhoseTableHasNoPrimaryKey() {
        refusedOnceAt("tables:\n  t:\n    columns:\n      a: {}\nclasses:\n  T: {table: t}\n", 6, "t}",
                "Mapper Mapper[T(t)] could not assemble any primary key columns for mapped table 't'");
    }

    @Test
    void refusesARelationshipToAnUnknownClass() {
        refusedOnce(songs("{target: Songs}"), 14, 23, "relationship Artist.songs targets unknown class 'Songs'",
                "classes: 'Artist', 'Song'");
    }

    @Test
    void refusesAnUnknownRelationshipKey() {
        refusedOnceAt(songs("{target: Song, back_populates: artist, cascades: all}"), 14, "cascades",
                "unknown key 'cascades' in relationship Artist.songs", "allowed keys: target, cascade, passive_deletes");
    }

    @Test
    void refusesAnInvalidCascadeWordAsSqlAlchemyDoes() {
        refusedOnceAt(songs("{target: Song, back_populates: artist, cascade: 'all, delete-orphans, remove'}"), 14, "'all, delete-orphans",
                "Invalid cascade option(s): 'delete-orphans', 'remove'");
    }

    @Test
    void refusesAnInvalidPassiveDeletes() {
        refusedOnceAt(songs("{target: Song, back_populates: artist, passive_deletes: some}"), 14, "some",
                "expected true, false or all for 'passive_deletes'", "the string 'some'");
    }

    @Test
    void refusesAnUnknownLazyStrategy() {
        refusedOnceAt(songs("{target: Song, back_populates: artist, lazy: eager}"), 14, "eager",
                "unknown lazy loader strategy 'eager'", "select, immediate, joined, subquery, selectin");
    }

    @Test
    void refusesAnUnknownSecondaryTable() {
        refusedOnceAt(songs("{target: Song, secondary: artist_song}"), 14, "artist_song",
                "'secondary' of relationship Artist.songs names unknown table 'artist_song'");
    }

    @Test
    void refusesAnOrderByOnAnUnknownColumn() {
        refusedOnceAt(songs("{target: Song, back_populates: artist, order_by: song.title}"), 14, "song.title",
                "'order_by' of relationship Artist.songs names unknown column 'song.title'", "'id', 'artist_id'");
    }

    @Test
    void refusesForeignKeysOnAnUnknownTable() {
        refusedOnceAt(songs("{target: Song, back_populates: artist, foreign_keys: [songs.artist_id]}"), 14, "[songs",
                "'foreign_keys' of relationship Artist.songs names unknown table 'songs'");
    }

    @Test
    void refusesRemoteSideOnAnUnknownColumn() {
        refusedOnceAt(songs("{target: Song, back_populates: artist, remote_side: artist.pk}"), 14, "artist.pk",
                "'remote_side' of relationship Artist.songs names unknown column 'artist.pk'");
    }

    @Test
    void refusesBackPopulatesNamingAMissingRelationship() {
        String text = songs("{target: Song, back_populates: singer}");
        Refusals.hasProblem(text, 14, Refusals.column(text, 14, "singer"),
                "Mapper 'Mapper[Song(song)]' has no property 'singer'", "its relationships are 'artist'");
    }

    @Test
    void refusesBackPopulatesNamingARelationshipThatDoesNotPointBack() {
        // a second class on the artist table (allowed), and Song.band points at it, not at Artist
        String text = BASE.replace("      artist: {target: Artist, back_populates: songs}",
                "      artist: {target: Artist, back_populates: songs}\n      band: {target: Band}\n  Band:\n    table: artist")
                .replace("songs: {target: Song, back_populates: artist}", "songs: {target: Song, back_populates: band}");
        Refusals.hasProblem(text, 14, Refusals.column(text, 14, "band}"), "reverse_property 'band' on relationship Artist.songs references "
                + "relationship Song.band, which does not reference mapper Mapper[Artist(artist)]");
    }

    @Test
    void refusesBackPopulatesWhoseCounterpartNamesAnotherRelationship() {
        String text = BASE.replace("      artist: {target: Artist, back_populates: songs}",
                "      artist: {target: Artist, back_populates: songs}\n      singer: {target: Artist, back_populates: songs}");
        refusedOnceAt(text, 19, "songs}", "relationship Song.singer back_populates Artist.songs, but Artist.songs back_populates "
                + "'artist'");
    }

    @Test
    void refusesARelationshipBetweenTablesWithoutForeignKeysAsSqlAlchemyDoes() {
        refusedOnce(TWO_TABLES.formatted("artist_id: {type: integer}", "{target: Song}"), 13, 7,
                "Could not determine join condition between parent/child tables on relationship Artist.songs - there "
                        + "are no foreign keys linking these tables.  Ensure that referencing columns are associated "
                        + "with a ForeignKey or ForeignKeyConstraint, or specify a 'primaryjoin' expression.");
    }

    @Test
    void refusesSeveralForeignKeyPathsWithoutForeignKeys() {
        String text = TWO_TABLES.formatted("writer_id: {foreign_key: artist.id}\n      singer_id: {foreign_key: artist.id}",
                "{target: Song}");
        refusedOnce(text, 14, 7, "Could not determine join condition between parent/child tables on relationship "
                + "Artist.songs - there are multiple foreign key paths linking the tables.  Specify the 'foreign_keys' "
                + "argument, providing a list of those columns which should be counted as containing a foreign key "
                + "reference to the parent table.");
    }

    @Test
    void acceptsSeveralForeignKeyPathsWhenForeignKeysPicksOne() throws ScenarioException {
        String text = TWO_TABLES.formatted("writer_id: {foreign_key: artist.id}\n      singer_id: {foreign_key: artist.id}",
                "{target: Song, foreign_keys: song.singer_id}");
        Scenario s = ScenarioFiles.parse(text, "t.yaml");
        assertEquals(List.of("song.singer_id"), s.mappedClass("Artist").relationship("songs").foreignKeys());
    }

    @Test
    void refusesASelfReferentialRelationshipWithSeveralPaths() {
        refusedOnce("""
                tables:
                  node:
                    columns:
                      id: {type: integer, primary_key: true}
                      parent_id: {foreign_key: node.id}
                      next_id: {foreign_key: node.id}
                classes:
                  Node:
                    table: node
                    relationships:
                      children: {target: Node}
                """, 11, 7, "relationship Node.children - there are multiple foreign key paths linking the tables");
    }

    @Test
    void refusesASecondaryTableWithoutKeysToBothSides() {
        String text = """
                tables:
                  post:
                    columns:
                      id: {type: integer, primary_key: true}
                  tag:
                    columns:
                      id: {type: integer, primary_key: true}
                  post_tag:
                    columns:
                      post_id: {foreign_key: post.id, primary_key: true}
                      tag_id: {primary_key: true}
                classes:
                  Post:
                    table: post
                    relationships:
                      tags: {target: Tag, secondary: post_tag}
                  Tag:
                    table: tag
                """;
        // SQLAlchemy adds "via secondary table 'post_tag'" here; MappingResolver does not say it yet
        refusedOnce(text, 16, 7, "relationship Post.tags - there are no foreign keys linking these tables");
    }

    @Test
    void refusesTwoManyToOneSidesThatBackPopulateEachOther() {
        String text = BASE.replace("songs: {target: Song, back_populates: artist}",
                "songs: {target: Song, back_populates: artist, uselist: true}");
        // direction is derived from keys, not uselist: Artist.songs stays one-to-many, so this is valid
        Assertions.assertDoesNotThrow(() -> ScenarioFiles.parse(text, "ok.yaml"));
        String selfRef = """
                tables:
                  node:
                    columns:
                      id: {type: integer, primary_key: true}
                      parent_id: {foreign_key: node.id}
                classes:
                  Node:
                    table: node
                    relationships:
                      parent: {target: Node, remote_side: node.id, back_populates: child}
                      child: {target: Node, remote_side: node.id, back_populates: parent}
                """;
        refusedOnceAt(selfRef, 10, "child}", "Node.child and back-reference Node.parent are both of the same direction "
                + "symbol('MANYTOONE').  Did you mean to set remote_side on the many-to-one side ?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{cascade: all}", "{target: null}", "{target: [Song]}",
            "{target: 5}", "{target: {a: 1}}", "{target: null, back_populates: artist, uselist: maybe}"})
    void aRelationshipWithoutAStringTargetIsRefusedWhereItIsWritten(String relationship) {
        // Once "internal error: java.lang.NullPointerException: target", with no position.
        String text = songs(relationship);
        List<Problem> problems = Refusals.problems(text);
        Problem first = problems.get(0);
        assertEquals(14, first.line(), first::toString);
        Assertions.assertTrue(first.message().contains("'target'")
                || first.message().contains("needs 'target'"), first::toString);
    }
}
