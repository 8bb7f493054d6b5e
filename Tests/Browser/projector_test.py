#!/usr/bin/python3
"""The projector read from the back of the room, and the phone at 360 px, in every phase of a workshop.

Starts `atelier run --listen` with a facilitator typing on its stdin (five departments, seven people: two on
phones, five joined and answering from the facilitator's REPL), opens the projector at 1920x1080 in English and
in French, and walks the whole coping-patterns workshop: the intro (QR code, code, joined per department), each
stage before and after its reveal (ratings with a timer and a lock, the pick, the strategy stage's silo map, the
closing discussion's notes), then the end summary. In every phase, on both projectors, every visible text node
(SVG text at its rendered size) must be at least 28 px high and lie inside the 1920x1080 viewport, no two texts
may overlap, no text may be cut by its box, and nothing may scroll. The two phones (360 px wide: one with
JavaScript in Chromium's mobile emulation, one without JavaScript and without scrollbars) must show every text
inside the screen's width, with no horizontal scroll, in every phase.

Usage: /usr/bin/python3 Tests/Browser/projector_test.py --atelier .build/debug/atelier [--artifacts DIR]
Screenshots of every phase are kept in DIR/projector (look at them: the checks cannot judge a layout's look).
Exit status 0 when every check held.
"""

import argparse
import os
import re
import shutil
import signal
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from room_test import (CODE, TEST_LIMIT, Browsers, Facilitator, Failure, Phone, check, decode_qr,  # noqa: E402
                       free_port, full_page, room_text, wait, wait_stage)
from selenium.webdriver.common.by import By  # noqa: E402

SMALLEST = 28  # px, the smallest text the back of the room reads at 1920x1080

# Every visible text node: its font size (an SVG text's scaled by the SVG's transform to the screen), its boxes
# on the screen; which lie outside the viewport, which overlap another text, which are cut by a box that hides
# its overflow; and the document's scroll size.
TEXTS = """
// Text for screen readers only (a 1-px box that clips it) is not seen.
function unseen(element) {
  for (let e = element; e && e !== document.body; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.clip !== 'auto' && s.clip !== '' || s.clipPath !== 'none') return true;
    const r = e.getBoundingClientRect();
    if (s.overflow !== 'visible' && (r.width <= 1 || r.height <= 1)) return true;
  }
  return false;
}
const smallest = arguments[0];
const vw = window.innerWidth, vh = window.innerHeight;
const out = {count: 0, small: [], outside: [], overlap: [], cut: [],
             scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight, vw, vh]};
const boxes = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
let node;
while ((node = walker.nextNode())) {
  const text = node.textContent.replace(/\\s+/g, ' ').trim();
  if (!text) continue;
  const element = node.parentElement;
  if (element.closest('title, script, style, noscript') || unseen(element)) continue;
  const style = getComputedStyle(element);
  if (style.visibility === 'hidden' || parseFloat(style.opacity) === 0) continue;
  const range = document.createRange();
  range.selectNodeContents(node);
  const rects = Array.from(range.getClientRects()).filter(r => r.width > 0.5 && r.height > 0.5);
  if (!rects.length) continue;  // not displayed
  let size = parseFloat(style.fontSize);
  if (element instanceof SVGElement && element.getScreenCTM) {
    const m = element.getScreenCTM();
    size = size * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
  }
  out.count++;
  const name = text.slice(0, 50);
  if (size < smallest - 0.05) out.small.push(name + ' (' + size.toFixed(1) + 'px)');
  for (const r of rects) {
    if (r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5) {
      out.outside.push(name + ' at ' + [r.left, r.top, r.right, r.bottom].map(Math.round).join(','));
      break;
    }
  }
  for (const r of rects) boxes.push({r: r, name: name, node: node});
  // A box that hides its overflow and is narrower than its text cuts it (an ellipsis, a clipped word).
  for (let e = element; e && e !== document.body; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1) { out.cut.push(name); break; }
    if (s.overflowY !== 'visible' && e.scrollHeight > e.clientHeight + 1) { out.cut.push(name); break; }
  }
}
// Two texts overlap when their boxes share more than 2 px each way (glyph boxes of one line may touch).
for (let i = 0; i < boxes.length; i++) {
  for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.node === b.node) continue;
    const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
    const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
    if (w > 2 && h > 2) out.overlap.push(a.name + ' / ' + b.name);
  }
}
return out;
"""


def settled(driver, script, *arguments):
    """What `script` finds once the page holds still: a push swapping the page in, or a screenshot's layout, may be
    caught half-way; a fault that is still there a second later is the page's own."""
    found = None
    for attempt in range(4):
        found = driver.execute_script(script, *arguments)
        if not any(found.get(k) for k in ("small", "outside", "overlap", "cut")) and \
                found["scroll"][0] <= found["scroll"][-2 if len(found["scroll"]) == 4 else -1]:
            if len(found["scroll"]) == 2 or found["scroll"][1] <= found["scroll"][3]:
                return found
        time.sleep(0.3)
    return found


def readable(driver, what, artifacts, label):
    """Every text at least SMALLEST px, on the screen, clear of the others, whole; nothing to scroll."""
    found = settled(driver, TEXTS, SMALLEST)
    full_page(driver, os.path.join(artifacts, "projector", "%s.png" % label))
    problems = []
    width, height, vw, vh = found["scroll"]
    if width > vw or height > vh:
        problems.append("the page needs %dx%d px on a %dx%d screen" % (width, height, vw, vh))
    for kind, words in (("smaller than %d px" % SMALLEST, found["small"]), ("outside the screen", found["outside"]),
                        ("overlapping", found["overlap"]), ("cut by its box", found["cut"])):
        if words:
            problems.append("%d texts %s: %s" % (len(words), kind, "; ".join(words[:8])))
    check(found["count"] > 0, "%s: no text found" % what)
    check(not problems, "%s:\n  %s" % (what, "\n  ".join(problems)))
    return found["count"]


# On a phone: every text inside the screen's width (a text beyond it is cut or needs a sideways scroll).
PHONE = """
// Text for screen readers only (a 1-px box that clips it) is not seen.
function unseen(element) {
  for (let e = element; e && e !== document.body; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.clip !== 'auto' && s.clip !== '' || s.clipPath !== 'none') return true;
    const r = e.getBoundingClientRect();
    if (s.overflow !== 'visible' && (r.width <= 1 || r.height <= 1)) return true;
  }
  return false;
}
const vw = window.innerWidth;
const out = {scroll: [document.documentElement.scrollWidth, vw], outside: []};
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
let node;
while ((node = walker.nextNode())) {
  const text = node.textContent.replace(/\\s+/g, ' ').trim();
  if (!text || node.parentElement.closest('title, script, style, noscript') || unseen(node.parentElement)) continue;
  const range = document.createRange();
  range.selectNodeContents(node);
  for (const r of range.getClientRects()) {
    if (r.width > 0.5 && (r.left < -0.5 || r.right > vw + 0.5)) {
      out.outside.push(text.slice(0, 40) + ' at ' + Math.round(r.left) + '..' + Math.round(r.right));
      break;
    }
  }
}
return out;
"""


def phone_fits(phone, what, artifacts, label):
    d = phone.driver
    found = settled(d, PHONE)
    full_page(d, os.path.join(artifacts, "projector", "%s-%s.png" % (label, phone.label)))
    width, viewport = found["scroll"]
    check(viewport == 360, "%s's screen is %d px wide, not 360" % (phone.name, viewport))
    check(width <= viewport, "%s (%s) scrolls sideways: %d px on a %d px screen" % (phone.name, what, width, viewport))
    check(not found["outside"], "%s (%s) shows texts beyond the screen's width: %s"
          % (phone.name, what, "; ".join(found["outside"][:8])))


DEPARTMENTS = [("marketing", "Marketing"), ("legal", "Legal"), ("hr", "Human resources"),
               ("service", "Customer service"), ("it", "IT")]
TYPED = [("Chloe", "marketing"), ("Driss", "hr"), ("Emma", "service"), ("Farid", "it"), ("Gaelle", "legal")]
STAGES = [("ignore", "rating", ["ignore"]), ("status_quo", "rating", ["status_quo"]),
          ("delegate", "rating", ["delegate"]), ("drift", "rating", ["drift"]), ("position", "pick", []),
          ("brakes", "rating", ["control", "understanding", "strategy"]), ("strategy", "strategy", []),
          ("closing", "discussion", [])]


# The stages played a second time: one item, a pick, three items side by side.
ROUNDS = ("ignore", "position", "brakes")


def projector_phases(facilitator, browsers, artifacts, results):
    f = facilitator
    for department, name in DEPARTMENTS:
        f.say('dept add %s "%s"' % (department, name))
    f.say("code")
    key = f.wait_for(r"/screen\?key=([A-Za-z0-9_-]+)").group(1)
    screen_url = "http://127.0.0.1:%d/screen?key=%s" % (f.web_port, key)
    join_url = "http://127.0.0.1:%d/?code=%s" % (f.web_port, CODE)
    projectors = {}
    for language in ("en", "fr"):
        driver = browsers.open("projector-" + language, 1920, 1080, language=language, mobile=False)
        driver.get(screen_url)
        wait(driver, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == language,
             "the projector is not in %s" % language)
        projectors[language] = driver
    ana = Phone(browsers, "Ana", "marketing", "en")
    bruno = Phone(browsers, "Bruno", "legal", "fr", javascript=False)
    phones = [ana, bruno]
    for phone in phones:
        phone.join(join_url)
    for name, department in TYPED:
        f.say("join %s %s" % (name, department))
    for language, word in (("en", "7 people"), ("fr", "7 personnes")):
        wait(projectors[language], lambda d: word in room_text(d),
             "the %s projector does not count 7 people; it shows:\n%s" % (language, room_text(projectors[language])))
    check(decode_qr(projectors["en"], os.path.join(artifacts, "projector")) == join_url,
          "the projector's QR code is not the join URL")
    texts = 0
    phase = [0]

    def look(label):
        nonlocal texts
        phase[0] += 1
        name = "%02d-%s" % (phase[0], label)
        for language, driver in projectors.items():
            texts += readable(driver, "the %s projector (%s)" % (language, label), artifacts, name + "-" + language)
        for phone in phones:
            if not phone.javascript:
                phone.driver.get("http://127.0.0.1:%d/" % f.web_port)
            phone_fits(phone, label, artifacts, name)

    look("intro")  # the session opens on the workshop's intro stage

    value = 0
    picks = [0]

    def answer(kind, items):
        """The five typed people and both phones answer the stage (each rating a step further on the scale)."""
        nonlocal value
        people = [name for name, _ in TYPED]
        if kind == "rating":
            for item in items:
                for index, name in enumerate(people):
                    f.say("rate %s %s %d" % (name, item, (index + value) % 5))
                ana.rate(item, (value + 1) % 5)
                bruno.driver.get("http://127.0.0.1:%d/" % f.web_port)
                bruno.rate(item, (value + 2) % 5)
                value += 1
        else:
            shift = picks[0]
            picks[0] += 1
            options = ["ignore", "status_quo", "delegate", "drift"]
            for index, name in enumerate(people):
                f.say("pick %s %s" % (name, options[(index + shift) % 4]))
            ana.pick(options[(1 + shift) % 4])
            bruno.driver.get("http://127.0.0.1:%d/" % f.web_port)
            bruno.pick(options[(3 + shift) % 4])

    for stage, kind, items in STAGES:
        f.say("next")
        for driver in projectors.values():
            wait_stage(driver, stage)
        if stage == "ignore":
            f.say("timer 2")
            for driver in projectors.values():
                wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".badge.timer .countdown"),
                     "the projector shows no countdown")
        if not ana.javascript:
            raise Failure("Ana's phone must run JavaScript")
        wait_stage(ana.driver, stage)
        look(stage)
        if kind in ("rating", "pick"):
            answer(kind, items)
        elif kind == "strategy":
            f.say('strategy marketing add "One voice on every channel"')
            f.say('strategy hr add "Train every manager before March"')
            f.say('strategy service add "Answer within the hour"')
            f.say("knows legal marketing")
            f.say("knows hr marketing")
            f.say("knows service hr")
            f.say("shares marketing legal")
            f.say("shares it service")
        else:
            f.say('note "We should meet legal every month"')
            f.say('note "Nous connaissons enfin leur stratégie, mais pas encore celle du service client"')
        if kind in ("rating", "pick"):
            wait(projectors["en"], lambda d: re.search(r"\b7 of 7 answered", room_text(d)),
                 "the projector does not say 7 of 7 answered on %s:\n%s" % (stage, room_text(projectors["en"])))
            look(stage + "-answered")
        if stage == "drift":
            f.say("lock")
            for driver in projectors.values():
                wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".badge.locked"), "no lock on the projector")
            look(stage + "-locked")
        f.say("reveal")
        revealed = {"rating": "figure.tally", "pick": "figure.tally", "strategy": "table.silos",
                    "discussion": "ul.notes"}[kind]
        for driver in projectors.values():
            wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, revealed),
                 "the projector shows no %s after the reveal of %s" % (revealed, stage))
        if ana.javascript and kind != "discussion":
            wait(ana.driver, lambda d: d.find_elements(By.CSS_SELECTOR, "section.results"),
                 "Ana's page shows no results after the reveal of %s" % stage)
        look(stage + "-revealed")
        if stage in ROUNDS:
            # A second round: the phones start from their round-1 answers, the projector says the round and, once
            # revealed, each median round 1 -> round 2 (or, on a pick, who changed).
            f.say("round")
            for driver in projectors.values():
                wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".badge.round"),
                     "the projector does not say the round of %s" % stage)
            wait(ana.driver, lambda d: d.find_elements(By.CSS_SELECTOR, "p.notice.round"),
                 "Ana's page is not told of round 2 of %s" % stage)
            look(stage + "-round2")
            # The page without JavaScript (reloaded by look) is told too, and starts from its round-1 answer.
            check(bruno.driver.find_elements(By.CSS_SELECTOR, "p.notice.round")
                  and bruno.driver.find_elements(By.CSS_SELECTOR, "button.choice.previous"),
                  "Bruno's page without JavaScript does not show round 2 of %s:\n%s" % (stage, room_text(bruno.driver)))
            answer(kind, items)
            wait(projectors["en"], lambda d: re.search(r"\b7 of 7 answered", room_text(d)),
                 "the projector does not say 7 of 7 answered in round 2 of %s:\n%s" % (stage, room_text(projectors["en"])))
            f.say("reveal")
            for driver in projectors.values():
                wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "p.rounds"),
                     "the projector shows no rounds after the reveal of round 2 of %s" % stage)
            look(stage + "-round2-revealed")

    f.say("end")
    for driver in projectors.values():
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "section.summary table.medians"),
             "the projector shows no summary at the end")
    wait(ana.driver, lambda d: d.find_elements(By.CSS_SELECTOR, "section.notice.ended"), "Ana's page shows no end")
    look("end")
    results.append("%d phases, projector in English and French: %d texts, each >= %d px, inside 1920x1080, none "
                   "overlapping or cut, nothing to scroll" % (phase[0], texts, SMALLEST))
    results.append("phones 360 px wide (JavaScript in mobile emulation; without JavaScript, no scrollbars): every "
                   "text inside the width, no sideways scroll, in every phase")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--atelier", required=True)
    parser.add_argument("--artifacts", default=os.path.join(tempfile.gettempdir(), "atelier-browser-artifacts"))
    args = parser.parse_args()
    binary = os.path.abspath(args.atelier)
    artifacts = os.path.join(os.path.abspath(args.artifacts), "projector_phases")
    shutil.rmtree(artifacts, ignore_errors=True)
    home = tempfile.mkdtemp(prefix="atelier-projector-")
    facilitator = Facilitator(binary, home, free_port(), free_port(), session="projector")
    browsers = Browsers(artifacts)
    results = []
    failed = False
    try:
        facilitator.start()
        signal.alarm(TEST_LIMIT)
        projector_phases(facilitator, browsers, artifacts, results)
        signal.alarm(0)
        print("ok   projector_phases")
    except BaseException as error:
        signal.alarm(0)
        failed = True
        print("FAIL projector_phases: %s" % error)
        if not isinstance(error, Failure):
            traceback.print_exc()
        browsers.screenshots("failure")
        print("  screenshots in %s" % artifacts)
        print("  facilitator's terminal (last lines):\n    " + "\n    ".join(facilitator.output()[-25:]))
    finally:
        for line in results:
            print("     " + line)
        browsers.quit()
        facilitator.stop()
        shutil.rmtree(home, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
