#!/usr/bin/env python3
"""Runs a command and prints the CPU seconds (user + system) its process tree used, by kind of process.

    python3 scripts/cpu-by-process.py dotnet test ProjectTracker.Web.Tests --no-build --filter "FullyQualifiedName~PageTests"

Samples /proc every 0.2 s and keeps, per process, the last CPU time seen (a process that lives less than 0.2 s is missed;
the last 0.2 s of one that ends is too). Kinds: chromium (every browser, renderer, GPU and utility process), playwright
(its node driver), testhost (the test process), app (ProjectTracker.Web.dll processes the tests start), other. Also
prints the wall time and, from wait4, the CPU of every process reaped under the command (the exact total).
"""
import os
import subprocess
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def kind(cmdline: str) -> str:
    if "chromium" in cmdline or "chrome" in cmdline.split(" ")[0]:
        return "chromium"
    if "playwright" in cmdline and "node" in cmdline:
        return "playwright"
    if "testhost" in cmdline:
        return "testhost"
    if "ProjectTracker.Web.dll" in cmdline or "ProjectTracker.Web " in cmdline:
        return "app"
    return "other"


def stat(pid: int):
    with open(f"/proc/{pid}/stat") as f:
        text = f.read()
    fields = text[text.rindex(")") + 2:].split()
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS  # ppid, utime + stime


def cmdline(pid: int) -> str:
    with open(f"/proc/{pid}/cmdline", "rb") as f:
        return f.read().replace(b"\0", b" ").decode(errors="replace")


def main() -> int:
    started = time.monotonic()
    child = subprocess.Popen(sys.argv[1:])
    tree = {child.pid}
    seen = {}  # pid -> (kind, cpu seconds)
    status = None
    while status is None:
        pids = [int(p) for p in os.listdir("/proc") if p.isdigit()]
        for pid in sorted(pids):
            try:
                ppid, cpu = stat(pid)
                if pid not in tree and ppid in tree:
                    tree.add(pid)
                if pid in tree:
                    name = seen[pid][0] if pid in seen and seen[pid][0] != "other" else kind(cmdline(pid))
                    seen[pid] = (name, cpu)
            except (FileNotFoundError, ProcessLookupError, ValueError):
                pass
        pid, status_code, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            status = status_code
        else:
            time.sleep(0.2)
    wall = time.monotonic() - started
    totals = {}
    for name, cpu in seen.values():
        totals[name] = totals.get(name, 0.0) + cpu
    print(f"cpu-by-process: wall {wall:.1f} s; " + ", ".join(f"{k} {v:.1f} s" for k, v in sorted(totals.items()))
          + f"; reaped tree total {usage.ru_utime + usage.ru_stime:.1f} s", file=sys.stderr)
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main())
