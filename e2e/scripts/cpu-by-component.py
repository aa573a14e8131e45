#!/usr/bin/env python3
"""Where a machine's CPU time goes while something runs (the test suite, a benchmark), by
component: the data centers' API servers, etcd, controller-managers, schedulers and kwok, the
operator processes, the test JVM, Maven, and the rest.

  e2e/scripts/cpu-by-component.py --out cpu.md [--every 2] -- e2e/test.sh -Pe2e

Runs the command, reads every process's CPU time (/proc/<pid>/stat) every --every seconds, keeps
the last reading of each process (so one that exits between two readings loses at most that
interval), and writes a Markdown table of CPU seconds per component beside the machine's total
(/proc/stat), whose difference is what processes too short-lived to be seen used. Exits with the
command's exit code.
"""
import argparse
import os
import subprocess
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")

# The first pattern found in a process's command line names its component.
COMPONENTS = [
    ("kube-apiserver", "kube-apiserver"),
    ("kube-controller-manager", "kube-controller-manager"),
    ("kube-scheduler", "kube-scheduler"),
    ("kwok-controller", "kwok"),
    ("kwokctl", "kwokctl"),
    ("etcd", "etcd"),
    ("surefire", "test JVM (java)"),
    ("failsafe", "test JVM (java)"),
    ("failover-operator-e2e-", "benchmark or testbed CLI (java)"),
    ("failover-operator-", "operator (java)"),
    ("plexus-classworlds", "maven (java)"),
    ("toxiproxy", "toxiproxy"),
    ("named", "BIND"),
    ("helm", "helm"),
    ("kubectl", "kubectl"),
]


def component(cmdline):
    for pattern, name in COMPONENTS:
        if pattern in cmdline:
            return name
    first = cmdline.split(" ", 1)[0]
    return os.path.basename(first) or "?"


def machine_seconds():
    with open("/proc/stat") as stat:
        fields = stat.readline().split()[1:]
    # user nice system idle iowait irq softirq steal: all but idle and iowait are busy.
    values = [int(v) for v in fields[:8]]
    return (sum(values) - values[3] - values[4]) / TICKS


def read_processes(seen):
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as stat:
                raw = stat.read()
            fields = raw[raw.rindex(")") + 2 :].split()
            cpu = (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime
            start = fields[19]
            key = (pid, start)
            if key not in seen:
                with open(f"/proc/{pid}/cmdline", "rb") as cmd:
                    cmdline = cmd.read().replace(b"\0", b" ").decode(errors="replace")
                seen[key] = [component(cmdline), cpu, cpu]  # name, first and last reading
            else:
                seen[key][2] = cpu
        except (FileNotFoundError, ProcessLookupError, ValueError, IndexError):
            continue


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--every", type=float, default=2.0)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("name a command after --")
    seen = {}
    read_processes(seen)
    already = {key: values[2] for key, values in seen.items()}
    start_machine, start_wall = machine_seconds(), time.time()
    child = subprocess.Popen(command)
    while child.poll() is None:
        time.sleep(args.every)
        read_processes(seen)
    read_processes(seen)
    wall = time.time() - start_wall
    total = machine_seconds() - start_machine
    by_component = {}
    for key, (name, _, last) in seen.items():
        # A process started after the command counts from its birth; one already running, from
        # the command's start.
        used = last - already.get(key, 0.0)
        by_component[name] = by_component.get(name, 0.0) + max(0.0, used)
    attributed = sum(by_component.values())
    lines = [
        f"Command: `{' '.join(command)}`, exit code {child.returncode}.",
        f"Wall time {wall:.0f} s; machine CPU {total:.0f} s ({total / wall:.2f} cores busy on"
        f" average, of {os.cpu_count()}).",
        "",
        "| component | CPU seconds | share of the machine's |",
        "|---|---|---|",
    ]
    for name, used in sorted(by_component.items(), key=lambda item: -item[1]):
        if used >= 1:
            lines.append(f"| {name} | {used:.0f} | {100 * used / total:.1f} % |")
    lines.append(
        f"| not seen (processes shorter than {args.every:g} s, or exited between readings) |"
        f" {max(0.0, total - attributed):.0f} | {100 * max(0.0, total - attributed) / total:.1f} % |"
    )
    with open(args.out, "w") as out:
        out.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    sys.exit(child.returncode)


if __name__ == "__main__":
    main()
