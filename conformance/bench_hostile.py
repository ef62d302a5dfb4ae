#!/usr/bin/env python3
"""Writes the large scenarios of issue 16's benchmark (conformance/bench-hostile.sh runs them).

  bench_hostile.py chain N OUT      N tables t0..t(N-1), each row of t(i) references t(i-1) with
                                    ON DELETE CASCADE; the ORM deletes T0(1), the database the rest
  bench_hostile.py tree N OUT       a self-referential chain of N levels (node i's parent is i-1),
                                    cascade "all, delete": the ORM loads and deletes every level
  bench_hostile.py rows N OUT       N rows: 1,000 parents and N - 1,000 children (ON DELETE CASCADE);
                                    the ORM deletes Parent(1) with passive_deletes
  bench_hostile.py fkcols N OUT     one table with N nullable columns, each a foreign key to its id
  bench_hostile.py longline N OUT   a one-table scenario whose title is one line of N characters
                                    (SnakeYAML re-copied a token at each buffer refill: quadratic)
OUT ending in .json writes JSON, else YAML (written by hand here: no PyYAML needed, and fast).
"""
import json
import sys


def chain(n):
    tables = {"t0": {"columns": {"id": {"type": "integer", "primary_key": True}}}}
    rows = {"t0": [{"id": 1}]}
    for i in range(1, n):
        tables[f"t{i}"] = {"columns": {
            "id": {"type": "integer", "primary_key": True},
            "p": {"type": "integer", "foreign_key": f"t{i - 1}.id", "ondelete": "CASCADE"}}}
        rows[f"t{i}"] = [{"id": 1, "p": 1}]
    return {"title": f"ON DELETE CASCADE chain of {n} tables", "database": {"engine": "sqlite"},
            "tables": tables, "classes": {"T0": {"table": "t0"}}, "rows": rows,
            "steps": [{"delete": "T0(1)"}, "commit"]}


def tree(n):
    rows = [{"id": i, "parent_id": (i - 1 if i > 1 else None)} for i in range(1, n + 1)]
    return {"title": f"self-referential chain of {n} levels", "database": {"engine": "sqlite"},
            "tables": {"node": {"columns": {
                "id": {"type": "integer", "primary_key": True},
                "parent_id": {"type": "integer", "foreign_key": "node.id", "index": True}}}},
            "classes": {"Node": {"table": "node", "relationships": {
                "children": {"target": "Node", "cascade": "all, delete", "back_populates": "parent"},
                "parent": {"target": "Node", "back_populates": "children", "remote_side": "node.id"}}}},
            "rows": {"node": rows}, "steps": [{"delete": "Node(1)"}, "commit"]}


def long_line(n):
    doc = chain(1)
    doc["title"] = "x" * n
    return doc


def many_rows(n):
    parents = min(1000, n // 2)
    children = n - parents
    return {"title": f"{n} rows", "database": {"engine": "sqlite"},
            "tables": {"parent": {"columns": {"id": {"type": "integer", "primary_key": True},
                                              "name": {"type": "string", "length": 20}}},
                       "child": {"columns": {"id": {"type": "integer", "primary_key": True},
                                             "parent_id": {"type": "integer", "foreign_key": "parent.id",
                                                           "ondelete": "CASCADE", "index": True},
                                             "name": {"type": "string", "length": 20}}}},
            "classes": {"Parent": {"table": "parent", "relationships": {
                "children": {"target": "Child", "cascade": "all, delete", "passive_deletes": True}}},
                "Child": {"table": "child"}},
            "rows": {"parent": [{"id": i, "name": f"p{i}"} for i in range(1, parents + 1)],
                     "child": [{"id": i, "parent_id": 1 + i % parents, "name": f"c{i}"}
                               for i in range(1, children + 1)]},
            "steps": [{"delete": "Parent(1)"}, "commit"]}


def fkcols(n):
    cols = {"id": {"type": "integer", "primary_key": True}}
    for i in range(n):
        cols[f"r{i}"] = {"type": "integer", "foreign_key": "t.id", "ondelete": "CASCADE"}
    return {"title": f"{n} self-referencing foreign-key columns", "database": {"engine": "sqlite"},
            "tables": {"t": {"columns": cols}}, "classes": {"T": {"table": "t"}},
            "rows": {"t": [{"id": 1}, {"id": 2, "r0": 1}]}, "steps": [{"delete": "T(1)"}, "commit"]}


def flow(v):
    """One value in YAML flow style (the data here is ASCII names, numbers, booleans, null)."""
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {flow(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(flow(x) for x in v) + "]"
    return json.dumps(v)


def write_yaml(doc, out):
    for key, value in doc.items():
        if key in ("tables", "classes", "rows") and isinstance(value, dict):
            out.write(f"{key}:\n")
            for name, body in value.items():
                if key == "rows":
                    out.write(f"  {name}:\n")
                    for row in body:
                        out.write(f"  - {flow(row)}\n")
                else:
                    out.write(f"  {name}: {flow(body)}\n")
        elif key == "steps":
            out.write("steps:\n")
            for s in value:
                out.write(f"- {flow(s)}\n")
        else:
            out.write(f"{key}: {flow(value)}\n")


def main():
    kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    doc = {"chain": chain, "tree": tree, "rows": many_rows, "fkcols": fkcols, "longline": long_line}[kind](n)
    with open(path, "w", encoding="utf-8") as out:
        if path.endswith(".json"):
            json.dump(doc, out, separators=(",", ":"))
        else:
            write_yaml(doc, out)


if __name__ == "__main__":
    main()
