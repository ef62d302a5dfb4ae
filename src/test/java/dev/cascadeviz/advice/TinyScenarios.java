package dev.cascadeviz.advice;

import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.ScenarioException;
import dev.cascadeviz.scenario.ScenarioFiles;

/** Small scenario files written inline: artists and songs, posts and tags, orders and lines. */
public final class TinyScenarios {

    private TinyScenarios() {
    }

    public static Scenario parse(String yaml) {
        try {
            return ScenarioFiles.parse(yaml, "tiny.yaml");
        } catch (ScenarioException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }

    /**
     * Artist(1) with songs 1-2, Artist(2) with song 3.
     *
     * @param songs options of Artist.songs, e.g. {@code "cascade: 'all, delete'"}
     * @param fk options of song.artist_id besides foreign_key, e.g. {@code "ondelete: CASCADE"}
     * @param artist options of Song.artist
     * @param database e.g. {@code "engine: h2"}
     * @param steps steps as YAML list items
     */
    public static Scenario artists(String songs, String fk, String artist, String database, String... steps) {
        return parse("""
                format: 1
                database: {%s}
                tables:
                  artist:
                    columns:
                      id: {type: integer, primary_key: true}
                      name: {type: string, length: 50}
                  song:
                    columns:
                      id: {type: integer, primary_key: true}
                      artist_id: {type: integer, foreign_key: artist.id%s}
                      title: {type: string, length: 50}
                classes:
                  Artist:
                    table: artist
                    relationships:
                      songs: {target: Song, back_populates: artist%s}
                  Song:
                    table: song
                    relationships:
                      artist: {target: Artist, back_populates: songs%s}
                rows:
                  artist:
                    - {id: 1, name: Nirvana}
                    - {id: 2, name: Hole}
                  song:
                    - {id: 1, artist_id: 1, title: Lithium}
                    - {id: 2, artist_id: 1, title: Polly}
                    - {id: 3, artist_id: 2, title: Violet}
                steps:
                %s
                """.formatted(database, prefixed(fk), prefixed(songs), prefixed(artist), steps(steps)));
    }

    /** Artists on H2 with the given settings, deleting Artist(1) and committing. */
    public static Scenario deleteArtist(String songs, String fk) {
        return artists(songs, fk, "", "engine: h2", "delete: Artist(1)", "commit");
    }

    /**
     * Post(1) tagged 1 and 2, Post(2) tagged 2, through post_tag.
     *
     * @param tags options of Post.tags (besides target and secondary)
     * @param posts options of Tag.posts
     */
    public static Scenario posts(String tags, String posts, String fk, String... steps) {
        return parse("""
                format: 1
                database: {engine: h2}
                tables:
                  post:
                    columns:
                      id: {type: integer, primary_key: true}
                  tag:
                    columns:
                      id: {type: integer, primary_key: true}
                  post_tag:
                    columns:
                      post_id: {type: integer, primary_key: true, foreign_key: post.id%s}
                      tag_id: {type: integer, primary_key: true, foreign_key: tag.id%s}
                classes:
                  Post:
                    table: post
                    relationships:
                      tags: {target: Tag, secondary: post_tag%s}
                  Tag:
                    table: tag
                    relationships:
                      posts: {target: Post, secondary: post_tag%s}
                rows:
                  post: [{id: 1}, {id: 2}]
                  tag: [{id: 1}, {id: 2}]
                  post_tag:
                    - {post_id: 1, tag_id: 1}
                    - {post_id: 1, tag_id: 2}
                    - {post_id: 2, tag_id: 2}
                steps:
                %s
                """.formatted(prefixed(fk), prefixed(fk), prefixed(tags), prefixed(posts), steps(steps)));
    }

    /** Order(1) with lines (1, 1) and (1, 2); the line's order_id is part of its primary key. */
    public static Scenario orderLines(String lines, String... steps) {
        return parse("""
                format: 1
                database: {engine: h2}
                tables:
                  orders:
                    columns:
                      id: {type: integer, primary_key: true}
                  line:
                    columns:
                      order_id: {type: integer, primary_key: true, foreign_key: orders.id}
                      number: {type: integer, primary_key: true}
                classes:
                  Order:
                    table: orders
                    relationships:
                      lines: {target: Line%s}
                  Line:
                    table: line
                    relationships: {}
                rows:
                  orders: [{id: 1}]
                  line:
                    - {order_id: 1, number: 1}
                    - {order_id: 1, number: 2}
                steps:
                %s
                """.formatted(prefixed(lines), steps(steps)));
    }

    private static String prefixed(String options) {
        return options == null || options.isBlank() ? "" : ", " + options;
    }

    private static String steps(String... steps) {
        StringBuilder b = new StringBuilder();
        for (String s : steps) {
            b.append("  - ").append(s).append('\n');
        }
        return b.length() == 0 ? "  []" : b.toString();
    }
}
