#!/usr/bin/python3
"""The random-model differential test (see README.md): fresh random scenarios through real
SQLAlchemy and through the simulator, compared with ConformanceTest's agreement rule, each
disagreement shrunk to a minimal scenario.

    conformance/differential.py SEED COUNT [--release 2.0|2.1|both] [--work DIR] [--shrink N]

Needs the project compiled (`mvn -o -q test-compile`) and a classpath file
(`mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt`);
conformance/differential.sh does both. Writes, under the work folder (default
/tmp/cascadeviz-differential/SEED): scenarios/, goldens-<release>/, results-<release>.jsonl
and shrunk-<release>/ (one minimal scenario per disagreement signature, with its golden).
"""
import argparse
import collections
import copy
import json
import os
import re
import shutil
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(HERE)
PYTHONS = {"2.0": "/tmp/sa20/bin/python", "2.1": "/tmp/sa21/bin/python"}
sys.path.insert(0, HERE)
import random_models  # noqa: E402


dump = random_models.dump_yaml


def capture(release, scen_dir, gold_dir, hash_seeds):
    subprocess.run([PYTHONS[release], os.path.join(HERE, "capture.py"), "--seeds", hash_seeds,
                    "--root", scen_dir, "--out", gold_dir, "--jobs", "2", scen_dir],
                   check=False, stderr=subprocess.DEVNULL)


def classpath():
    cp_file = os.path.join(PROJECT, "target", "classpath.txt")
    with open(cp_file, encoding="utf-8") as f:
        deps = f.read().strip()
    return ":".join([os.path.join(PROJECT, "target", "test-classes"),
                     os.path.join(PROJECT, "target", "classes"), deps])


def simulate(scen_dir, gold_dir):
    """{relative path: result line} from the Java side."""
    out = subprocess.run(["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath(),
                          "dev.cascadeviz.conformance.Differential", scen_dir, gold_dir],
                         check=True, stdout=subprocess.PIPE, text=True, encoding="utf-8").stdout
    results = {}
    for line in out.splitlines():
        r = json.loads(line)
        results[r["file"]] = r
    return results


def signature(result):
    """A disagreement's kind, so that shrinking keeps the same fault and one example per kind is shrunk."""
    d = result.get("difference") or ""
    d = re.sub(r"'[^']*'|\"[^\"]*\"|\[[^\]]*\]|\d+", "_", d)
    return result["outcome"] + ": " + d[:80]


# ---------------------------------------------------------------- shrinking

def _drop_class(doc, name):
    d = copy.deepcopy(doc)
    del d["classes"][name]
    for spec in d["classes"].values():
        rels = spec.get("relationships") or {}
        for k in [k for k, r in rels.items() if r.get("target") == name]:
            del rels[k]
    _fix_back(d)
    d["steps"] = [s for s in d["steps"] if name + "(" not in json.dumps(s)]
    return d


def _fix_back(d):
    for spec in d["classes"].values():
        for r in (spec.get("relationships") or {}).values():
            back = r.get("back_populates")
            target = d["classes"].get(r.get("target"), {})
            if back and back not in (target.get("relationships") or {}):
                del r["back_populates"]


def _drop_table(doc, table):
    d = copy.deepcopy(doc)
    if any(s.get("table") == table for s in d["classes"].values()):
        return None
    del d["tables"][table]
    d.get("rows", {}).pop(table, None)
    for t, spec in d["tables"].items():
        gone = [c for c, col in spec["columns"].items() if str(col.get("foreign_key", "")).startswith(table + ".")]
        for fk in spec.get("foreign_keys", []):
            if fk["references"][0].startswith(table + "."):
                gone += fk["columns"]
        spec["foreign_keys"] = [fk for fk in spec.get("foreign_keys", []) if fk["columns"][0] not in gone]
        if not spec["foreign_keys"]:
            del spec["foreign_keys"]
        for c in gone:
            spec["columns"].pop(c, None)
            for row in d.get("rows", {}).get(t, []):
                row.pop(c, None)
    return d


def candidates(doc):
    """Scenarios one reduction smaller, biggest reductions first."""
    for name in list(doc.get("classes", {})):
        yield _drop_class(doc, name)
    for table in list(doc.get("tables", {})):
        d = _drop_table(doc, table)
        if d is not None:
            yield d
    for i in range(len(doc.get("steps", []))):
        d = copy.deepcopy(doc)
        del d["steps"][i]
        yield d
    for cname, spec in doc.get("classes", {}).items():
        for rname in list(spec.get("relationships") or {}):
            d = copy.deepcopy(doc)
            del d["classes"][cname]["relationships"][rname]
            _fix_back(d)
            yield d
    for table, rows in doc.get("rows", {}).items():
        for i in range(len(rows)):
            d = copy.deepcopy(doc)
            del d["rows"][table][i]
            yield d
    for cname, spec in doc.get("classes", {}).items():
        for rname, r in (spec.get("relationships") or {}).items():
            for key in list(r):
                if key not in ("target", "secondary"):
                    d = copy.deepcopy(doc)
                    del d["classes"][cname]["relationships"][rname][key]
                    _fix_back(d)
                    yield d
    for table, spec in doc.get("tables", {}).items():
        for cname, col in spec["columns"].items():
            for key in ("ondelete", "nullable"):
                if key in col:
                    d = copy.deepcopy(doc)
                    del d["tables"][table]["columns"][cname][key]
                    yield d
            if not col.get("primary_key") and "foreign_key" not in col:
                d = copy.deepcopy(doc)
                del d["tables"][table]["columns"][cname]
                for row in d.get("rows", {}).get(table, []):
                    row.pop(cname, None)
                yield d
    if "database" in doc:
        d = copy.deepcopy(doc)
        del d["database"]
        yield d


def evaluate(docs, work, release, hash_seeds):
    """The result of each scenario in `docs` (None when it is not a valid scenario)."""
    scen = os.path.join(work, "scen")
    gold = os.path.join(work, "gold")
    shutil.rmtree(work, ignore_errors=True)
    for i, d in enumerate(docs):
        dump(d, os.path.join(scen, "c%04d.yaml" % i))
    capture(release, scen, gold, hash_seeds)
    results = simulate(scen, gold)
    return [results.get("c%04d.yaml" % i) for i in range(len(docs))]


def shrink(doc, sig, work, release, hash_seeds, batch=60, log=print):
    """Greedy: repeatedly take the first smaller scenario that still fails the same way."""
    rounds = 0
    while True:
        rounds += 1
        cands = list(candidates(doc))
        found = None
        for start in range(0, len(cands), batch):
            chunk = cands[start:start + batch]
            for d, r in zip(chunk, evaluate(chunk, work, release, hash_seeds)):
                if r and r["outcome"] in ("disagree", "crash") and signature(r) == sig:
                    found = d
                    break
            if found:
                break
        if not found:
            log("  shrunk in %d rounds" % rounds)
            return doc
        doc = found


# ---------------------------------------------------------------- main

def run_release(args, release, scen_dir, work):
    gold = os.path.join(work, "goldens-" + release)
    if not args.keep or not os.path.isdir(gold):
        shutil.rmtree(gold, ignore_errors=True)
        capture(release, scen_dir, gold, args.hash_seeds)
    results = simulate(scen_dir, gold)
    with open(os.path.join(work, "results-%s.jsonl" % release), "w", encoding="utf-8") as f:
        for r in results.values():
            f.write(json.dumps(r) + "\n")
    tally = collections.Counter(r["outcome"] for r in results.values())
    agreed = tally["agree"] + tally["agree-other-order"]
    judged = agreed + tally["reordered"] + tally["disagree"] + tally["crash"]
    print("SQLAlchemy %s: %d scenarios, %d agree (%.1f%%; %d of them under another _prop_set order, "
          "which SQLAlchemy may take), %d the same statements in another order not explained by that, "
          "%d disagree, %d simulator crash, %d invalid, %d without golden"
          % (release, len(results), agreed, 100.0 * agreed / max(1, judged), tally["agree-other-order"],
             tally["reordered"], tally["disagree"], tally["crash"], tally["invalid"], tally["no-golden"]))
    by_sig = collections.OrderedDict()
    for r in results.values():
        if r["outcome"] in ("disagree", "crash"):
            by_sig.setdefault(signature(r), []).append(r)
    for sig, rs in sorted(by_sig.items(), key=lambda kv: -len(kv[1])):
        print("  %4d  %s   e.g. %s" % (len(rs), sig, rs[0]["file"]))
    if args.shrink:
        out = os.path.join(work, "shrunk-" + release)
        for n, (sig, rs) in enumerate(sorted(by_sig.items(), key=lambda kv: -len(kv[1]))[:args.shrink]):
            with open(os.path.join(scen_dir, rs[0]["file"]), encoding="utf-8") as f:
                doc = yaml.safe_load(f)
            print("shrinking %s (%s)" % (rs[0]["file"], sig))
            small = shrink(doc, sig, os.path.join(work, "shrinking"), release, args.shrink_hash_seeds)
            name = os.path.splitext(rs[0]["file"])[0] + ".min.yaml"
            dump(small, os.path.join(out, name))
            final = evaluate([small], os.path.join(work, "shrinking"), release, args.hash_seeds)[0]
            print("  -> %s/%s: %s" % (out, name, final and final.get("difference")))
    return tally


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seed")
    parser.add_argument("count", type=int)
    parser.add_argument("--release", default="both", choices=["2.0", "2.1", "both"])
    parser.add_argument("--work")
    parser.add_argument("--hash-seeds", default="0,1,2,3,4,5,6,7")
    parser.add_argument("--shrink-hash-seeds", default="0,1,2,3")
    parser.add_argument("--shrink", type=int, default=0, help="shrink one example of the N commonest kinds")
    parser.add_argument("--keep", action="store_true", help="reuse goldens already captured in the work folder")
    args = parser.parse_args()
    work = args.work or os.path.join("/tmp/cascadeviz-differential", args.seed)
    scen_dir = os.path.join(work, "scenarios")
    releases = ["2.0", "2.1"] if args.release == "both" else [args.release]
    if not args.keep or not os.path.isdir(scen_dir):
        shutil.rmtree(scen_dir, ignore_errors=True)
        os.makedirs(scen_dir)
        for i in range(args.count):
            dump(random_models.generate(args.seed, i), os.path.join(scen_dir, "r%s_%04d.yaml" % (args.seed, i)))
    for release in releases:
        rel_dir = scen_dir if len(releases) == 1 else scen_dir  # same files; the release is set per run
        _set_release(rel_dir, release)
        run_release(args, release, rel_dir, work)


def _set_release(scen_dir, release):
    """Writes the `sqlalchemy:` key the simulator reads into every scenario of the run."""
    for d, _, names in os.walk(scen_dir):
        for n in names:
            p = os.path.join(d, n)
            with open(p, encoding="utf-8") as f:
                doc = yaml.safe_load(f)
            doc["sqlalchemy"] = release
            dump(doc, p)


if __name__ == "__main__":
    main()
