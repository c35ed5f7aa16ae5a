#!/usr/bin/env python3
"""Per-socket objects: the difference of two `jcmd GC.class_histogram` files (without and with N idle
sockets), divided by N, largest first. Used by load/idle-sockets.sh; docs/benchmarks.md "Idle sockets".

    histogram_diff.py BEFORE AFTER SOCKETS [TOP]
"""
import re
import sys


def read(path):
    classes = {}
    for line in open(path):
        m = re.match(r"\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", line)
        if m:
            instances, size, name = int(m.group(1)), int(m.group(2)), m.group(3)
            old = classes.get(name, (0, 0))
            classes[name] = (old[0] + instances, old[1] + size)
    return classes


def main():
    before, after = read(sys.argv[1]), read(sys.argv[2])
    sockets = max(int(sys.argv[3]), 1)
    top = int(sys.argv[4]) if len(sys.argv) > 4 else 25
    rows = []
    for name, (instances, size) in after.items():
        b = before.get(name, (0, 0))
        rows.append((size - b[1], instances - b[0], name))
    rows.sort(reverse=True)
    total = sum(r[0] for r in rows)
    print(f"| class | instances per socket | bytes per socket |")
    print("|---|---|---|")
    for size, instances, name in rows[:top]:
        print(f"| `{name}` | {instances / sockets:.2f} | {size / sockets:,.0f} |")
    print(f"| all classes | | {total / sockets:,.0f} |")


if __name__ == "__main__":
    main()
