#!/usr/bin/env python3
"""The statements a scenario's requests sent, read from the PostgreSQL log, and the pgbench
script built from them.

  statements.py capture LOG OFFSET OUT      statements logged after byte OFFSET of LOG
                                            (log_min_duration_statement = 0), first-seen order
  statements.py render TEMPLATE STATEMENTS  the pgbench script: each {{ regex | v1 | v2 ... }}
                                            of TEMPLATE becomes the captured statement that
                                            matches regex, with $1, $2 ... replaced by v1, v2
                                            ... (pgbench variables such as :user_id, or SQL
                                            expressions for what the service computes itself,
                                            such as a JSON batch with fresh ids)

A rendered statement is the service's own text, so pgbench sends exactly what the service
sends; the template adds only pgbench's meta-commands (\\set, \\gset) and the target lookup.
"""
import re
import sys

ENTRY = re.compile(r"^\S+ \S+ \S+ \[\d+\] .*?(LOG|ERROR|STATEMENT|DETAIL|WARNING):\s+(.*)$")
STATEMENT = re.compile(r"duration: [0-9.]+ ms\s+(?:execute [^:]*|statement): (.*)$", re.S)


def capture(log, offset, out):
    with open(log, "rb") as f:
        f.seek(int(offset))
        text = f.read().decode("utf-8", "replace")
    entries, current = [], None
    for line in text.splitlines():
        m = ENTRY.match(line)
        if m:
            current = [m.group(1), m.group(2)]
            entries.append(current)
        elif line.startswith("\t") and current is not None:
            current[1] += "\n" + line[1:]
    seen, ordered = set(), []
    for kind, body in entries:
        m = STATEMENT.match(body) if kind == "LOG" else None
        if m:
            sql = " ".join(m.group(1).split())
            if sql not in seen:
                seen.add(sql)
                ordered.append(sql)
    with open(out, "w") as f:
        f.write("\n".join(ordered) + "\n")


def render(template, statements):
    captured = [line for line in open(statements).read().splitlines() if line]

    def one(match):
        # Split on single bars only: SQL's || may appear in a value.
        pattern, *values = [part.strip() for part in re.split(r"(?<!\|)\|(?!\|)", match.group(1))]
        found = [s for s in captured if re.search(pattern, s)]
        if len(found) != 1:
            sys.exit(f"{len(found)} captured statements match {pattern!r} (want exactly one):\n" + "\n".join(found or captured))
        sql = found[0]
        for n in range(len(values), 0, -1):
            sql = re.sub(r"\$%d(?!\d)" % n, lambda _: values[n - 1], sql)
        if re.search(r"\$\d", sql):
            sys.exit(f"values missing for a parameter of: {sql}")
        return sql

    print(re.sub(r"\{\{(.*?)\}\}", one, open(template).read()), end="")


if __name__ == "__main__":
    {"capture": capture, "render": render}[sys.argv[1]](*sys.argv[2:])
