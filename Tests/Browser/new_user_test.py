#!/usr/bin/python3
"""The issue's "Done when", as a new user would do it, from the QR code to the export.

The facilitator types in a real terminal (a tmux pane): `atelier run --listen 0.0.0.0:PORT`, browsers on the next
port up as the docs say. The projector page is opened from the address the terminal prints; its QR code is read
back with zbarimg and must be the terminal's join URL. Two phone-sized Chromium participants (one English, one
French) open that URL (on 127.0.0.1: the test reaches nothing but the loopback) and answer every stage of
coping-patterns while the facilitator leads; the projector shows "N of M answered" live and, after each reveal,
the tallies the answers give.

Then the same answers are typed by a facilitator in the REPL of a second session (`join NAME DEPT`,
`rate WHO ITEM VALUE`, `pick WHO OPTION`, `strategy DEPT add "TEXT"`, `knows DEPT OTHER`, `shares DEPT OTHER`,
`note "TEXT"`, with the same lead commands in the same order), and `atelier export SESSION --format json` and
`--format md` (English and French) of both sessions must be equal byte for byte once these fields alone are
normalised: the session's id, its start and end times (and the md's date and duration), and each note's time and
author, since a note written on a phone is signed by its participant while the REPL's `note` is the
facilitator's. The test checks that those fields hold exactly what they should before it normalises them.

Usage: /usr/bin/python3 Tests/Browser/new_user_test.py --atelier .build/debug/atelier [--artifacts DIR] [--keep]
Needs Debian's chromium, chromium-driver, python3-selenium, zbar-tools and tmux.
Exit status 0 when every check held.
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import uuid

from selenium.webdriver.common.by import By

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from room_test import (CODE, TEST_LIMIT, WAIT, Browsers, Failure, Phone, check, check_fits, check_screen_fits,
                       decode_qr, room_text, wait, wait_stage, wait_text)

SUFFIX = re.compile(r"\s+$")


def free_pair():
    """A port free on every interface whose next port up is free too (the browsers' default)."""
    for _ in range(50):
        with socket.socket() as first:
            first.bind(("0.0.0.0", 0))
            port = first.getsockname()[1]
            if port >= 65535:
                continue
            with socket.socket() as second:
                try:
                    second.bind(("0.0.0.0", port + 1))
                except OSError:
                    continue
        return port
    raise Failure("no two free ports in a row")


# --- the facilitator in a terminal ------------------------------------------------------------

class Terminal:
    """`atelier` in a tmux pane of its own (a unique server), read off the screen as the facilitator sees it."""

    def __init__(self, binary, home, session, listen_port):
        self.binary = binary
        self.home = home
        self.store = os.path.join(home, "atelier.sqlite")
        self.session = session
        self.listen_port = listen_port
        self.web_port = listen_port + 1
        self.socket = "atelier-browser-%s" % uuid.uuid4().hex[:8]
        self.env = {
            "PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "XDG_DATA_HOME": os.path.join(home, "data"),
            "XDG_STATE_HOME": os.path.join(home, "state"),
        }

    def tmux(self, *arguments, capture=False):
        result = subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", "-u"] + list(arguments),
                                env=self.env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=WAIT)
        if result.returncode != 0:
            raise Failure("tmux %s failed: %s" % (arguments[0], result.stderr.strip()))
        return result.stdout if capture else None

    def start(self):
        command = " ".join(shlex_quote(a) for a in [
            self.binary, "run", "--session", self.session, "--store", self.store, "--locale", "en",
            "--listen", "0.0.0.0:%d" % self.listen_port, "--code", CODE])
        self.tmux("start-server", ";", "set-option", "-g", "history-limit", "100000", ";",
                  "new-session", "-d", "-x", "160", "-y", "50", command)

    def say(self, command):
        self.tmux("send-keys", "-t", "0", "-l", command)
        self.tmux("send-keys", "-t", "0", "Enter")

    def output(self):
        try:
            text = self.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "0", capture=True)
        except Exception:
            return []
        return [SUFFIX.sub("", line) for line in text.split("\n")]

    def wait_for(self, pattern, timeout=WAIT, start=0):
        deadline = time.time() + timeout
        regex = re.compile(pattern)
        while time.time() < deadline:
            for line in self.output()[start:]:
                match = regex.search(line)
                if match:
                    return match
            time.sleep(0.1)
        raise Failure("the facilitator's terminal never showed /%s/; it showed:\n%s"
                      % (pattern, "\n".join(self.output()[-40:])))

    def stop(self):
        try:
            panes = self.tmux("list-panes", "-F", "#{pane_pid}", capture=True).split()
        except Exception:
            panes = []
        for pane in panes:
            try:
                os.killpg(int(pane), signal.SIGHUP)
            except (OSError, ValueError):
                pass
        try:
            self.tmux("kill-server")
        except Exception:
            pass


def shlex_quote(text):
    import shlex
    return shlex.quote(text)


def atelier(binary, env, home, *arguments, stdin=None):
    result = subprocess.run([binary] + list(arguments), input=stdin, env=env, cwd=home, capture_output=True,
                            text=True, timeout=60)
    if result.returncode != 0:
        raise Failure("atelier %s failed (%d):\n%s%s" % (" ".join(arguments), result.returncode, result.stdout,
                                                         result.stderr))
    return result.stdout


# --- the workshop, once -----------------------------------------------------------------------

# Who answers, in which department and language.
PEOPLE = [("Ana", "marketing", "en"), ("Bruno", "legal", "fr")]
DEPARTMENTS = [("marketing", "Marketing"), ("legal", "Legal")]

# Every stage after the intro, its answers in order, then the facilitator's lead. An answer is
# (person, kind, ...): rate ITEM VALUE, pick OPTION, strategy TEXT, knows OTHER, shares OTHER, note TEXT.
STAGES = [
    ("ignore", [("Ana", "rate", "ignore", 3), ("Bruno", "rate", "ignore", 1)], ["lock", "reveal"]),
    ("status_quo", [("Bruno", "rate", "status_quo", 2), ("Ana", "rate", "status_quo", 2)], ["reveal"]),
    ("delegate", [("Ana", "rate", "delegate", 0), ("Bruno", "rate", "delegate", 4)], ["reveal"]),
    ("drift", [("Ana", "rate", "drift", 1), ("Bruno", "rate", "drift", 3)], ["reveal"]),
    ("position", [("Ana", "pick", "delegate"), ("Bruno", "pick", "status_quo")], ["reveal"]),
    ("brakes", [("Ana", "rate", "control", 1), ("Ana", "rate", "understanding", 2), ("Ana", "rate", "strategy", 3),
                ("Bruno", "rate", "control", 4), ("Bruno", "rate", "understanding", 2),
                ("Bruno", "rate", "strategy", 2)], ["reveal"]),
    ("strategy", [("Ana", "strategy", "One voice for all our pages"), ("Bruno", "knows", "marketing"),
                  ("Ana", "shares", "legal"), ("Bruno", "strategy", "Chaque publication passe par le juridique")],
     ["reveal"]),
    ("closing", [("Ana", "note", "We should meet legal every month"),
                 ("Bruno", "note", "Nous connaissons enfin leur stratégie")], []),
]
# The timer goes on one stage, before its answers.
TIMER_STAGE = "drift"
OPTIONS = ["ignore", "status_quo", "delegate", "drift"]


def department_of(person):
    return next(d for p, d, _ in PEOPLE if p == person)


def typed(answer):
    """The REPL line a facilitator types for a participant's answer."""
    person, kind = answer[0], answer[1]
    if kind == "rate":
        return "rate %s %s %d" % (person, answer[2], answer[3])
    if kind == "pick":
        return "pick %s %s" % (person, answer[2])
    if kind == "strategy":
        return 'strategy %s add "%s"' % (department_of(person), answer[2])
    if kind in ("knows", "shares"):
        return "%s %s %s" % (kind, department_of(person), answer[2])
    return 'note "%s"' % answer[2]


def typed_script():
    lines = ["dept add %s %s" % d for d in DEPARTMENTS]
    lines += ["join %s %s" % (p, d) for p, d, _ in PEOPLE]
    for stage, answers, lead in STAGES:
        lines.append("next")
        if stage == TIMER_STAGE:
            lines.append("timer 2")
        lines += [typed(a) for a in answers] + lead
    return "\n".join(lines + ["end"]) + "\n"


def median_text(values):
    if not values:
        return "–"
    value = statistics.median(values)
    return str(int(value)) if value == int(value) else "%.1f" % value


def expected_rows(stage, answers):
    """The projector's tally rows after the reveal: {caption or None: {row name: cells}}."""
    tables = {}
    if stage == "position":
        rows = {}
        for department, name in DEPARTMENTS + [(None, "Company")]:
            picks = [a[2] for a in answers if department is None or department_of(a[0]) == department]
            rows[name] = [str(picks.count(o)) for o in OPTIONS] + [str(len(picks))]
        tables[None] = rows
        return tables
    items = []
    for a in answers:
        if a[2] not in items:
            items.append(a[2])
    for item in items:
        rows = {}
        for department, name in DEPARTMENTS + [(None, "Company")]:
            values = [a[3] for a in answers if a[2] == item
                      and (department is None or department_of(a[0]) == department)]
            rows[name] = [str(values.count(point)) for point in range(5)] + [str(len(values)), median_text(values)]
        tables[item] = rows
    return tables


def projector_rows(projector):
    """The projector's tallies: per table, or per item of a table that sets a stage's items side by side (its
    cells say their item in `data-item`), {row name: cells}."""
    return projector.execute_script("""
        const tables = [];
        for (const figure of document.querySelectorAll('figure.tally')) {
          const byItem = new Map();
          for (const tr of figure.querySelectorAll('tbody tr')) {
            const name = tr.querySelector('th').innerText.trim();
            for (const td of tr.querySelectorAll('td')) {
              const item = td.dataset.item || '';
              if (!byItem.has(item)) byItem.set(item, {});
              const rows = byItem.get(item);
              (rows[name] = rows[name] || []).push(td.innerText.trim());
            }
          }
          for (const rows of byItem.values()) tables.push(rows);
        }
        return tables;""")


# --- the phones -------------------------------------------------------------------------------

def answer_on(phone, answer):
    kind = answer[1]
    if kind == "rate":
        phone.rate(answer[2], answer[3])
    elif kind == "pick":
        phone.pick(answer[2])
    elif kind == "strategy":
        phone.strategy(answer[2])
    elif kind in ("knows", "shares"):
        phone.declare(kind, answer[2])
    else:
        phone.note(answer[2])


# --- the comparison ---------------------------------------------------------------------------

def normalised_json(text, session, authors):
    """The JSON summary with the session's id and times and the notes' times and authors replaced; checks the
    authors are `authors` (None for the facilitator) first."""
    data = json.loads(text)
    check(data["session"]["id"] == session, "the JSON summary's session is %r" % data["session"]["id"])
    found = [note["author"] for note in data["notes"]]
    check(found == authors, "the JSON summary's note authors are %r, not %r" % (found, authors))
    out = text.replace('"id": "%s"' % session, '"id": "SESSION"', 1)
    out, count = re.subn(r'"(started_at|ended_at|time)": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"', r'"\1": "TIME"', out)
    check(count == 2 + len(authors), "the JSON summary has %d times, not %d" % (count, 2 + len(authors)))
    out, count = re.subn(r'"author": (null|"[^"]*")', '"author": "AUTHOR"', out)
    check(count == len(authors), "the JSON summary has %d note authors" % count)
    return out


def normalised_md(text, session, authors):
    """The Markdown summary with the header's session, date, times and duration, the time the criteria were fixed
    and the notes' times and authors replaced; checks the authors are `authors` first."""
    header = re.compile(r"^(\*.* )%s, \d{4}-\d\d-\d\d, \d\d:\d\d:\d\d–\d\d:\d\d:\d\d UTC \(\d+:\d\d:\d\d\)\*$"
                        % re.escape(session), re.M)
    out, count = header.subn(r"\1SESSION, DATE, TIME–TIME UTC (DURATION)*", text)
    check(count == 1, "the Markdown summary's header names the session %d times:\n%s" % (count, text[:400]))
    # The consensus criteria's section and the methods paragraph say when the criteria were fixed: the start.
    out, count = re.subn(r"\(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, ", "(DATE TIME UTC, ", out)
    check(count == 2, "the Markdown summary says %d times when the criteria were fixed, not 2" % count)
    # "- *Stage*, 09:43:35 UTC, Author: text" ("Author : text" in French).
    note = re.compile(r"^(- \*[^*]+\*, )\d\d:\d\d:\d\d UTC, (.+?)(\s?): ", re.M)
    found = [m.group(2) for m in note.finditer(out)]
    check(found == authors, "the Markdown summary's note authors are %r, not %r" % (found, authors))
    return note.sub(r"\1TIME UTC, AUTHOR\3: ", out)


def compare(what, web, typed_text):
    if web == typed_text:
        return
    import difflib
    diff = "\n".join(difflib.unified_diff(typed_text.split("\n"), web.split("\n"), "typed in the REPL",
                                          "answered in browsers", lineterm="", n=1))
    raise Failure("%s differ:\n%s" % (what, diff[:4000]))


# --- the scenario -----------------------------------------------------------------------------

def new_user(binary, home, browsers, artifacts, results):
    env = {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "XDG_DATA_HOME": os.path.join(home, "data"),
           "XDG_STATE_HOME": os.path.join(home, "state")}
    f = Terminal(binary, home, "room", free_pair())
    try:
        f.start()
        f.wait_for(r"atelier\[intro\]>")
        for department in DEPARTMENTS:
            f.say("dept add %s %s" % department)
            f.wait_for(r"department %s added" % department[0])
        # What the terminal prints once listening: the browsers' address (the next port up), the QR, the projector.
        browser_line = f.wait_for(r"in a browser: (http://\S+)").group(1)
        check(re.fullmatch(r"http://[^/:]+:%d/\?code=%s" % (f.web_port, CODE), browser_line) is not None,
              "the terminal's join URL is %r, not on port %d" % (browser_line, f.web_port))
        check(any("▄" in line or "▀" in line for line in f.output()), "the terminal shows no half-block QR code")
        screen = f.wait_for(r"(http://\S+/screen\?key=[A-Za-z0-9_-]+)").group(1)
        loopback = lambda url: re.sub(r"^http://[^/:]+:", "http://127.0.0.1:", url)

        projector = browsers.open("projector", 1920, 1080, mobile=False)
        projector.get(loopback(screen))
        wait_text(projector, CODE)
        qr = decode_qr(projector, artifacts)
        check(qr == browser_line, "the projector's QR code holds %r, the terminal says %r" % (qr, browser_line))
        results.append("terminal and projector QR: %s (opened on 127.0.0.1)" % qr)

        phones = {}
        for name, department, language in PEOPLE:
            phone = Phone(browsers, name, department, language)
            phone.join(loopback(qr))
            check(phone.driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language,
                  "%s's page is not in %s" % (name, language))
            f.wait_for(r"%s joined %s" % (name, department))
            phones[name] = phone
        wait(projector, lambda d: {li.find_element(By.CLASS_NAME, "name").text:
                                   li.find_element(By.CLASS_NAME, "count").text
                                   for li in d.find_elements(By.CSS_SELECTOR, "ul.joined li")}
             == {"Marketing": "1", "Legal": "1"}, "the projector does not count one joined per department")
        browsers.screenshots("01-joined")

        for index, (stage, answers, lead) in enumerate(STAGES):
            f.say("next")
            for phone in phones.values():
                wait_stage(phone.driver, stage)
                check_fits(phone.driver, "%s (%s)" % (phone.name, stage))
            if stage == TIMER_STAGE:
                f.say("timer 2")
                for phone in phones.values():
                    wait(phone.driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".badge.timer .countdown"),
                         "%s shows no countdown" % phone.name)
                wait(projector, lambda d: d.find_elements(By.CSS_SELECTOR, ".badge.timer .countdown"),
                     "the projector shows no countdown")
            answered = set()
            for answer in answers:
                answer_on(phones[answer[0]], answer)
                if answer[1] in ("rate", "pick"):
                    answered.add(answer[0])
                    # "N of M answered" follows each answer, live.
                    total = len(PEOPLE)
                    done = len(answered) if stage != "brakes" else None
                    if done is not None:
                        wait_text(projector, "%d of %d answered" % (done, total),
                                  "the projector does not show %d of %d answered on %s:\n%s"
                                  % (done, total, stage, room_text(projector)))
            browsers.screenshots("%02d-%s-answered" % (index + 2, stage))
            for command in lead:
                f.say(command)
            if "lock" in lead:
                for phone in phones.values():
                    wait(phone.driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".badge.locked"),
                         "%s does not show the lock" % phone.name)
            if "reveal" in lead and stage != "strategy":
                wanted = list(expected_rows(stage, answers).values())
                shown = []

                def tallies(d):
                    shown[:] = projector_rows(d)  # read again whole if a push replaced the page meanwhile
                    return shown == wanted
                try:
                    wait(projector, tallies, "")
                except Failure:
                    raise Failure("the projector's tallies on %s read %r, not %r" % (stage, shown, wanted))
                check_screen_fits(projector, "the tallies of " + stage)
                for phone in phones.values():
                    wait(phone.driver, lambda d: d.find_elements(By.CSS_SELECTOR, "section.results svg.bars"),
                         "%s shows no results chart after the reveal of %s" % (phone.name, stage))
                browsers.screenshots("%02d-%s-revealed" % (index + 2, stage))
            elif stage == "strategy":
                wait(projector, lambda d: d.find_elements(By.CSS_SELECTOR, "figure.silo-map table.silos"),
                     "the projector shows no silo map")
                check_screen_fits(projector, "the silo map")
                browsers.screenshots("%02d-%s-revealed" % (index + 2, stage))
        results.append("2 phones (en, fr) answered the %d stages after the intro; the projector's tallies after "
                       "each reveal are the answers' own" % len(STAGES))

        # In a terminal, ending asks first (the end is for good).
        mark = len(f.output())
        f.say("end")
        f.wait_for(r"Type yes to end it", start=mark)
        f.say("yes")
        for phone in phones.values():
            wait(phone.driver, lambda d: d.find_elements(By.CSS_SELECTOR, "section.notice.ended"),
                 "%s does not show the end" % phone.name)
        wait(projector, lambda d: d.find_elements(By.CSS_SELECTOR, "section.summary"),
             "the projector shows no summary at the end")
        check_screen_fits(projector, "the summary")
        browsers.screenshots("10-ended")
        f.wait_for(r"the session has ended")
        f.say("quit")
        time.sleep(0.5)
    except BaseException:
        print("  facilitator's terminal (last lines):\n    " + "\n    ".join(
            line for line in f.output()[-60:] if line.strip()))
        raise
    finally:
        f.stop()

    # The same answers, typed by the facilitator in the REPL of a second session of the same store.
    script = typed_script()
    atelier(binary, env, home, "run", "--session", "typed", "--store", f.store, "--locale", "en", "--strict",
            stdin=script)
    notes = [a for _, answers, _ in STAGES for a in answers if a[1] == "note"]
    people = [a[0] for a in notes]
    for language in ("en", "fr"):
        web = atelier(binary, env, home, "export", "room", "--store", f.store, "--format", "md", "--locale", language)
        mine = atelier(binary, env, home, "export", "typed", "--store", f.store, "--format", "md",
                       "--locale", language)
        facilitator = "facilitator" if language == "en" else "animateur"
        compare("the Markdown summaries (%s)" % language, normalised_md(web, "room", people),
                normalised_md(mine, "typed", [facilitator] * len(notes)))
    web = atelier(binary, env, home, "export", "room", "--store", f.store, "--format", "json", "--locale", "en")
    mine = atelier(binary, env, home, "export", "typed", "--store", f.store, "--format", "json", "--locale", "en")
    compare("the JSON summaries", normalised_json(web, "room", people), normalised_json(mine, "typed",
                                                                                         [None] * len(notes)))
    results.append("atelier export (json; md in en and fr): the browsers' session equals the typed one byte for "
                   "byte, once the session id, its times, and the notes' times and authors are set aside")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--atelier", required=True)
    parser.add_argument("--artifacts", default=os.path.join(tempfile.gettempdir(), "atelier-browser-artifacts"))
    parser.add_argument("--keep", action="store_true", help="keep every screenshot, not only on failure")
    args = parser.parse_args()
    binary = os.path.abspath(args.atelier)
    artifacts = os.path.join(os.path.abspath(args.artifacts), "new_user")
    shutil.rmtree(artifacts, ignore_errors=True)
    home = tempfile.mkdtemp(prefix="atelier-browser-")
    browsers = Browsers(artifacts, keep=args.keep)
    results = []
    status = 0
    try:
        signal.alarm(TEST_LIMIT)
        new_user(binary, home, browsers, artifacts, results)
        signal.alarm(0)
        if args.keep:
            browsers.screenshots("final")
        print("ok   new_user")
    except BaseException as error:
        signal.alarm(0)
        status = 1
        print("FAIL new_user: %s" % error)
        if not isinstance(error, Failure):
            traceback.print_exc()
        browsers.screenshots("failure")
        print("  screenshots in %s" % artifacts)
    finally:
        for line in results:
            print("     " + line)
        browsers.quit()
        shutil.rmtree(home, ignore_errors=True)
    sys.exit(status)


if __name__ == "__main__":
    main()
