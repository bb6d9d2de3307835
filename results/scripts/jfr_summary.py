"""Where a JFR recording's main thread spends its time: top frames and inclusive shares.

Usage (from the repository root, after a run recorded with
RLARENA_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/run.jfr,settings=profile -XX:FlightRecorderOptions=stackdepth=512"):
    python3 results/scripts/jfr_summary.py /tmp/run.jfr [fully.qualified.Method ...]
Counts both Java execution samples and native-method samples (time inside ND4J's native
library shows up as the latter), main thread only.
"""
import collections
import re
import subprocess
import sys


def samples(recording, event):
    text = subprocess.run(["jfr", "print", "--stack-depth", "512", "--events", event, recording],
                          capture_output=True, text=True, check=True).stdout
    for block in text.split(event + " {")[1:]:
        thread = block.split("sampledThread", 1)[1].split("\n", 1)[0]
        frames = re.findall(r"^\s+([\w.$<>]+)\(", block, re.M)
        if frames and '"main"' in thread:
            yield frames


def main():
    recording, methods = sys.argv[1], sys.argv[2:]
    top, inclusive, total = collections.Counter(), collections.Counter(), 0
    for event in ("jdk.ExecutionSample", "jdk.NativeMethodSample"):
        for frames in samples(recording, event):
            total += 1
            top[frames[0]] += 1
            inclusive.update(set(frames))
    print(f"main-thread samples: {total}")
    for frame, count in top.most_common(10):
        print(f"self {100 * count / total:5.1f}%  {frame}")
    for method in methods:
        print(f"incl {100 * inclusive[method] / total:5.1f}%  {method}")


if __name__ == "__main__":
    main()
