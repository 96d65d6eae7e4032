#!/usr/bin/env python3
"""What the clients of load.py saw around a fault, and whether the database agrees.

  analyze.py EVENTS STORED FAULT_AT COUNTER_MISMATCHES

EVENTS: load.py's output. STORED: "key count" lines, the messages of this run found in the
database by the key in their content. FAULT_AT: seconds after the load started when the
fault was injected. COUNTER_MISMATCHES: conversations whose message_count or last_seq
disagree with their rows. Prints one markdown table row (without the fault's name):
requests | failed (no answer / 503 / other 5xx) | failures from .. to (s after the fault) | recovered after (s) |
acknowledged writes | stored | lost | duplicated | counters wrong
"""
import json
import sys

events = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
stored = {}
for line in open(sys.argv[2]):
    if line.strip():
        key, count = line.split()
        stored[key] = int(count)
fault_at = float(sys.argv[3])
mismatches = int(sys.argv[4])


def failed(e):
    return e["status"] == 0 or e["status"] >= 500


failures = [e for e in events if failed(e)]
acknowledged = {e["key"] for e in events if e["op"] == "post" and e["status"] == 201}
lost = [k for k in acknowledged if stored.get(k, 0) == 0]
duplicated = [k for k, n in stored.items() if n > 1]
if failures:
    first, last = min(e["t"] for e in failures), max(e["t"] for e in failures)
    after = [e["t"] for e in events if e["t"] > last and not failed(e)]
    window = f"{first - fault_at:+.1f} .. {last - fault_at:+.1f}"
    recovered = f"{(min(after) if after else float('nan')) - fault_at:.1f}"
else:
    window, recovered = "none", "0.0"
kinds = (sum(1 for e in failures if e["status"] == 0), sum(1 for e in failures if e["status"] == 503),
         sum(1 for e in failures if e["status"] >= 500 and e["status"] != 503))
print(f"| {len(events)} | {len(failures)} ({kinds[0]} / {kinds[1]} / {kinds[2]}) | {window} | {recovered} | {len(acknowledged)} | "
      f"{sum(1 for k in acknowledged if stored.get(k, 0) > 0)} | {len(lost)} | {len(duplicated)} | {mismatches} |")
