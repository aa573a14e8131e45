#!/usr/bin/env python3
"""Where a JFR recording's CPU samples went: the top self frames, the operator's own frames
inclusive of what they call, and a collapsed-stack file for any flame-graph tool.

  e2e/scripts/jfr-hotspots.py recording.jfr [--from ISO] [--to ISO] [--collapsed out.txt]

Reads `jfr print --json --events jdk.ExecutionSample` (the JDK's own jfr tool). Only samples
between --from and --to are counted, so one recording can be cut into windows (at rest, storm).
"""
import argparse
import collections
import json
import shutil
import subprocess
import sys
from datetime import datetime


def parse_time(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def frames_of(event):
    stack = event["values"].get("stackTrace") or {}
    out = []
    for frame in stack.get("frames", []):
        method = frame["method"]
        out.append(method["type"]["name"].replace("/", ".") + "." + method["name"])
    return out  # innermost first


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("recording")
    parser.add_argument("--from", dest="start")
    parser.add_argument("--to", dest="end")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--collapsed")
    args = parser.parse_args()
    jfr = shutil.which("jfr") or "jfr"
    printed = subprocess.run(
        [jfr, "print", "--json", "--events", "jdk.ExecutionSample", args.recording],
        check=True, capture_output=True, text=True).stdout
    events = json.loads(printed)["recording"]["events"]
    start = parse_time(args.start) if args.start else None
    end = parse_time(args.end) if args.end else None
    self_counts = collections.Counter()
    ours = collections.Counter()
    collapsed = collections.Counter()
    total = 0
    for event in events:
        at = parse_time(event["values"]["startTime"])
        if (start and at < start) or (end and at > end):
            continue
        frames = frames_of(event)
        if not frames:
            continue
        total += 1
        self_counts[frames[0]] += 1
        seen = set()
        for frame in frames:
            if frame.startswith("dev.failover.") and frame not in seen:
                seen.add(frame)
                ours[frame] += 1
        collapsed[";".join(reversed(frames))] += 1
    print(f"{total} CPU samples")
    print()
    print("| self (innermost frame) | samples | share |")
    print("|---|---|---|")
    for frame, count in self_counts.most_common(args.top):
        print(f"| `{frame}` | {count} | {100.0 * count / max(total, 1):.1f} % |")
    print()
    print("| the operator's frames, with what they call | samples | share |")
    print("|---|---|---|")
    for frame, count in ours.most_common(args.top):
        print(f"| `{frame}` | {count} | {100.0 * count / max(total, 1):.1f} % |")
    if args.collapsed:
        with open(args.collapsed, "w") as out:
            for stack, count in collapsed.most_common():
                out.write(f"{stack} {count}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
