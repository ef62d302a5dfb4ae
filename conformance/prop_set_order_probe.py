#!/usr/bin/python3
"""Whether a scenario's statement order depends on object addresses (see README.md, "Orders
SQLAlchemy leaves to object addresses").

    /tmp/sa20/bin/python conformance/prop_set_order_probe.py FILE [K ...]

Runs FILE once per K, each in a fresh process with the same PYTHONHASHSEED (0), after K
unrelated allocations that change nothing but where CPython puts later objects; prints, per K,
a digest of the statements and the tables the SELECTs read. Different digests for one file
mean the order follows addresses, not anything in the model or the hash seed.
"""
import hashlib
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def child(path, k):
    class Junk:
        pass
    junk = [Junk() for _ in range(k)] + [bytes(n % 300) for n in range(k * 3)] + [dict(a=n) for n in range(k)]
    sys.path.insert(0, HERE)
    import capture
    import sqla_run
    trace = sqla_run.run(capture.load_scenario(path))
    selects = [s["sql"].split("FROM")[1].split()[0] for s in trace["statements"] if s["sql"].startswith("SELECT")]
    digest = hashlib.md5(json.dumps(trace["statements"]).encode()).hexdigest()[:8]
    print(k, digest, " ".join(selects))
    del junk


def main(argv):
    if argv and argv[0] == "--child":
        return child(argv[1], int(argv[2]))
    path, ks = argv[0], [int(k) for k in argv[1:]] or [0, 5, 21, 55, 89, 144, 233, 377]
    env = dict(os.environ, PYTHONHASHSEED="0")
    for k in ks:
        subprocess.run([sys.executable, os.path.abspath(__file__), "--child", path, str(k)], env=env, check=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
