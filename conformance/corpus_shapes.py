"""Generated families for the other relationship shapes: many-to-many, association object,
self-referential tree, three-level chain, composite foreign keys, reserved-word tables and a
post_update cycle. Each function yields (name, scenario dict)."""
from corpus_build import (cascade_slug, cascade_words, col, covering, fk, ondelete_slug,
                          ondelete_words, passive_words, pk, rel, scenario)
from corpus_families import ONDELETES, PASSIVES, _config_error_only, _flag_words, _flags, passive_slug


def _nn(nullable):
    return "null" if nullable else "notnull"


def _nn_words(nullable):
    return "nullable" if nullable else "NOT NULL"


def many_to_many():
    dims = [("cascade", [None, "all, delete", "save-update", "all, delete-orphan"]),
            ("side", ["post", "tag"]), ("passive", [False, True]), ("ondelete", [None, "CASCADE"]),
            ("loaded", [False, True]), ("back", [False, True]), ("key", ["int", "str"])]
    for c in covering(dims, core=("cascade", "side", "passive")):
        tag_key = pk("string", length=20) if c["key"] == "str" else pk()
        tag_fk_type = "string" if c["key"] == "str" else "integer"
        tables = {
            "post": {"columns": {"id": pk(), "title": col(length=50)}},
            "tag": {"columns": {"id": tag_key, "label": col(length=20)}},
            "post_tag": {"columns": {
                "post_id": fk("post.id", c["ondelete"], primary_key=True),
                "tag_id": dict(fk("tag.id", c["ondelete"], primary_key=True), type=tag_fk_type)}},
        }
        tags = rel("Tag", c["cascade"], c["passive"], "posts" if c["back"] else None,
                   secondary="post_tag")
        classes = {"Post": {"table": "post", "relationships": {"tags": tags}},
                   "Tag": {"table": "tag"}}
        if c["back"]:
            classes["Tag"]["relationships"] = {"posts": rel("Post", back="tags", secondary="post_tag")}
        v1, v2, v3 = ("python", "sql", "java") if c["key"] == "str" else (1, 2, 3)
        t2 = "'sql'" if c["key"] == "str" else "2"
        rows = {"post": [{"id": 1, "title": "First"}, {"id": 2, "title": "Second"}],
                "tag": [{"id": v1, "label": "one"}, {"id": v2, "label": "two"}, {"id": v3, "label": "three"}],
                "post_tag": [{"post_id": 1, "tag_id": v1}, {"post_id": 1, "tag_id": v2},
                             {"post_id": 2, "tag_id": v2}, {"post_id": 2, "tag_id": v3}]}
        if c["side"] == "post":
            target, load = "Post(1)", "Post(1).tags"
        else:
            target, load = "Tag(%s)" % t2, ("Tag(%s).posts" % t2) if c["back"] else None
        steps = ([{"load": load}] if c["loaded"] and load else []) + [{"delete": target}, "commit"]
        loaded = c["loaded"] and load is not None
        name = "_".join(["del" + c["side"], cascade_slug(c["cascade"]), passive_slug(c["passive"]),
                         ondelete_slug(c["ondelete"]), _flags(loaded, c["back"]), c["key"] + "key"])
        title = "Many-to-many via post_tag, delete %s: Post.tags with %s, %s, association %s, %s, %s keys" % (
            target, cascade_words(c["cascade"]), passive_words(c["passive"]),
            ondelete_words(c["ondelete"]), _flag_words(loaded, c["back"]),
            "string" if c["key"] == "str" else "integer")
        notes = "Post(1) and Post(2) share the middle tag; each has one tag of its own."
        yield name, scenario(title, notes, tables, classes, rows, steps)


def association_object():
    dims = [("cascade", [None, "all, delete-orphan", "all, delete", "save-update"]),
            ("passive", [False, True]), ("side", ["invoice", "product"]),
            ("ondelete", [None, "CASCADE"]), ("loaded", [False, True]), ("back", [False, True])]
    for c in covering(dims, core=("cascade", "passive")):
        tables = {
            "invoice": {"columns": {"id": pk(), "number": col(length=20)}},
            "product": {"columns": {"id": pk(), "name": col(length=50)}},
            "invoice_line": {"columns": {
                "invoice_id": fk("invoice.id", c["ondelete"], primary_key=True),
                "product_id": fk("product.id", c["ondelete"], primary_key=True),
                "quantity": col("integer")}},
        }
        lines = rel("InvoiceLine", c["cascade"], c["passive"], "invoice" if c["back"] else None)
        classes = {"Invoice": {"table": "invoice", "relationships": {"lines": lines}},
                   "Product": {"table": "product", "relationships": {"lines": rel(
                       "InvoiceLine", c["cascade"], c["passive"], "product" if c["back"] else None)}},
                   "InvoiceLine": {"table": "invoice_line"}}
        if c["back"]:
            classes["InvoiceLine"]["relationships"] = {
                "invoice": rel("Invoice", back="lines"), "product": rel("Product", back="lines")}
        rows = {"invoice": [{"id": 1, "number": "F-1"}, {"id": 2, "number": "F-2"}],
                "product": [{"id": 1, "name": "Pen"}, {"id": 2, "name": "Ink"}, {"id": 3, "name": "Pad"}],
                "invoice_line": [{"invoice_id": 1, "product_id": 1, "quantity": 2},
                                 {"invoice_id": 1, "product_id": 2, "quantity": 1},
                                 {"invoice_id": 2, "product_id": 2, "quantity": 5}]}
        target = "Invoice(1)" if c["side"] == "invoice" else "Product(2)"
        steps = ([{"load": target + ".lines"}] if c["loaded"] else []) + [{"delete": target}, "commit"]
        name = "_".join(["del" + c["side"], cascade_slug(c["cascade"]), passive_slug(c["passive"]),
                         ondelete_slug(c["ondelete"]), _flags(c["loaded"], c["back"])])
        title = "Association object (FK inside the line's composite key), delete %s: .lines with %s, %s, %s, %s" % (
            target, cascade_words(c["cascade"]), passive_words(c["passive"]),
            ondelete_words(c["ondelete"]), _flag_words(c["loaded"], c["back"], "lines"))
        notes = "invoice_line's primary key is (invoice_id, product_id), both foreign keys."
        yield name, scenario(title, notes, tables, classes, rows, steps)


def tree():
    dims = [("cascade", [None, "all, delete", "all, delete-orphan", "save-update"]),
            ("passive", PASSIVES), ("ondelete", [None, "CASCADE", "SET NULL"]),
            ("target", [1, 2]), ("loaded", [False, True]), ("back", [False, True])]
    for c in covering(dims, core=("cascade", "passive"), allowed=_config_error_only):
        tables = {"node": {"columns": {"id": pk(), "parent_id": fk("node.id", c["ondelete"]),
                                       "name": col(length=20)}}}
        children = rel("Node", c["cascade"], c["passive"], "parent" if c["back"] else None)
        relationships = {"children": children}
        if c["back"]:
            relationships["parent"] = rel("Node", back="children", remote_side="node.id")
        classes = {"Node": {"table": "node", "relationships": relationships}}
        links = [(1, None), (2, 1), (3, 1), (4, 2), (5, 2), (6, 3), (7, 4)]
        rows = {"node": [{"id": i, "parent_id": p, "name": "n%d" % i} for i, p in links]}
        target = "Node(%d)" % c["target"]
        steps = ([{"load": target + ".children"}] if c["loaded"] else []) + [{"delete": target}, "commit"]
        name = "_".join(["node%d" % c["target"], cascade_slug(c["cascade"]), passive_slug(c["passive"]),
                         ondelete_slug(c["ondelete"]), _flags(c["loaded"], c["back"])])
        title = "Self-referential tree, delete %s: Node.children with %s, %s, %s, %s" % (
            "the root" if c["target"] == 1 else "a middle node", cascade_words(c["cascade"]),
            passive_words(c["passive"]), ondelete_words(c["ondelete"]),
            _flag_words(c["loaded"], c["back"], "children"))
        notes = "1 -> 2, 3; 2 -> 4, 5; 3 -> 6; 4 -> 7 (three levels below the root)."
        yield name, scenario(title, notes, tables, classes, rows, steps)


def chain():
    cascades = [None, "all, delete", "all, delete-orphan"]
    dims = [("top", cascades), ("middle", cascades), ("passive", [False, True]),
            ("ondelete", [None, "CASCADE"]), ("loaded", [False, True]), ("nullable", [True, False])]
    for c in covering(dims, core=("top", "middle")):
        tables = {
            "author": {"columns": {"id": pk(), "name": col(length=50)}},
            "book": {"columns": {"id": pk(), "author_id": fk("author.id", c["ondelete"], c["nullable"]),
                                 "title": col(length=50)}},
            "chapter": {"columns": {"id": pk(), "book_id": fk("book.id", c["ondelete"], c["nullable"]),
                                    "heading": col(length=50)}},
        }
        classes = {
            "Author": {"table": "author", "relationships": {"books": rel("Book", c["top"], c["passive"])}},
            "Book": {"table": "book", "relationships": {"chapters": rel("Chapter", c["middle"], c["passive"])}},
            "Chapter": {"table": "chapter"},
        }
        rows = {"author": [{"id": 1, "name": "Le Guin"}, {"id": 2, "name": "Herbert"}],
                "book": [{"id": 1, "author_id": 1, "title": "Earthsea"},
                         {"id": 2, "author_id": 1, "title": "Lathe"},
                         {"id": 3, "author_id": 2, "title": "Dune"}],
                "chapter": [{"id": i, "book_id": b, "heading": "c%d" % i}
                            for i, b in [(1, 1), (2, 1), (3, 2), (4, 3)]]}
        steps = ([{"load": "Author(1).books"}] if c["loaded"] else []) + [{"delete": "Author(1)"}, "commit"]
        name = "_".join(["top-" + cascade_slug(c["top"]), "mid-" + cascade_slug(c["middle"]),
                         passive_slug(c["passive"]), ondelete_slug(c["ondelete"]), _nn(c["nullable"]),
                         "loaded" if c["loaded"] else "unloaded"])
        title = "Three-level chain author > book > chapter, delete the author: books %s, chapters %s, %s, %s, %s FKs, books %s" % (
            cascade_words(c["top"]), cascade_words(c["middle"]), passive_words(c["passive"]),
            ondelete_words(c["ondelete"]), _nn_words(c["nullable"]), "loaded" if c["loaded"] else "not loaded")
        yield name, scenario(title, "Author(1) has two books with three chapters between them.",
                             tables, classes, rows, steps)


def composite_keys():
    dims = [("cascade", [None, "all, delete", "save-update", "all, delete-orphan"]),
            ("passive", [False, True]), ("ondelete", [None, "CASCADE", "SET NULL"]),
            ("loaded", [False, True]), ("nullable", [True, False])]
    for c in covering(dims, core=("cascade", "passive")):
        tables = {
            "warehouse": {"columns": {"region": pk("string", length=10), "code": pk(),
                                      "name": col(length=50)}},
            "bin": {"columns": {"id": pk(), "region": col(length=10), "code": col("integer"),
                                "label": col(length=20)},
                    "foreign_keys": [{"columns": ["region", "code"],
                                      "references": ["warehouse.region", "warehouse.code"]}]},
        }
        if c["ondelete"]:
            tables["bin"]["foreign_keys"][0]["ondelete"] = c["ondelete"]
        if not c["nullable"]:
            tables["bin"]["columns"]["region"]["nullable"] = False
            tables["bin"]["columns"]["code"]["nullable"] = False
        classes = {"Warehouse": {"table": "warehouse", "relationships": {
            "bins": rel("Bin", c["cascade"], c["passive"], "warehouse")}},
            "Bin": {"table": "bin", "relationships": {"warehouse": rel("Warehouse", back="bins")}}}
        rows = {"warehouse": [{"region": "eu", "code": 1, "name": "Rotterdam"},
                              {"region": "us", "code": 1, "name": "Newark"}],
                "bin": [{"id": 1, "region": "eu", "code": 1, "label": "A"},
                        {"id": 2, "region": "eu", "code": 1, "label": "B"},
                        {"id": 3, "region": "us", "code": 1, "label": "C"}]}
        steps = ([{"load": "Warehouse('eu', 1).bins"}] if c["loaded"] else []) + [
            {"delete": "Warehouse('eu', 1)"}, "commit"]
        name = "_".join([cascade_slug(c["cascade"]), passive_slug(c["passive"]), ondelete_slug(c["ondelete"]),
                         _nn(c["nullable"]), "loaded" if c["loaded"] else "unloaded"])
        title = "Composite foreign key (region, code), delete Warehouse('eu', 1): %s, %s, %s, %s FK, bins %s" % (
            cascade_words(c["cascade"]), passive_words(c["passive"]), ondelete_words(c["ondelete"]),
            _nn_words(c["nullable"]), "loaded" if c["loaded"] else "not loaded")
        yield name, scenario(title, "warehouse has a composite primary key; bin references it.",
                             tables, classes, rows, steps)


def reserved_words():
    dims = [("cascade", [None, "all, delete", "all, delete-orphan"]), ("passive", [False, True]),
            ("ondelete", [None, "CASCADE", "SET NULL"]), ("loaded", [False, True])]
    for c in covering(dims, core=("cascade", "passive")):
        tables = {
            "user": {"columns": {"id": pk(), "name": col(length=50)}},
            "order": {"columns": {"id": pk(), "user_id": fk("user.id", c["ondelete"]),
                                  "desc": col(length=50)}},
        }
        classes = {"User": {"table": "user", "relationships": {
            "orders": rel("Order", c["cascade"], c["passive"], "user")}},
            "Order": {"table": "order", "relationships": {"user": rel("User", back="orders")}}}
        rows = {"user": [{"id": 1, "name": "ann"}, {"id": 2, "name": "bob"}],
                "order": [{"id": 1, "user_id": 1, "desc": "tea"}, {"id": 2, "user_id": 1, "desc": "cake"},
                          {"id": 3, "user_id": 2, "desc": "jam"}]}
        steps = ([{"load": "User(1).orders"}] if c["loaded"] else []) + [{"delete": "User(1)"}, "commit"]
        name = "_".join([cascade_slug(c["cascade"]), passive_slug(c["passive"]), ondelete_slug(c["ondelete"]),
                         "loaded" if c["loaded"] else "unloaded"])
        title = "Reserved words (tables user and order, column desc), delete User(1): %s, %s, %s, orders %s" % (
            cascade_words(c["cascade"]), passive_words(c["passive"]), ondelete_words(c["ondelete"]),
            "loaded" if c["loaded"] else "not loaded")
        yield name, scenario(title, "Names SQLite needs quoted.", tables, classes, rows, steps)


def post_update():
    dims = [("cascade", [None, "all, delete", "all, delete-orphan"]), ("post_update", [True, False]),
            ("passive", [False, True]), ("ondelete", [None, "SET NULL", "CASCADE"]),
            ("loaded", [False, True]), ("target", ["widget", "entry"])]
    for c in covering(dims, core=("cascade", "post_update")):
        tables = {
            "widget": {"columns": {"id": pk(), "favorite_entry_id": fk("entry.id", c["ondelete"]),
                                   "name": col(length=20)}},
            "entry": {"columns": {"id": pk(), "widget_id": fk("widget.id", c["ondelete"]),
                                  "name": col(length=20)}},
        }
        classes = {"Widget": {"table": "widget", "relationships": {
            "entries": rel("Entry", c["cascade"], c["passive"], foreign_keys="entry.widget_id"),
            "favorite_entry": rel("Entry", foreign_keys="widget.favorite_entry_id",
                                  post_update=True if c["post_update"] else None)}},
            "Entry": {"table": "entry"}}
        rows = {"widget": [{"id": 1, "favorite_entry_id": 2, "name": "w1"},
                           {"id": 2, "favorite_entry_id": None, "name": "w2"}],
                "entry": [{"id": 1, "widget_id": 1, "name": "e1"}, {"id": 2, "widget_id": 1, "name": "e2"},
                          {"id": 3, "widget_id": 2, "name": "e3"}]}
        if c["target"] == "widget":
            steps = ([{"load": "Widget(1).entries"}] if c["loaded"] else []) + [{"delete": "Widget(1)"}, "commit"]
        else:
            steps = ([{"load": "Widget(1).favorite_entry"}] if c["loaded"] else []) + [
                {"delete": "Entry(2)"}, "commit"]
        name = "_".join(["del" + c["target"], cascade_slug(c["cascade"]),
                         "postupdate" if c["post_update"] else "nopostupdate", passive_slug(c["passive"]),
                         ondelete_slug(c["ondelete"]), "loaded" if c["loaded"] else "unloaded"])
        title = "Cycle widget <-> entry, delete %s: entries %s, favorite_entry %s, %s, %s, %s" % (
            "Widget(1)" if c["target"] == "widget" else "its favorite Entry(2)", cascade_words(c["cascade"]),
            "with post_update=True" if c["post_update"] else "without post_update", passive_words(c["passive"]),
            ondelete_words(c["ondelete"]), "loaded first" if c["loaded"] else "nothing loaded first")
        notes = "widget.favorite_entry_id and entry.widget_id reference each other."
        yield name, scenario(title, notes, tables, classes, rows, steps)
