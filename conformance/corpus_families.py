"""The generated scenario families of the conformance corpus.

Each family function yields (name, scenario dict). Settings are crossed with
corpus_build.covering: the family's key settings fully, everything else pairwise.
"""
from corpus_build import (cascade_slug, cascade_words, col, covering, fk, ondelete_slug,
                          ondelete_words, passive_words, pk, rel, scenario)

CASCADES = [None, "all, delete", "all, delete-orphan", "delete", "save-update", "none"]
PASSIVES = [False, True, "all"]
ONDELETES = [None, "CASCADE", "SET NULL", "RESTRICT"]


def _has_delete(cascade):
    return cascade is not None and ("delete" in cascade.replace("delete-orphan", "")
                                    or "all" in cascade)


def _config_error_only(c):
    """passive_deletes='all' with a delete cascade fails when mappers configure: one file of it
    per cascade is enough, the other settings cannot matter."""
    if c.get("passive") == "all" and _has_delete(c.get("cascade")):
        return all(not c.get(k) for k in ("ondelete", "loaded", "back"))
    return True


def _flags(loaded, back):
    return ("loaded" if loaded else "unloaded") + ("_back" if back else "")


def _flag_words(loaded, back, what="collection"):
    return "%s %s, %s back_populates" % (what, "loaded" if loaded else "not loaded",
                                         "with" if back else "without")


# ---------------------------------------------------------------- artist / song

def _artist_song(cascade, passive, ondelete, nullable, back, songs_extra=None, song_rel=None,
                 foreign_keys=True):
    tables = {
        "artist": {"columns": {"id": pk(), "name": col(length=50, nullable=False)}},
        "song": {"columns": {"id": pk(), "artist_id": fk("artist.id", ondelete, nullable),
                             "title": col(length=100)}},
    }
    songs = rel("Song", cascade, passive, "artist" if back else None, **(songs_extra or {}))
    classes = {"Artist": {"table": "artist", "relationships": {"songs": songs}},
               "Song": {"table": "song"}}
    if back:
        classes["Song"]["relationships"] = {"artist": rel("Artist", back="songs")}
    elif song_rel:
        classes["Song"]["relationships"] = {"artist": song_rel}
    rows = {"artist": [{"id": 1, "name": "Nirvana"}, {"id": 2, "name": "Hole"},
                       {"id": 3, "name": "Pixies"}],
            "song": [{"id": 1, "artist_id": 1, "title": "Lithium"},
                     {"id": 2, "artist_id": 1, "title": "Breed"},
                     {"id": 3, "artist_id": 2, "title": "Celebrity Skin"}]}
    return tables, classes, rows


def one_to_many():
    dims = [("cascade", CASCADES), ("passive", PASSIVES), ("ondelete", ONDELETES),
            ("nullable", [True, False]), ("loaded", [False, True]), ("back", [False, True])]
    for c in covering(dims, core=("cascade", "passive"), allowed=_config_error_only):
        tables, classes, rows = _artist_song(c["cascade"], c["passive"], c["ondelete"],
                                             c["nullable"], c["back"])
        steps = (["load: Artist(1).songs"] if c["loaded"] else []) + ["delete: Artist(1)", "commit"]
        steps = [_step(s) for s in steps]
        name = "_".join([cascade_slug(c["cascade"]), passive_slug(c["passive"]),
                         ondelete_slug(c["ondelete"]), "null" if c["nullable"] else "notnull",
                         _flags(c["loaded"], c["back"])])
        title = "One-to-many, delete the parent: %s, %s, %s, %s FK, %s" % (
            cascade_words(c["cascade"]), passive_words(c["passive"]), ondelete_words(c["ondelete"]),
            "nullable" if c["nullable"] else "NOT NULL", _flag_words(c["loaded"], c["back"]))
        yield name, scenario(title, "Artist.songs; Artist(1) has two songs, Artist(2) one.",
                             tables, classes, rows, steps)


def passive_slug(value):
    return {False: "pdfalse", True: "pdtrue", "all": "pdall"}[value]


def _step(text):
    """`delete: Artist(1)` as {"delete": "Artist(1)"}; plain words stay strings."""
    if ": " in text:
        kind, arg = text.split(": ", 1)
        return {kind: arg}
    return text


def many_to_one():
    cascades = [None, "all", "all, delete", "delete", "save-update", "all, delete-orphan",
                "all, delete-orphan+single_parent"]
    dims = [("cascade", cascades), ("target", [1, 3]), ("ondelete", ONDELETES),
            ("back", [False, True]), ("loaded", [False, True]), ("nullable", [True, False])]
    for c in covering(dims, core=("cascade",)):
        cascade, single = c["cascade"], None
        if cascade and cascade.endswith("+single_parent"):
            cascade, single = cascade.split("+")[0], True
        song_rel = rel("Artist", cascade, back="songs" if c["back"] else None, single_parent=single)
        tables, classes, rows = _artist_song(None, False, c["ondelete"], c["nullable"], False)
        classes["Song"]["relationships"] = {"artist": song_rel}
        if c["back"]:
            classes["Artist"]["relationships"]["songs"]["back_populates"] = "artist"
        else:
            del classes["Artist"]["relationships"]
        song = "Song(%d)" % c["target"]
        steps = ([{"load": song + ".artist"}] if c["loaded"] else []) + [{"delete": song}, "commit"]
        name = "_".join([cascade_slug(c["cascade"]).replace("+", "-"), "song%d" % c["target"],
                         ondelete_slug(c["ondelete"]), "null" if c["nullable"] else "notnull",
                         _flags(c["loaded"], c["back"])])
        title = "Many-to-one, delete the child %s: Song.artist with %s%s, %s, %s FK, %s" % (
            song, cascade_words(cascade), ", single_parent=True" if single else "",
            ondelete_words(c["ondelete"]), "nullable" if c["nullable"] else "NOT NULL",
            _flag_words(c["loaded"], c["back"], "artist"))
        notes = "Song(1) has a sibling (Song(2), same artist); Song(3) is its artist's only song."
        yield name, scenario(title, notes, tables, classes, rows, steps)


def one_to_one():
    dims = [("cascade", [None, "all, delete", "all, delete-orphan", "save-update"]),
            ("passive", PASSIVES), ("ondelete", ONDELETES), ("nullable", [True, False]),
            ("loaded", [False, True]), ("back", [False, True])]
    for c in covering(dims, core=("cascade",), allowed=_config_error_only):
        tables = {
            "person": {"columns": {"id": pk(), "name": col(length=50)}},
            "passport": {"columns": {"id": pk(), "person_id": fk("person.id", c["ondelete"],
                                                                 c["nullable"], unique=True),
                                     "number": col(length=20)}},
        }
        classes = {"Person": {"table": "person", "relationships": {"passport": rel(
            "Passport", c["cascade"], c["passive"], "person" if c["back"] else None, uselist=False)}},
            "Passport": {"table": "passport"}}
        if c["back"]:
            classes["Passport"]["relationships"] = {"person": rel("Person", back="passport")}
        rows = {"person": [{"id": 1, "name": "Ada"}, {"id": 2, "name": "Grace"}],
                "passport": [{"id": 10, "person_id": 1, "number": "A-1"},
                             {"id": 20, "person_id": 2, "number": "G-2"}]}
        steps = ([{"load": "Person(1).passport"}] if c["loaded"] else []) + [{"delete": "Person(1)"}, "commit"]
        name = "_".join([cascade_slug(c["cascade"]), passive_slug(c["passive"]),
                         ondelete_slug(c["ondelete"]), "null" if c["nullable"] else "notnull",
                         _flags(c["loaded"], c["back"])])
        title = "One-to-one (uselist=False), delete the parent: %s, %s, %s, %s FK, %s" % (
            cascade_words(c["cascade"]), passive_words(c["passive"]), ondelete_words(c["ondelete"]),
            "nullable" if c["nullable"] else "NOT NULL", _flag_words(c["loaded"], c["back"], "passport"))
        yield name, scenario(title, "Person.passport; each person has one passport.",
                             tables, classes, rows, steps)


def orphans():
    """Remove a song from its artist's collection, or set its artist to None or another artist."""
    actions = {
        "remove": {"remove": {"item": "Song(2)", "from": "Artist(1).songs"}},
        "setnone": {"set": {"attr": "Song(2).artist", "value": None}},
        "move": {"set": {"attr": "Song(2).artist", "value": "Artist(2)"}},
    }
    dims = [("action", list(actions)),
            ("cascade", [None, "all, delete-orphan", "all, delete", "save-update, delete-orphan",
                         "delete, delete-orphan"]),
            ("nullable", [True, False]), ("link", ["back", "separate"]),
            ("flush", ["commit", "flush"])]
    for c in covering(dims, core=("action", "cascade")):
        back = c["link"] == "back"
        song_rel = None if back or c["action"] == "remove" else rel("Artist")
        tables, classes, rows = _artist_song(c["cascade"], False, None, c["nullable"], back,
                                             song_rel=song_rel)
        steps = [actions[c["action"]], c["flush"]] + (["commit"] if c["flush"] == "flush" else [])
        name = "_".join([c["action"], cascade_slug(c["cascade"]),
                         "null" if c["nullable"] else "notnull", c["link"], c["flush"]])
        what = {"remove": "remove Song(2) from Artist(1).songs",
                "setnone": "set Song(2).artist to None",
                "move": "move Song(2) to Artist(2)"}[c["action"]]
        title = "Orphans: %s, Artist.songs with %s, %s FK, %s, then %s" % (
            what, cascade_words(c["cascade"]), "nullable" if c["nullable"] else "NOT NULL",
            "back_populates both ways" if back else
            ("Song.artist without back_populates" if c["action"] != "remove" else "no Song.artist"),
            "flush and commit" if c["flush"] == "flush" else "commit")
        yield name, scenario(title, "Song(2) belongs to Artist(1), which has Song(1) too.",
                             tables, classes, rows, steps)


INTERLEAVINGS = {
    "flush-get": (["delete: Artist(1)", "flush", "get: Artist(1)", "commit"],
                  "delete, flush, get the deleted artist, commit"),
    "get-before-flush": (["delete: Artist(1)", "get: Artist(1)", "commit"],
                         "delete, get it again before any flush, commit"),
    "flush-rollback-load": (["delete: Artist(1)", "flush", "rollback", "load: Artist(1).songs"],
                            "delete, flush, rollback, load the collection again"),
    "expunge-child": (["load: Artist(1).songs", "expunge: Song(1)", "delete: Artist(1)", "commit"],
                      "load the collection, expunge one song, delete the artist, commit"),
    "expunge-parent": (["get: Artist(1)", "expunge: Artist(1)", "delete: Artist(1)", "commit"],
                       "get the artist, expunge it, delete it (loaded afresh), commit"),
    "child-first": (["delete: Song(1)", "flush", "delete: Artist(1)", "commit"],
                    "delete one song, flush, delete the artist, commit"),
    "delete-twice": (["delete: Artist(1)", "flush", "delete: Artist(1)", "commit"],
                     "delete, flush, delete the same artist again, commit"),
    "rollback-commit": (["delete: Artist(1)", "rollback", "commit"],
                        "delete, rollback, commit"),
    "no-commit": (["delete: Artist(1)", "flush"], "delete and flush, never commit"),
    "remove-then-delete": (["remove: {item: Song(1), from: Artist(1).songs}", "flush",
                            "delete: Artist(1)", "commit"],
                           "remove a song from the collection, flush, delete the artist, commit"),
    "two-parents": (["delete: Artist(1)", "flush", "delete: Artist(2)", "commit"],
                    "delete one artist, flush, delete another, commit"),
    "commit-then-get": (["delete: Artist(1)", "commit", "get: Artist(1)", "get: Song(1)"],
                        "delete, commit, then get the artist and a song"),
}


def _parse_step(text):
    if text.startswith("remove: "):
        item, parent = text[len("remove: {item: "):-1].split(", from: ")
        return {"remove": {"item": item, "from": parent}}
    return _step(text)


def interleaved():
    dims = [("pattern", list(INTERLEAVINGS)), ("cascade", [None, "all, delete", "all, delete-orphan"]),
            ("passive", [False, True]), ("ondelete", [None, "CASCADE"])]
    for c in covering(dims, core=("pattern",)):
        tables, classes, rows = _artist_song(c["cascade"], c["passive"], c["ondelete"], True, True)
        texts, words = INTERLEAVINGS[c["pattern"]]
        steps = [_parse_step(t) for t in texts]
        name = "_".join([c["pattern"], cascade_slug(c["cascade"]), passive_slug(c["passive"]),
                         ondelete_slug(c["ondelete"])])
        title = "Interleaved steps: %s; %s, %s, %s" % (
            words, cascade_words(c["cascade"]), passive_words(c["passive"]),
            ondelete_words(c["ondelete"]))
        yield name, scenario(title, "Artist.songs with back_populates; Artist(1) has two songs.",
                             tables, classes, rows, steps)


def foreign_keys_off():
    """SQLite with PRAGMA foreign_keys=OFF: ON DELETE rules do nothing, nothing is refused."""
    dims = [("cascade", [None, "all, delete"]), ("passive", [False, True]),
            ("ondelete", [None, "CASCADE", "RESTRICT"]), ("nullable", [True, False])]
    for c in covering(dims, core=("cascade", "passive")):
        tables, classes, rows = _artist_song(c["cascade"], c["passive"], c["ondelete"],
                                             c["nullable"], True)
        steps = [{"delete": "Artist(1)"}, "commit"]
        name = "_".join([cascade_slug(c["cascade"]), passive_slug(c["passive"]),
                         ondelete_slug(c["ondelete"]), "null" if c["nullable"] else "notnull"])
        title = "Foreign keys off (SQLite): %s, %s, %s, %s FK" % (
            cascade_words(c["cascade"]), passive_words(c["passive"]), ondelete_words(c["ondelete"]),
            "nullable" if c["nullable"] else "NOT NULL")
        yield name, scenario(title, "PRAGMA foreign_keys=OFF: the database enforces nothing.",
                             tables, classes, rows, steps, foreign_keys=False)


RELATIONSHIP_OPTIONS = {
    "lazy-joined": {"lazy": "joined"},
    "lazy-selectin": {"lazy": "selectin"},
    "lazy-subquery": {"lazy": "subquery"},
    "lazy-noload": {"lazy": "noload"},
    "lazy-raise": {"lazy": "raise"},
    "lazy-dynamic": {"lazy": "dynamic"},
    "viewonly": {"viewonly": True},
    "order_by": {"order_by": "song.title"},
    "single_parent": {"single_parent": True},
}


def relationship_options():
    """Other relationship() options on Artist.songs, crossed with the delete cascades."""
    dims = [("option", list(RELATIONSHIP_OPTIONS)),
            ("cascade", [None, "all, delete", "all, delete-orphan"]), ("loaded", [False, True])]
    for c in covering(dims, core=("option", "cascade")):
        extra = RELATIONSHIP_OPTIONS[c["option"]]
        tables, classes, rows = _artist_song(c["cascade"], False, None, True, False, songs_extra=extra)
        steps = ([{"load": "Artist(1).songs"}] if c["loaded"] else []) + [{"delete": "Artist(1)"}, "commit"]
        name = "_".join([c["option"], cascade_slug(c["cascade"]), "loaded" if c["loaded"] else "unloaded"])
        option = ", ".join("%s=%r" % kv for kv in extra.items())
        title = "Option %s on Artist.songs, delete the artist: %s, collection %s" % (
            option, cascade_words(c["cascade"]), "loaded first" if c["loaded"] else "not loaded")
        yield name, scenario(title, "Artist(1) has two songs.", tables, classes, rows, steps)
