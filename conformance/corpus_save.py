"""The save-path families of the conformance corpus: new objects added and cascaded into the
session, keys changed, merge, refresh/expire and expunge, for each relationship shape.

Each family function yields (name, scenario dict), crossing its key settings with
corpus_build.covering like the delete-path families in corpus_families.py.
"""
from corpus_build import cascade_slug, cascade_words, col, covering, fk, pk, rel, scenario

SAVE_CASCADES = [None, "all", "all, delete-orphan", "merge", "none"]


def _artist_song(cascade, back, nullable=True, onupdate=None, passive_updates=None, song_cascade=None):
    song_fk = fk("artist.id", None, nullable)
    if onupdate:
        song_fk["onupdate"] = onupdate
    tables = {
        "artist": {"columns": {"id": pk(), "name": col(length=50)}},
        "song": {"columns": {"id": pk(), "artist_id": song_fk, "title": col(length=100)}},
    }
    songs = rel("Song", cascade, False, "artist" if back else None, passive_updates=passive_updates)
    classes = {"Artist": {"table": "artist", "relationships": {"songs": songs}},
               "Song": {"table": "song"}}
    if back:
        classes["Song"]["relationships"] = {"artist": rel("Artist", song_cascade, back="songs")}
    rows = {"artist": [{"id": 1, "name": "Nirvana"}, {"id": 2, "name": "Hole"}],
            "song": [{"id": 1, "artist_id": 1, "title": "Lithium"},
                     {"id": 2, "artist_id": 1, "title": "Breed"}]}
    return tables, classes, rows


def _song_values(i, keys):
    values = {"title": "new %d" % i}
    if keys == "given":
        values = {"id": 10 + i, "title": "new %d" % i}
    return values


def _one_to_many_steps(how, keys, back):
    new_songs = [{"new": {"as": "s%d" % i, "class": "Song", "values": _song_values(i, keys)}} for i in (1, 2)]
    if how == "add_parent":
        return ([{"new": {"as": "a", "class": "Artist", "values": {"name": "Pixies"}}}] + new_songs
                + [{"append": {"item": "s1", "to": "a.songs"}}, {"append": {"item": "s2", "to": "a.songs"}},
                   {"add": "a"}, "commit"])
    if how == "add_child":
        link = ([{"set": {"attr": "s1.artist", "value": "a"}}, {"set": {"attr": "s2.artist", "value": "a"}}]
                if back else [{"append": {"item": "s1", "to": "a.songs"}},
                              {"append": {"item": "s2", "to": "a.songs"}}])
        return ([{"new": {"as": "a", "class": "Artist", "values": {"name": "Pixies"}}}] + new_songs + link
                + [{"add": "s1"}, "commit"])
    if how == "append_persistent":
        return new_songs + [{"append": {"item": "s1", "to": "Artist(1).songs"}},
                            {"append": {"item": "s2", "to": "Artist(2).songs"}}, "commit"]
    if how == "assign_persistent":
        if back:
            return new_songs + [{"set": {"attr": "s1.artist", "value": "Artist(1)"}}, "commit"]
        values = dict(_song_values(1, keys), artist_id=1)
        return [{"new": {"as": "s1", "class": "Song", "values": values}}, {"add": "s1"}, "commit"]
    if how == "autoflush":
        return new_songs + [{"append": {"item": "s1", "to": "Artist(1).songs"}},
                            {"get": "Artist(2)"}, {"append": {"item": "s2", "to": "Artist(2).songs"}},
                            {"load": "Artist(2).songs"}, "rollback"]
    raise ValueError(how)


def save_one_to_many():
    dims = [("cascade", SAVE_CASCADES), ("back", [False, True]),
            ("how", ["add_parent", "add_child", "append_persistent", "assign_persistent", "autoflush"]),
            ("keys", ["generated", "given"]), ("nullable", [True, False])]
    for c in covering(dims, core=("cascade", "how")):
        tables, classes, rows = _artist_song(c["cascade"], c["back"], c["nullable"])
        name = "%s_%s_%s_%s%s" % (cascade_slug(c["cascade"]), c["how"], c["keys"],
                                  "null" if c["nullable"] else "notnull", "_back" if c["back"] else "")
        title = "New songs (%s), Artist.songs with %s, %s back_populates: %s" % (
            c["keys"] + " keys", cascade_words(c["cascade"]), "with" if c["back"] else "without",
            c["how"].replace("_", " "))
        yield name, scenario(title, "Generated save-path case.", tables, classes, rows,
                             _one_to_many_steps(c["how"], c["keys"], c["back"]))


def save_key_change():
    dims = [("passive_updates", [True, False]), ("onupdate", [None, "CASCADE"]),
            ("loaded", [False, True]), ("back", [False, True]), ("nullable", [True, False])]
    for c in covering(dims, core=("passive_updates", "onupdate", "loaded")):
        tables, classes, rows = _artist_song(None, c["back"], c["nullable"], c["onupdate"],
                                             None if c["passive_updates"] else False)
        steps = ([{"load": "Artist(1).songs"}] if c["loaded"] else []) + [
            {"set": {"attr": "Artist(1).id", "value": 7}}, {"set": {"attr": "Artist(2).name", "value": "Hole!"}},
            "commit"]
        name = "pu%s_ou%s_%s_%s%s" % (str(c["passive_updates"]).lower(), (c["onupdate"] or "none").lower(),
                                       "loaded" if c["loaded"] else "unloaded",
                                       "null" if c["nullable"] else "notnull", "_back" if c["back"] else "")
        title = "Artist(1).id changed, passive_updates=%s, %s, songs %s" % (
            c["passive_updates"], "ON UPDATE CASCADE" if c["onupdate"] else "no ON UPDATE",
            "loaded" if c["loaded"] else "not loaded")
        yield name, scenario(title, "Generated save-path case.", tables, classes, rows, steps)


def save_many_to_one():
    dims = [("cascade", [None, "all", "none", "merge"]),
            ("how", ["new_to_new", "new_to_persistent", "persistent_to_new", "pending_artist"]),
            ("keys", ["generated", "given"])]
    for c in covering(dims, core=("cascade", "how")):
        tables = {
            "artist": {"columns": {"id": pk(), "name": col(length=50)}},
            "song": {"columns": {"id": pk(), "artist_id": fk("artist.id"), "title": col(length=100)}},
        }
        classes = {"Artist": {"table": "artist"},
                   "Song": {"table": "song", "relationships": {"artist": rel("Artist", c["cascade"])}}}
        rows = {"artist": [{"id": 1, "name": "Nirvana"}], "song": [{"id": 1, "artist_id": 1, "title": "Lithium"}]}
        avals = {"name": "Pixies"} if c["keys"] == "generated" else {"id": 5, "name": "Pixies"}
        new_a = {"new": {"as": "a", "class": "Artist", "values": avals}}
        new_s = {"new": {"as": "s", "class": "Song", "values": _song_values(1, c["keys"])}}
        how = c["how"]
        if how == "new_to_new":
            steps = [new_a, new_s, {"set": {"attr": "s.artist", "value": "a"}}, {"add": "s"}, "commit"]
        elif how == "new_to_persistent":
            steps = [new_s, {"set": {"attr": "s.artist", "value": "Artist(1)"}}, {"add": "s"}, "commit"]
        elif how == "persistent_to_new":
            steps = [new_a, {"set": {"attr": "Song(1).artist", "value": "a"}}, "commit"]
        else:
            steps = [new_a, {"add": "a"}, new_s, {"set": {"attr": "s.artist", "value": "a"}}, {"add": "s"},
                     {"set": {"attr": "a.name", "value": "renamed"}}, "commit"]
        name = "%s_%s_%s" % (cascade_slug(c["cascade"]), how, c["keys"])
        title = "Song.artist with %s: %s (%s keys)" % (cascade_words(c["cascade"]), how.replace("_", " "), c["keys"])
        yield name, scenario(title, "Generated save-path case.", tables, classes, rows, steps)


def save_many_to_many():
    dims = [("cascade", [None, "all", "none"]), ("back", [False, True]),
            ("how", ["new_tags", "new_post", "existing_tag", "swap"])]
    for c in covering(dims, core=("cascade", "how")):
        tables = {
            "post": {"columns": {"id": pk(), "title": col(length=50)}},
            "tag": {"columns": {"id": pk(), "name": col(length=20)}},
            "post_tag": {"columns": {"post_id": fk("post.id", primary_key=True),
                                     "tag_id": fk("tag.id", primary_key=True)}},
        }
        tags = rel("Tag", c["cascade"], False, "posts" if c["back"] else None, secondary="post_tag")
        classes = {"Post": {"table": "post", "relationships": {"tags": tags}}, "Tag": {"table": "tag"}}
        if c["back"]:
            classes["Tag"]["relationships"] = {"posts": rel("Post", back="tags", secondary="post_tag")}
        rows = {"post": [{"id": 1, "title": "hello"}], "tag": [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}],
                "post_tag": [{"post_id": 1, "tag_id": 1}]}
        new_t = [{"new": {"as": "t%d" % i, "class": "Tag", "values": {"name": "n%d" % i}}} for i in (1, 2)]
        how = c["how"]
        if how == "new_tags":
            steps = new_t + [{"append": {"item": "t1", "to": "Post(1).tags"}},
                             {"append": {"item": "t2", "to": "Post(1).tags"}}, "commit"]
        elif how == "new_post":
            steps = [{"new": {"as": "p", "class": "Post", "values": {"title": "new"}}}] + new_t + [
                {"append": {"item": "t1", "to": "p.tags"}}, {"append": {"item": "Tag(2)", "to": "p.tags"}},
                {"add": "p"}, "commit"]
        elif how == "existing_tag":
            steps = [{"append": {"item": "Tag(2)", "to": "Post(1).tags"}}, "commit"]
        else:
            steps = [{"remove": {"item": "Tag(1)", "from": "Post(1).tags"}},
                     {"append": {"item": "Tag(2)", "to": "Post(1).tags"}}, "commit"]
        name = "%s_%s%s" % (cascade_slug(c["cascade"]), how, "_back" if c["back"] else "")
        title = "Post.tags (many-to-many) with %s: %s" % (cascade_words(c["cascade"]), how.replace("_", " "))
        yield name, scenario(title, "Generated save-path case.", tables, classes, rows, steps)


def save_merge():
    dims = [("cascade", [None, "all", "save-update", "none"]), ("back", [False, True]),
            ("how", ["detached_changed", "transient_existing", "transient_new", "transient_with_child"])]
    for c in covering(dims, core=("cascade", "how")):
        tables, classes, rows = _artist_song(c["cascade"], c["back"])
        how = c["how"]
        if how == "detached_changed":
            steps = [{"get": {"ref": "Artist(1)", "as": "a"}}, {"load": "a.songs"}, "close",
                     {"set": {"attr": "a.name", "value": "changed"}}, {"merge": {"object": "a", "as": "m"}},
                     "commit"]
        elif how == "transient_existing":
            steps = [{"new": {"as": "a", "class": "Artist", "values": {"id": 2, "name": "Hole!"}}},
                     {"merge": {"object": "a", "as": "m"}}, "commit"]
        elif how == "transient_new":
            steps = [{"new": {"as": "a", "class": "Artist", "values": {"id": 9, "name": "Pixies"}}},
                     {"merge": {"object": "a", "as": "m"}}, "commit"]
        else:
            steps = [{"new": {"as": "a", "class": "Artist", "values": {"id": 1, "name": "Nirvana"}}},
                     {"new": {"as": "s", "class": "Song", "values": {"id": 3, "title": "Polly"}}},
                     {"append": {"item": "s", "to": "a.songs"}}, {"merge": {"object": "a", "as": "m"}}, "commit"]
        name = "%s_%s%s" % (cascade_slug(c["cascade"]), how, "_back" if c["back"] else "")
        title = "session.merge() with Artist.songs %s: %s" % (cascade_words(c["cascade"]), how.replace("_", " "))
        yield name, scenario(title, "Generated save-path case.", tables, classes, rows, steps)


def save_refresh_expunge():
    dims = [("cascade", [None, "all", "save-update, merge, refresh-expire", "save-update, merge, expunge"]),
            ("how", ["refresh_changed", "expire_then_get", "expire_all_load", "refresh_pending", "expunge_then_change",
                     "expunge_pending", "close_then_set"]),
            ("back", [False, True])]
    for c in covering(dims, core=("cascade", "how")):
        tables, classes, rows = _artist_song(c["cascade"], c["back"])
        how = c["how"]
        head = [{"get": {"ref": "Artist(1)", "as": "a"}}, {"load": "a.songs"}]
        if how == "refresh_changed":
            steps = head + [{"set": {"attr": "Song(1).title", "value": "x"}}, {"set": {"attr": "a.name", "value": "y"}},
                            {"refresh": "a"}, {"get": "Song(1)"}, "commit"]
        elif how == "expire_then_get":
            steps = head + [{"set": {"attr": "Song(2).title", "value": "x"}}, {"expire": "a"}, {"get": "Song(2)"},
                            {"get": "Artist(1)"}, "commit"]
        elif how == "expire_all_load":
            steps = head + [{"set": {"attr": "a.name", "value": "y"}}, "expire_all", {"load": "a.songs"}, "commit"]
        elif how == "refresh_pending":
            steps = [{"new": {"as": "n", "class": "Artist", "values": {"name": "Pixies"}}}, {"add": "n"},
                     {"refresh": "n"}]
        elif how == "expunge_then_change":
            steps = head + [{"expunge": "a"}, {"set": {"attr": "Song(1).title", "value": "x"}},
                            {"set": {"attr": "a.name", "value": "y"}}, "commit"]
        elif how == "expunge_pending":
            steps = head + [{"new": {"as": "s", "class": "Song", "values": {"title": "Polly"}}},
                            {"append": {"item": "s", "to": "a.songs"}}, {"expunge": "a"}, "commit"]
        else:
            steps = head + ["close", {"set": {"attr": "a.name", "value": "y"}}, {"add": "a"}, "commit"]
        name = "%s_%s%s" % (cascade_slug(c["cascade"]), how, "_back" if c["back"] else "")
        title = "Artist.songs with %s: %s" % (cascade_words(c["cascade"]), how.replace("_", " "))
        yield name, scenario(title, "Generated save-path case.", tables, classes, rows, steps)


def save_tree():
    dims = [("cascade", [None, "all"]), ("back", [False, True]), ("keys", ["generated", "given"]),
            ("how", ["new_tree", "under_persistent"])]
    for c in covering(dims, core=("cascade", "how", "keys")):
        tables = {"node": {"columns": {"id": pk(), "parent_id": fk("node.id"), "name": col(length=20)}}}
        children = rel("Node", c["cascade"], False, "parent" if c["back"] else None)
        rels = {"children": children}
        if c["back"]:
            rels["parent"] = rel("Node", back="children", remote_side="node.id")
        classes = {"Node": {"table": "node", "relationships": rels}}
        rows = {"node": [{"id": 1, "parent_id": None, "name": "root"}]}

        def new(i):
            values = {"name": "n%d" % i}
            if c["keys"] == "given":
                values["id"] = 10 + i
            return {"new": {"as": "n%d" % i, "class": "Node", "values": values}}
        steps = [new(i) for i in (1, 2, 3, 4)] + [
            {"append": {"item": "n2", "to": "n1.children"}}, {"append": {"item": "n3", "to": "n1.children"}},
            {"append": {"item": "n4", "to": "n2.children"}}]
        if c["how"] == "new_tree":
            steps += [{"add": "n1"}, "commit"]
        else:
            steps += [{"append": {"item": "n1", "to": "Node(1).children"}}, "commit"]
        name = "%s_%s_%s%s" % (cascade_slug(c["cascade"]), c["how"], c["keys"], "_back" if c["back"] else "")
        title = "Self-referential Node.children with %s: %s (%s keys)" % (
            cascade_words(c["cascade"]), c["how"].replace("_", " "), c["keys"])
        yield name, scenario(title, "Generated save-path case.", tables, classes, rows, steps)


def save_orphans():
    """delete-orphan on the save side: pending objects removed again before the flush."""
    dims = [("cascade", ["all, delete-orphan", "save-update, delete-orphan", "all"]), ("back", [False, True]),
            ("how", ["remove_pending", "unset_pending", "move_pending", "remove_persistent"])]
    for c in covering(dims, core=("cascade", "how", "back")):
        if c["how"] == "unset_pending" and not c["back"]:
            continue
        tables, classes, rows = _artist_song(c["cascade"], c["back"])
        new = [{"new": {"as": "s%d" % i, "class": "Song", "values": {"title": "new %d" % i}}} for i in (1, 2)]
        how = c["how"]
        if how == "remove_pending":
            steps = new + [{"append": {"item": "s1", "to": "Artist(1).songs"}},
                           {"append": {"item": "s2", "to": "Artist(1).songs"}},
                           {"remove": {"item": "s1", "from": "Artist(1).songs"}}, "commit"]
        elif how == "unset_pending":
            steps = new + [{"set": {"attr": "s1.artist", "value": "Artist(1)"}},
                           {"append": {"item": "s2", "to": "Artist(1).songs"}},
                           {"set": {"attr": "s2.artist", "value": None}}, "commit"]
        elif how == "move_pending":
            steps = new + [{"append": {"item": "s1", "to": "Artist(1).songs"}},
                           {"remove": {"item": "s1", "from": "Artist(1).songs"}},
                           {"append": {"item": "s1", "to": "Artist(2).songs"}}, "commit"]
        else:
            steps = [{"remove": {"item": "Song(1)", "from": "Artist(1).songs"}},
                     {"append": {"item": "Song(1)", "to": "Artist(2).songs"}}] + new + [
                     {"append": {"item": "s1", "to": "Artist(2).songs"}}, "commit"]
        name = "%s_%s%s" % (cascade_slug(c["cascade"]), how, "_back" if c["back"] else "")
        title = "Artist.songs with %s: %s" % (cascade_words(c["cascade"]), how.replace("_", " "))
        yield name, scenario(title, "Generated save-path case.", tables, classes, rows, steps)


def save_composite_keys():
    """New rows whose primary key includes the parent's key (copied in by the flush)."""
    dims = [("cascade", [None, "all, delete-orphan"]), ("back", [False, True]),
            ("how", ["new_parent", "persistent_parent", "change_parent_key"]),
            ("passive_updates", [True, False])]
    for c in covering(dims, core=("cascade", "how")):
        tables = {
            "invoice": {"columns": {"id": pk(), "title": col(length=20)}},
            "line": {"columns": {"invoice_id": fk("invoice.id", primary_key=True, onupdate="CASCADE"),
                                 "no": pk(), "text": col(length=20)}},
        }
        lines = rel("Line", c["cascade"], False, "invoice" if c["back"] else None,
                    passive_updates=None if c["passive_updates"] else False)
        classes = {"Invoice": {"table": "invoice", "relationships": {"lines": lines}}, "Line": {"table": "line"}}
        if c["back"]:
            classes["Line"]["relationships"] = {"invoice": rel("Invoice", back="lines")}
        rows = {"invoice": [{"id": 1, "title": "first"}], "line": [{"invoice_id": 1, "no": 1, "text": "a"}]}
        new_lines = [{"new": {"as": "l%d" % i, "class": "Line", "values": {"no": 10 + i, "text": "n%d" % i}}}
                     for i in (1, 2)]
        how = c["how"]
        if how == "new_parent":
            steps = [{"new": {"as": "inv", "class": "Invoice", "values": {"title": "new"}}}] + new_lines + [
                {"append": {"item": "l1", "to": "inv.lines"}}, {"append": {"item": "l2", "to": "inv.lines"}},
                {"add": "inv"}, "commit"]
        elif how == "persistent_parent":
            steps = new_lines + [{"append": {"item": "l1", "to": "Invoice(1).lines"}},
                                 {"append": {"item": "l2", "to": "Invoice(1).lines"}}, "commit"]
        else:
            steps = [{"load": "Invoice(1).lines"}, {"set": {"attr": "Invoice(1).id", "value": 5}}, "commit"]
        name = "%s_%s_pu%s%s" % (cascade_slug(c["cascade"]), how, str(c["passive_updates"]).lower(),
                                 "_back" if c["back"] else "")
        title = "Invoice.lines (key includes invoice_id) with %s: %s" % (cascade_words(c["cascade"]),
                                                                        how.replace("_", " "))
        yield name, scenario(title, "Generated save-path case.", tables, classes, rows, steps)


def save_key_switch():
    """A referenced key changed under many-to-ones (DetectKeySwitch): with and without a partner."""
    dims = [("passive_updates", [True, False]), ("onupdate", [None, "CASCADE"]),
            ("songs_in_session", [False, True]), ("back", [None, "pu_true", "pu_false"])]
    for c in covering(dims, core=("passive_updates", "onupdate", "songs_in_session")):
        song_fk = fk("artist.id")
        if c["onupdate"]:
            song_fk["onupdate"] = c["onupdate"]
        tables = {"artist": {"columns": {"id": pk(), "name": col(length=20)}},
                  "song": {"columns": {"id": pk(), "artist_id": song_fk}}}
        artist_rel = rel("Artist", None, False, "songs" if c["back"] else None,
                         passive_updates=None if c["passive_updates"] else False)
        classes = {"Artist": {"table": "artist"}, "Song": {"table": "song", "relationships": {"artist": artist_rel}}}
        if c["back"]:
            classes["Artist"]["relationships"] = {"songs": rel("Song", None, False, "artist",
                                                               passive_updates=None if c["back"] == "pu_true"
                                                               else False)}
        rows = {"artist": [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}],
                "song": [{"id": 1, "artist_id": 1}, {"id": 2, "artist_id": 1}, {"id": 3, "artist_id": 2}]}
        steps = ([{"load": "Song(1).artist"}, {"get": "Song(2)"}, {"get": "Song(3)"}] if c["songs_in_session"] else []) \
            + [{"set": {"attr": "Artist(1).id", "value": 9}}, "commit"]
        name = "pu%s_ou%s_%s_%s" % (str(c["passive_updates"]).lower(), (c["onupdate"] or "none").lower(),
                                    "songs" if c["songs_in_session"] else "nosongs", c["back"] or "noback")
        title = "Artist(1).id changed under Song.artist (passive_updates=%s), %s, songs %sin the session" % (
            c["passive_updates"], "ON UPDATE CASCADE" if c["onupdate"] else "no ON UPDATE",
            "" if c["songs_in_session"] else "not ")
        yield name, scenario(title, "Generated save-path case.", tables, classes, rows, steps)
