package dev.cascadeviz.orm;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code path_registry.PathRegistry}: the chain of mappers and relationships a load went
 * through, {@code [Artist, Artist.songs, Song, Song.tags, ...]}. Eager loads consult it for
 * SQLAlchemy's recursion guard: an eager load whose target mapper is already on the path is
 * not applied ({@link #containsMapper}).
 */
record LoadPath(List<Object> entries) {

    static final LoadPath ROOT = new LoadPath(List.of());

    LoadPath plus(Mapper mapper) {
        return append(mapper);
    }

    LoadPath plus(RelProp prop) {
        return append(prop);
    }

    private LoadPath append(Object entry) {
        List<Object> out = new ArrayList<>(entries);
        out.add(entry);
        return new LoadPath(List.copyOf(out));
    }

    /** {@code PathRegistry.contains_mapper}: one of the path's mappers is this one. */
    boolean containsMapper(Mapper mapper) {
        for (Object e : entries) {
            if (e == mapper) {
                return true;
            }
        }
        return false;
    }

    /** The lazy load of {@code prop}'s path: {@code state.mapper._path_registry[prop]}. */
    static LoadPath of(Mapper mapper, RelProp prop) {
        return new LoadPath(List.of(mapper, prop));
    }
}
