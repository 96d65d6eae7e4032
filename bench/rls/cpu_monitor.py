#!/usr/bin/env python3
"""Measures how much CPU processes outside the benchmark use while it runs (the machine is
shared): every INTERVAL seconds, the CPU time used by user-space processes that are neither
descendants of the benchmark script nor of its PostgreSQL postmaster. Writes one summary line per
interval with foreign use above 5 % of one core, and a total at the end (SIGTERM). Also sums
the "steal" time of /proc/stat: CPU the hypervisor gave to other guests, which no process list
shows.

usage: cpu_monitor.py BENCH_PID POSTMASTER_PID_FILE OUT_FILE [INTERVAL]
"""
import os
import signal
import sys
import time

bench_pid = int(sys.argv[1])
pid_file = sys.argv[2]
out_path = sys.argv[3]
interval = float(sys.argv[4]) if len(sys.argv) > 4 else 5.0
tick = os.sysconf("SC_CLK_TCK")
me = os.getpid()


def snapshot():
    procs = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                data = f.read()
        except OSError:
            continue
        comm = data[data.index("(") + 1:data.rindex(")")]
        fields = data[data.rindex(")") + 2:].split()
        # fields[1] = ppid, fields[11] = utime, fields[12] = stime (after pid and comm)
        procs[int(name)] = (int(fields[1]), comm, int(fields[11]) + int(fields[12]))
    return procs


def steal_ticks():
    with open("/proc/stat") as f:
        fields = f.readline().split()
    return int(fields[8]) if len(fields) > 8 else 0


def postmaster_pid():
    try:
        with open(pid_file) as f:
            return int(f.readline())
    except (OSError, ValueError):
        return None


def ours(pid, procs, roots):
    seen = 0
    while pid in procs and seen < 64:
        if pid in roots:
            return True
        pid = procs[pid][0]
        seen += 1
    return pid in roots


total_foreign = 0.0
total_elapsed = 0.0
total_steal = 0.0
running = True


def stop(*_):
    global running
    running = False


signal.signal(signal.SIGTERM, stop)
prev = snapshot()
prev_t = time.monotonic()
prev_steal = steal_ticks()
with open(out_path, "a") as out:
    out.write(f"# foreign CPU (processes outside the benchmark), sampled every {interval:g} s\n")
    while running:
        time.sleep(interval)
        now = snapshot()
        now_t = time.monotonic()
        now_steal = steal_ticks()
        steal = (now_steal - prev_steal) / tick
        roots = {bench_pid, me}
        pm = postmaster_pid()
        if pm:
            roots.add(pm)
        used = {}
        for pid, (ppid, comm, cpu) in now.items():
            # Kernel threads (children of kthreadd) mostly do the benchmark's own I/O: skip them.
            if pid == 2 or ppid == 2 or ours(pid, now, roots):
                continue
            before = prev.get(pid)
            delta = cpu - before[2] if before and before[1] == comm else cpu
            if delta > 0:
                used[comm] = used.get(comm, 0) + delta / tick
        elapsed = now_t - prev_t
        foreign = sum(used.values())
        total_foreign += foreign
        total_elapsed += elapsed
        total_steal += steal
        if foreign / elapsed > 0.05 or steal / elapsed > 0.05:
            top = ", ".join(f"{c} {s / elapsed:.0%}" for c, s in sorted(used.items(), key=lambda x: -x[1])[:4])
            out.write(f"{time.strftime('%H:%M:%S')} foreign {foreign / elapsed:.0%} of one core: {top}; "
                      f"steal {steal / elapsed:.0%}\n")
            out.flush()
        prev, prev_t, prev_steal = now, now_t, now_steal
    share = total_foreign / total_elapsed if total_elapsed else 0
    out.write(f"TOTAL foreign CPU {total_foreign:.1f} s over {total_elapsed:.0f} s = {share:.1%} of one core on average\n")
    steal_share = total_steal / total_elapsed if total_elapsed else 0
    out.write(f"TOTAL steal {total_steal:.1f} s over {total_elapsed:.0f} s = {steal_share:.1%} of one core on average\n")
