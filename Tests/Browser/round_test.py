#!/usr/bin/python3
"""A second round in the browser room (issue 16): the phones are told, start from their own answer, and the
projector shows the round and how each department moved.

Starts `atelier run --listen 127.0.0.1:PORT` with a facilitator typing on its stdin, two 390x844 phones (Ana,
marketing, English; Bruno, legal, French) and the projector at 1920x1080. On `ignore` Ana rates 3 and Bruno 1;
`reveal`, then `round`: both phones say "Round 2 — answer again; your round-1 answer is preselected" (in their
language) with that answer marked as the starting point, the projector says "Round 2" and counts no answer of this
round; `undo` brings back round 1's revealed page everywhere, `round` again. Ana's page, reloaded, shows the same
(rendered from the session, not the script's memory). Chloe joins during round 2: the round, an empty form. Ana
changes to 4, Bruno keeps 1 (taps it again). `reveal`: the projector shows the medians round 1 → round 2 per
department and for the company. Then the journal holds the round's start and the round-2 answers once each, and
`atelier export --format json` gives the round-1 and round-2 figures those answers make.

Screenshots of every phase are kept in ARTIFACTS/round_phases/ (to be looked at: they are not compared).

Usage: /usr/bin/python3 Tests/Browser/round_test.py --atelier .build/debug/atelier [--artifacts DIR]
Needs Debian's chromium, chromium-driver and python3-selenium. Exit status 0 when every check held.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import traceback

from selenium.webdriver.common.by import By

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from room_test import (CODE, TEST_LIMIT, WAIT, Browsers, Facilitator, Failure, Phone, check, check_fits,
                       check_screen_fits, free_port, full_page, rater, room_text, wait, wait_stage, wait_text)

PHONE = (390, 844)

NOTICE = {
    "en": "Round 2 — answer again; your round-1 answer is preselected",
    "fr": "Tour 2 — répondez à nouveau ; votre réponse du tour 1 est présélectionnée",
}


def shoot(driver, folder, name):
    full_page(driver, os.path.join(folder, name + ".png"))


def notice(driver):
    found = driver.find_elements(By.CSS_SELECTOR, "p.notice.round")
    return found[0].text if found else None


def previous_points(driver, item):
    """The points marked as the round before's answer, and those pressed (this round's answer)."""
    buttons = driver.find_elements(By.CSS_SELECTOR, "#item-%s button[name=value]" % item)
    marked = [b.get_attribute("value") for b in buttons if "previous" in b.get_attribute("class").split()]
    pressed = [b.get_attribute("value") for b in buttons if b.get_attribute("aria-pressed") == "true"]
    return marked, pressed


def wait_previous(phone, item, value):
    """The phone shows the round-2 notice and `value` marked as its starting point, nothing pressed."""
    d = phone.driver
    wait(d, lambda d: notice(d) == NOTICE[phone.language] and previous_points(d, item) == ([str(value)], []),
         "%s's page does not show round 2 with %d preselected; it shows:\n%s" % (phone.name, value, room_text(d)))


def cells(projector):
    """The projector's tally rows: department → [n, median cell]."""
    rows = {}
    for row in projector.find_elements(By.CSS_SELECTOR, "figure.tally tbody tr"):
        name = row.find_element(By.CSS_SELECTOR, "th").text
        rows[name] = [td.text for td in row.find_elements(By.CSS_SELECTOR, "td.num")]
    return rows


def rounds_of(summary, stage):
    return next(entry for entry in summary["rounds"] if entry["stage"] == stage)


def second_round(f, browsers, artifacts, results):
    phases = os.path.join(artifacts, "round_phases")
    shutil.rmtree(phases, ignore_errors=True)
    f.say("dept add marketing Marketing")
    f.say("dept add legal Legal")
    f.say("code")
    key = f.wait_for(r"/screen\?key=([A-Za-z0-9_-]+)").group(1)
    join_url = "http://127.0.0.1:%d/?code=%s" % (f.web_port, CODE)

    projector = browsers.open("projector", 1920, 1080, mobile=False)
    projector.get("http://127.0.0.1:%d/screen?key=%s" % (f.web_port, key))
    wait_text(projector, CODE)
    ana = Phone(browsers, "Ana", "marketing", "en", size=PHONE)
    bruno = Phone(browsers, "Bruno", "legal", "fr", size=PHONE)
    ana.join(join_url)
    bruno.join(join_url)
    phones = [ana, bruno]

    # Round 1 of `ignore`, revealed.
    f.say("next")
    for phone in phones:
        wait_stage(phone.driver, "ignore")
        check(notice(phone.driver) is None, "%s is told of a round in round 1" % phone.name)
    ana.rate("ignore", 3)
    bruno.rate("ignore", 1)
    f.say("reveal")
    wait(projector, lambda d: cells(d).get("Company") == ["2", "2"],
         "the projector's round-1 tally is %r" % cells(projector))
    check("Round" not in room_text(projector), "the projector speaks of a round in round 1")
    for phone in phones:
        wait(phone.driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".badge.revealed"),
             "%s's page shows no reveal" % phone.name)
    round_one = {phone.name: room_text(phone.driver) for phone in phones}

    # `round`: both phones are told, live, and start from their own answer; the projector says it.
    f.say("round")
    wait_previous(ana, "ignore", 3)
    wait_previous(bruno, "ignore", 1)
    for phone in phones:
        check(not phone.driver.find_elements(By.CSS_SELECTOR, ".badge.revealed, section.results"),
              "%s's page still shows round 1's results" % phone.name)
        check_fits(phone.driver, phone.name + " (round 2)")
    check("Your round-1 answer: 3 — Much like us. Tap it to keep it, or choose another." in room_text(ana.driver),
          "Ana's page does not say her round-1 answer: %s" % room_text(ana.driver))
    check("Votre réponse au tour 1 : 1 — Un peu nous." in room_text(bruno.driver),
          "Bruno's page does not say his round-1 answer: %s" % room_text(bruno.driver))
    check("Stage 2 of 9 · Round 2" in room_text(ana.driver), "Ana's page does not say the round")
    wait(projector, lambda d: d.find_elements(By.CSS_SELECTOR, ".badge.round")
         and d.find_element(By.CSS_SELECTOR, ".badge.round").text == "Round 2"
         and d.find_element(By.CSS_SELECTOR, ".badge.answered").text == "0 of 2 answered",
         "the projector does not say round 2 with 0 of 2 answered; it shows:\n%s" % room_text(projector))
    check_screen_fits(projector, "round 2, open")
    shoot(ana.driver, phases, "1-round2-ana-en")
    shoot(bruno.driver, phases, "1-round2-bruno-fr")
    shoot(projector, phases, "1-round2-projector")
    results.append("round: both phones told live, round-1 answer preselected; projector 'Round 2', 0 of 2")

    # `undo` takes the round's start back: round 1's revealed page again, on every phone.
    f.say("undo")
    for phone in phones:
        wait(phone.driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".badge.revealed") and notice(d) is None,
             "%s's page did not go back to round 1 after undo; it shows:\n%s" % (phone.name, room_text(phone.driver)))
        wait(phone.driver, lambda d: room_text(d) == round_one[phone.name],
             "%s's page after undo differs from round 1's:\n%s\n---\n%s"
             % (phone.name, room_text(phone.driver), round_one[phone.name]))
    wait(projector, lambda d: not d.find_elements(By.CSS_SELECTOR, ".badge.round"),
         "the projector still says a round after undo")
    results.append("undo: both phones back to round 1's revealed page, the projector without a round")
    f.say("round")
    wait_previous(ana, "ignore", 3)
    wait_previous(bruno, "ignore", 1)

    # A reload shows the same: the page is the session's, not the script's memory.
    ana.driver.refresh()
    wait_previous(ana, "ignore", 3)
    results.append("a reload in round 2 shows the notice and the preselected answer")

    # Chloe joins during round 2: the round, and nothing preselected.
    chloe = Phone(browsers, "Chloe", "marketing", "en", size=PHONE)
    chloe.join(join_url)
    wait_stage(chloe.driver, "ignore")
    wait(chloe.driver, lambda d: notice(d) == "Round 2 — answer as you see it now"
         and previous_points(d, "ignore") == ([], []),
         "Chloe's page (joined in round 2) shows:\n%s" % room_text(chloe.driver))
    check("Not answered yet: tap your answer." in room_text(chloe.driver), "Chloe's form is not empty")
    shoot(chloe.driver, phases, "2-joined-in-round2-chloe-en")
    results.append("a phone joining in round 2 sees the round and an empty form")

    # Ana changes her answer; Bruno keeps his by tapping it again; the projector counts round 2's answers.
    ana.rate("ignore", 4)
    wait(ana.driver, lambda d: notice(d) == "Round 2 — you have answered this round"
         and previous_points(d, "ignore") == ([], ["4"]), "Ana's page after her round-2 answer:\n%s"
         % room_text(ana.driver))
    bruno.rate("ignore", 1)
    wait(projector, lambda d: d.find_element(By.CSS_SELECTOR, ".badge.answered").text == "2 of 3 answered",
         "the projector does not count 2 of 3 answered in round 2; it shows:\n%s" % room_text(projector))
    shoot(ana.driver, phases, "3-answered-ana-en")
    shoot(bruno.driver, phases, "3-answered-bruno-fr")

    # Revealed: round 2's tally, each median round 1 → round 2.
    f.say("reveal")
    wait(projector, lambda d: cells(d).get("Company") == ["2", "2 → 2.5"],
         "the projector's round-2 tally is %r" % cells(projector))
    tally = cells(projector)
    check(tally == {"Marketing": ["1", "3 → 4"], "Legal": ["1", "1 → 1"], "Company": ["2", "2 → 2.5"]},
          "the projector's round-2 tally is %r" % tally)
    caption = projector.find_element(By.CSS_SELECTOR, "p.rounds").text
    check(caption == "Round 2: each median reads round 1 → round 2", "the projector's caption reads %r" % caption)
    check_screen_fits(projector, "round 2, revealed")
    small = projector.execute_script(
        "return [...document.querySelectorAll('#room *')].filter(e => e.childNodes.length && [...e.childNodes]"
        ".some(n => n.nodeType === 3 && n.textContent.trim()) && e.getClientRects().length"
        " && parseFloat(getComputedStyle(e).fontSize) < 28).map(e => e.textContent.trim())")
    check(small == [], "projector texts under 28 px: %r" % small)
    wait(ana.driver, lambda d: "2 answers · median 2 → 2.5" in room_text(d),
         "Ana's page does not show round 2's results:\n%s" % room_text(ana.driver))
    shoot(projector, phases, "4-round2-revealed-projector")
    shoot(ana.driver, phases, "4-round2-revealed-ana-en")
    results.append("reveal of round 2: projector medians Marketing 3 → 4, Legal 1 → 1, Company 2 → 2.5")

    # The journal: the round's start (taken back once, then again), each round-2 answer once.
    events = f.journal()
    kinds = [(e["type"], e.get("stage"), e.get("round")) for e in events if e["type"] == "round_started"]
    check(kinds == [("round_started", "ignore", 2), ("round_started", "ignore", 2)],
          "round starts in the journal: %r" % kinds)
    last_round = max(i for i, e in enumerate(events) if e["type"] == "round_started")
    after = [(rater(e), e["value"]) for e in events[last_round:] if e["type"] == "rated"]
    check(after == [("Ana", 4), ("Bruno", 1)],
          "the round-2 answers in the journal: %r" % after)

    # The export: round 1 and round 2 as the answers make them.
    env = dict(f.env)
    out = subprocess.run([f.binary, "export", f.session, "--store", f.store, "--format", "json", "--locale", "en"],
                         capture_output=True, text=True, env=env, cwd=f.home, timeout=WAIT)
    check(out.returncode == 0, "export failed: %s" % out.stderr)
    summary = json.loads(out.stdout)
    ignore = rounds_of(summary, "ignore")
    check(ignore["rounds"] == 2, "the export gives %r rounds of ignore" % ignore["rounds"])
    item = ignore["items"][0]
    company = [(r["round"], r["n"], r["median"], r["distribution"]) for r in item["company"]["rounds"]]
    check(company == [(1, 2, 2, [0, 1, 0, 1, 0]), (2, 2, 2.5, [0, 1, 0, 0, 1])],
          "the export's company rounds: %r" % company)
    marketing = [(r["round"], r["n"], r["median"]) for r in item["departments"]["marketing"]["rounds"]]
    check(marketing == [(1, 1, 3), (2, 1, 4)], "the export's marketing rounds: %r" % marketing)
    step = item["company"]["steps"][0]
    check((step["from"], step["to"], step["pairs"], step["changed"]) == (1, 2, 2, 1),
          "the export's step 1 → 2: %r" % step)
    results.append("journal: round_started ignore 2, then Ana 4 and Bruno 1; export json: company median 2 → 2.5,"
                   " marketing 3 → 4, 1 of 2 changed")


def anonymous_round(f, browsers, artifacts, results):
    """`run --anonymous --min-group 2`: a second round on phones and projector, and no typed name on any page."""
    phases = os.path.join(artifacts, "round_phases")
    f.say("dept add marketing Marketing")
    f.say("dept add legal Legal")
    f.say("code")
    key = f.wait_for(r"/screen\?key=([A-Za-z0-9_-]+)").group(1)
    join_url = "http://127.0.0.1:%d/?code=%s" % (f.web_port, CODE)
    projector = browsers.open("projector", 1920, 1080, mobile=False)
    projector.get("http://127.0.0.1:%d/screen?key=%s" % (f.web_port, key))
    wait_text(projector, CODE)
    # Typed names no page may show: marketing#1, marketing#2 and legal#1 are all the room knows.
    ana = Phone(browsers, "Ana Typed", "marketing", "en", size=PHONE)
    chloe = Phone(browsers, "Chloe Typed", "marketing", "en", size=PHONE)
    bruno = Phone(browsers, "Bruno Typed", "legal", "fr", size=PHONE)
    phones = [ana, chloe, bruno]
    for phone in phones:
        phone.join(join_url, anonymous=True)

    def no_typed_name(label):
        for driver in [projector] + [phone.driver for phone in phones]:
            source = driver.page_source
            for phone in phones:
                check(phone.name.split()[0] not in source, "%s: a page shows the typed name %r"
                      % (label, phone.name.split()[0]))

    check("You: marketing, participant 1." in room_text(ana.driver), "Ana's page does not say her pseudonym: %s"
          % room_text(ana.driver))
    no_typed_name("joined")
    f.say("next")
    for phone in phones:
        wait_stage(phone.driver, "ignore")
    for phone, value in ((ana, 3), (chloe, 1), (bruno, 1)):
        phone.rate("ignore", value)
    f.say("reveal")
    f.say("round")
    wait_previous(ana, "ignore", 3)
    wait_previous(bruno, "ignore", 1)
    wait(projector, lambda d: d.find_elements(By.CSS_SELECTOR, ".badge.round"), "the projector says no round")
    no_typed_name("round 2")
    for phone, value in ((ana, 4), (chloe, 2), (bruno, 2)):
        phone.rate("ignore", value)
    f.say("reveal")
    # Marketing (two answers a round) 2 -> 3; Legal (one) withheld, its movement too; the company 1 -> 2.
    wait(projector, lambda d: cells(d) == {"Marketing": ["2", "2 → 3"], "Legal": ["<2", "–"],
                                           "Company": ["3", "1 → 2"]},
         "the anonymous projector's round-2 tally is %r" % cells(projector))
    no_typed_name("round 2 revealed")
    shoot(projector, phases, "5-anonymous-round2-revealed-projector")
    shoot(ana.driver, phases, "5-anonymous-round2-revealed-ana-en")
    results.append("anonymous: pseudonyms on the phones, no typed name on any page, Legal's movement withheld")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--atelier", required=True)
    parser.add_argument("--artifacts", default=os.path.join(tempfile.gettempdir(), "atelier-browser-artifacts"))
    parser.add_argument("--keep", action="store_true", help="keep every screenshot, not only on failure")
    args = parser.parse_args()
    binary = os.path.abspath(args.atelier)
    artifacts = os.path.abspath(args.artifacts)
    failures = 0
    for test, extra in ((second_round, ()), (anonymous_round, ("--anonymous", "--min-group", "2"))):
        home = tempfile.mkdtemp(prefix="atelier-browser-")
        facilitator = Facilitator(binary, home, free_port(), free_port(), session=test.__name__, extra=extra)
        browsers = Browsers(os.path.join(artifacts, test.__name__), keep=args.keep)
        results = []
        try:
            facilitator.start()
            signal.alarm(TEST_LIMIT)
            test(facilitator, browsers, artifacts, results)
            signal.alarm(0)
            print("ok   %s" % test.__name__)
        except BaseException as error:
            signal.alarm(0)
            failures += 1
            print("FAIL %s: %s" % (test.__name__, error))
            if not isinstance(error, Failure):
                traceback.print_exc()
            browsers.screenshots("failure")
            print("  screenshots in %s" % browsers.artifacts)
            print("  facilitator's terminal (last lines):\n    " + "\n    ".join(facilitator.output()[-25:]))
        finally:
            for line in results:
                print("     " + line)
            browsers.quit()
            facilitator.stop()
            shutil.rmtree(home, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
