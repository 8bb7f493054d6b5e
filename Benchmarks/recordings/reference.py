#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The reference the recording benchmark compares atelier with.

A straightforward Python 3 + orjson reading of an atelier recording
(docs/recording-format.md): each line parsed with orjson.loads, each rater's
last rating per item and last pick per stage kept, then the company's rating
statistics (n, mean, median, quartiles by R type 7, distribution over the
scale) and pick counts, as `atelier export FILE --format json` computes them
under `company`. Raters count when their department is in the session: a
participant through the department they joined, a department voice as itself.
It does not check the session's rules and does not handle `undone` (the
benchmark's session has none; it stops if it meets one).

Usage: reference.py RECORDING  -> JSON on stdout: {"ratings": {...}, "picks": {...}}
"""
import sys

import orjson


def quantile(counts, minimum, n, p):
    """R type 7 over a distribution of counts, as atelier's Distribution.quantile."""
    def at_rank(index):
        seen = 0
        for offset, count in enumerate(counts):
            seen += count
            if index < seen:
                return minimum + offset
        return minimum + len(counts) - 1

    h = (n - 1) * p
    j = int(h // 1)
    g = h - j
    low = float(at_rank(j))
    if not (g > 0 and j + 1 < n):
        return low
    return low + g * (float(at_rank(j + 1)) - low)


def main(path):
    with open(path, "rb") as file:
        header = orjson.loads(file.readline())
        workshop = header["workshop"]
        departments = set()
        joined = {}
        ratings = {}
        picks = {}
        for line in file:
            event = orjson.loads(line)
            kind = event["type"]
            if kind == "rated":
                rater = event["rater"]
                key = ("p", rater["name"]) if rater["kind"] == "participant" else ("d", rater["id"])
                ratings.setdefault(event["item"], {})[key] = event["value"]
            elif kind == "picked":
                rater = event["rater"]
                key = ("p", rater["name"]) if rater["kind"] == "participant" else ("d", rater["id"])
                picks.setdefault(event["stage"], {})[key] = event["option"]
            elif kind == "participant_joined":
                joined[event["name"]] = event["department"]
            elif kind == "department_added":
                departments.add(event["department"])
            elif kind == "undone":
                sys.exit("reference.py: undone is not handled")

    def counts_for(key):
        kind, name = key
        return (joined.get(name) if kind == "p" else name) in departments

    scales = {scale["id"]: scale for scale in workshop["scales"]}
    result = {"ratings": {}, "picks": {}}
    for stage in workshop["stages"]:
        if stage["kind"] == "rating":
            scale = scales[stage["scale"]]
            low, high = scale["min"], scale["max"]
            for item in stage["items"]:
                counts = [0] * (high - low + 1)
                for key, value in ratings.get(item["id"], {}).items():
                    if low <= value <= high and counts_for(key):
                        counts[value - low] += 1
                n = sum(counts)
                if n == 0:
                    stats = {"n": 0, "mean": None, "median": None, "q1": None, "q3": None}
                else:
                    total = sum((low + offset) * count for offset, count in enumerate(counts))
                    stats = {
                        "n": n,
                        "mean": total / n,
                        "median": quantile(counts, low, n, 0.5),
                        "q1": quantile(counts, low, n, 0.25),
                        "q3": quantile(counts, low, n, 0.75),
                    }
                stats["distribution"] = counts
                result["ratings"][item["id"]] = stats
        elif stage["kind"] == "pick":
            options = {option["id"]: 0 for option in stage["options"]}
            for key, option in picks.get(stage["id"], {}).items():
                if option in options and counts_for(key):
                    options[option] += 1
            result["picks"][stage["id"]] = options
    sys.stdout.buffer.write(orjson.dumps(result) + b"\n")


if __name__ == "__main__":
    main(sys.argv[1])
