#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that atelier's JSON summary and reference.py agree.

Usage: compare.py ATELIER_SUMMARY.json REFERENCE.json
Compares, for the company, every rating item's n, mean, median, q1, q3
(to 1e-9) and distribution, and every pick stage's count per option. Exits 1
and says what differs otherwise.
"""
import json
import sys


def main(summary_path, reference_path):
    with open(summary_path) as file:
        company = json.load(file)["company"]
    with open(reference_path) as file:
        reference = json.load(file)
    problems = []
    if set(company["ratings"]) != set(reference["ratings"]):
        problems.append(f"rating items differ: {sorted(company['ratings'])} / {sorted(reference['ratings'])}")
    for item, expected in reference["ratings"].items():
        got = company["ratings"].get(item, {})
        for key in ("n", "distribution"):
            if got.get(key) != expected[key]:
                problems.append(f"{item}.{key}: atelier {got.get(key)} / reference {expected[key]}")
        for key in ("mean", "median", "q1", "q3"):
            a, b = got.get(key), expected[key]
            if (a is None) != (b is None) or (a is not None and abs(a - b) > 1e-9):
                problems.append(f"{item}.{key}: atelier {a} / reference {b}")
    if company["picks"] != reference["picks"]:
        problems.append(f"picks: atelier {company['picks']} / reference {reference['picks']}")
    if problems:
        print("the figures differ:\n  " + "\n  ".join(problems))
        sys.exit(1)
    items = len(reference["ratings"])
    stages = len(reference["picks"])
    print(f"figures agree: {items} rating items (n, mean, median, q1, q3 to 1e-9, distribution), {stages} pick stages")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
