#!/usr/bin/python3
"""Captures golden traces of scenario files from real SQLAlchemy (see README.md).

    /usr/bin/python3 conformance/capture.py [--seeds 0,1,...] [--out DIR] [--root DIR] FILE...
    /usr/bin/python3 conformance/capture.py --time [--seeds S] FILE

Each seed is one subprocess with that PYTHONHASHSEED which runs every file, each in a fresh
forked child (so a file's outcome never depends on the files run before it). Every distinct
outcome becomes one variant of the file's golden, listed in the order of the first seed that
produced it.
"""
import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SEEDS = list(range(8))
EXTENSIONS = (".yaml", ".yml", ".json")


def load_scenario(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".json"):
        return json.loads(text)
    import yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)


# ---------------------------------------------------------------- worker (one seed)

def _run_file(path):
    """The outcome of one file as a JSON-able dict: {"trace": ...} or {"failure": ...}."""
    import sqla_run
    try:
        return {"trace": sqla_run.run(load_scenario(path))}
    except Exception as exc:  # the file itself could not be run: reported, never a golden
        return {"failure": "%s: %s" % (type(exc).__name__, sqla_run.first_line(exc))}


def _run_forked(path):
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        try:
            data = json.dumps(_run_file(path), ensure_ascii=False).encode("utf-8")
            with os.fdopen(write_end, "wb") as out:
                out.write(data)
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as inp:
        data = inp.read()
    os.waitpid(pid, 0)
    if not data:
        return {"failure": "the capture process died"}
    return json.loads(data.decode("utf-8"))


def worker(files):
    sys.path.insert(0, HERE)
    import sqla_run  # noqa: F401  (imported once, before forking)
    for path in files:
        result = _run_forked(path)
        result["file"] = path
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        sys.stdout.flush()


# ---------------------------------------------------------------- main (all seeds)

def _spawn(seed, files):
    env = dict(os.environ, PYTHONHASHSEED=str(seed))
    return subprocess.Popen([sys.executable, os.path.abspath(__file__), "--worker", "--"] + files,
                            env=env, stdout=subprocess.PIPE, text=True, encoding="utf-8")


def run_seeds(seeds, files, jobs):
    """{file: [(seed, result)]} over all seeds, at most `jobs` worker processes at a time."""
    results = {f: [] for f in files}
    pending, running = list(seeds), []
    while pending or running:
        while pending and len(running) < jobs:
            seed = pending.pop(0)
            running.append((seed, _spawn(seed, files)))
        seed, proc = running.pop(0)
        out, _ = proc.communicate()
        if proc.returncode != 0:
            raise SystemExit("capture worker for seed %d failed (exit %d)" % (seed, proc.returncode))
        for line in out.splitlines():
            result = json.loads(line)
            results[result.pop("file")].append((seed, result))
    return results


def golden(relative, seeds, outcomes):
    """The golden document of one scenario from its (seed, trace) outcomes."""
    variants, by_key = [], {}
    for seed, trace in sorted(outcomes, key=lambda o: seeds.index(o[0])):
        key = json.dumps(trace, sort_keys=True, ensure_ascii=False)
        if key not in by_key:
            by_key[key] = dict(trace, seeds=[])
            variants.append(by_key[key])
        by_key[key]["seeds"].append(seed)
    import sqlalchemy
    return {"scenario": relative, "sqlalchemy": sqlalchemy.__version__, "seeds": list(seeds),
            "variants": variants}


def to_json(value, indent=0, width=100):
    """JSON that keeps short arrays and objects (rows, parameters) on one line."""
    flat = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    if not isinstance(value, (dict, list)) or len(flat) + indent <= width or not value:
        return flat
    pad, inner = " " * indent, " " * (indent + 1)
    if isinstance(value, list):
        items = [inner + to_json(v, indent + 1, width) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    items = [inner + json.dumps(k, ensure_ascii=False) + ": " + to_json(v, indent + 1, width)
             for k, v in value.items()]
    return "{\n" + ",\n".join(items) + "\n" + pad + "}"


def golden_path(out, relative):
    return os.path.join(out, os.path.splitext(relative)[0] + ".golden.json")


def write_if_changed(path, text):
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return False
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return True


def capture(files, seeds, out, root, jobs):
    results = run_seeds(seeds, files, jobs)
    failures, written, multi = 0, 0, 0
    for path in files:
        failed = [r["failure"] for _, r in results[path] if "failure" in r]
        if failed:
            failures += 1
            print("FAILED %s: %s" % (path, failed[0]), file=sys.stderr)
            continue
        relative = os.path.relpath(path, root).replace(os.sep, "/")
        doc = golden(relative, seeds, [(s, r["trace"]) for s, r in results[path]])
        multi += len(doc["variants"]) > 1
        text = to_json(doc) + "\n"
        written += write_if_changed(golden_path(out, relative), text)
    print("%d scenario(s), %d golden(s) changed, %d with more than one variant, %d failed"
          % (len(files), written, multi, failures), file=sys.stderr)
    return 1 if failures else 0


def time_one(path, seed):
    """Wall time of one file under one seed: the whole process, and its parts."""
    started = time.perf_counter()
    env = dict(os.environ, PYTHONHASHSEED=str(seed))
    proc = subprocess.run([sys.executable, os.path.abspath(__file__), "--time-worker", "--", path],
                          env=env, stdout=subprocess.PIPE, text=True, check=True)
    wall = time.perf_counter() - started
    parts = json.loads(proc.stdout)
    print("%s (PYTHONHASHSEED=%d): %.2f s wall for the whole process" % (path, seed, wall))
    print("  parts: " + ", ".join("%s %.2f s" % (k, v) for k, v in parts["times"].items()))
    print("  %d statement(s), %d row(s) after, error: %s"
          % (parts["statements"], parts["rows"], parts["error"]))
    return 0


def time_worker(path):
    marks = [("start", time.perf_counter())]
    sys.path.insert(0, HERE)
    import sqla_run
    marks.append(("import", time.perf_counter()))
    scenario = load_scenario(path)
    marks.append(("load file", time.perf_counter()))
    trace = sqla_run.run(scenario, timings=marks)
    times = {marks[i][0]: marks[i][1] - marks[i - 1][1] for i in range(1, len(marks))}
    times["total in process"] = marks[-1][1] - marks[0][1]
    print(json.dumps({"times": times, "statements": len(trace["statements"]),
                      "rows": sum(len(r) for r in trace["tables"].values()),
                      "error": trace["error"]}))


def expand(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            for d, _, names in sorted(os.walk(p)):
                out.extend(os.path.join(d, n) for n in sorted(names) if n.endswith(EXTENSIONS))
        else:
            out.append(p)
    return out


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", default=",".join(map(str, DEFAULT_SEEDS)),
                        help="PYTHONHASHSEED values, comma-separated (default 0..7)")
    parser.add_argument("--out", default=os.path.join(HERE, "out"), help="golden directory")
    parser.add_argument("--root", default=".", help="scenario paths are relative to this")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--time", action="store_true", help="time one file under the first seed")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--time-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("files", nargs="+", help="scenario files or directories")
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args.files) or 0
    if args.time_worker:
        return time_worker(args.files[0]) or 0
    seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    files = expand(args.files)
    if args.time:
        return time_one(files[0], seeds[0])
    return capture(files, seeds, args.out, args.root, max(1, args.jobs))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
