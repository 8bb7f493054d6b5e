#!/usr/bin/python3
"""The room in a real browser: headless Chromium participants and the projector.

Starts `atelier run --listen 127.0.0.1:PORT` with a facilitator typing on its
stdin, drives three phone-sized Chromium participants (two languages) through
the whole coping-patterns workshop — joining by the URL read back from the
projector's QR code, rating, picking, stating a strategy, knows/shares, notes,
lock, reveal, timer, a lost connection and the way back — then checks every
answer in the journal (`atelier record export`) exactly once. Then: the
projector at 1920x1080 (code, QR decoded with zbarimg, figures after a reveal),
a participant cannot act for another nor run a facilitator command, a
`<script>` name renders as text, /screen without its key is refused, and a
person without JavaScript can still join and answer.

Usage: /usr/bin/python3 Tests/Browser/room_test.py --atelier .build/debug/atelier [--artifacts DIR]
Needs Debian's chromium, chromium-driver, python3-selenium and zbar-tools.
Screenshots of every page are kept in DIR when a check fails (and always with --keep).
Exit status 0 when every check held.
"""

import argparse
import json
import os
import re
import select
import signal
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import (NoAlertPresentException, NoSuchElementException,
                                        StaleElementReferenceException, TimeoutException)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

CODE = "BRW234"
WAIT = 15  # seconds, the longest any single check waits
TEST_LIMIT = 300  # seconds, the longest a whole test may take


class TooLong(Exception):
    pass


def too_long(signum, frame):
    raise TooLong("the test took more than %d s" % TEST_LIMIT)


signal.signal(signal.SIGALRM, too_long)


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- the facilitator: `atelier run` reading commands from a pipe ------------------------------

class Facilitator:
    def __init__(self, binary, home, listen_port, web_port, session="browser", extra=()):
        self.binary = binary
        self.extra = list(extra)  # more options of `run` (e.g. --anonymous)
        self.home = home
        self.store = os.path.join(home, "atelier.sqlite")
        self.session = session
        self.env = {
            "PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "XDG_DATA_HOME": os.path.join(home, "data"),
            "XDG_STATE_HOME": os.path.join(home, "state"),
        }
        self.listen_port = listen_port
        self.web_port = web_port
        self.lines = []
        self.lock = threading.Lock()
        self.process = None

    def start(self, verb="run"):
        arguments = [self.binary, verb]
        if verb == "run":
            arguments += ["coping-patterns", "--session", self.session] + self.extra
        else:
            arguments += [self.session]
        arguments += [
            "--store", self.store, "--locale", "en", "--listen", "127.0.0.1:%d" % self.listen_port,
            "--web", "127.0.0.1:%d" % self.web_port, "--code", CODE,
        ]
        self.process = subprocess.Popen(
            arguments, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=self.env,
            cwd=self.home, text=True, bufsize=1)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            with self.lock:
                self.lines.append(line.rstrip("\n"))

    def say(self, command):
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def output(self):
        with self.lock:
            return list(self.lines)

    def wait_for(self, pattern, timeout=WAIT, start=0):
        deadline = time.time() + timeout
        regex = re.compile(pattern)
        while time.time() < deadline:
            for line in self.output()[start:]:
                match = regex.search(line)
                if match:
                    return match
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise Failure("the facilitator's terminal never showed /%s/; it showed:\n%s"
                      % (pattern, "\n".join(self.output()[-40:])))

    def stop(self):
        if self.process and self.process.poll() is None:
            try:
                self.say("quit")
                self.process.stdin.close()
                self.process.wait(timeout=WAIT)
            except Exception:
                self.process.kill()
                self.process.wait()

    def journal(self):
        """The session's events, from `atelier record export`."""
        path = os.path.join(self.home, "journal-%d.jsonl" % time.time_ns())
        subprocess.run(
            [self.binary, "record", "export", self.session, "-o", path, "--store", self.store, "--locale", "en"],
            check=True, env=self.env, cwd=self.home, stdout=subprocess.DEVNULL)
        with open(path, encoding="utf-8") as f:
            lines = [json.loads(line) for line in f if line.strip()]
        return [line for line in lines if "type" in line]


# --- a TCP proxy whose connections the test can cut (a phone losing the room's Wi-Fi) ----------

class CuttableProxy:
    def __init__(self, target_port):
        self.target = target_port
        self.server = socket.socket()
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(64)
        self.port = self.server.getsockname()[1]
        self.open = True
        self.pairs = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            if not self.open:
                client.close()
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target))
            except OSError:
                client.close()
                continue
            with self.lock:
                self.pairs.append((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()

    def _pump(self, a, b):
        sockets = [a, b]
        try:
            while True:
                ready, _, _ = select.select(sockets, [], [], 0.5)
                for s in ready:
                    data = s.recv(65536)
                    if not data:
                        raise OSError
                    (b if s is a else a).sendall(data)
        except OSError:
            pass
        finally:
            for s in sockets:
                try:
                    s.close()
                except OSError:
                    pass

    def cut(self):
        self.open = False
        with self.lock:
            for a, b in self.pairs:
                for s in (a, b):
                    try:
                        s.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
            self.pairs = []

    def restore(self):
        self.open = True


# --- browsers ---------------------------------------------------------------------------------

class Browsers:
    def __init__(self, artifacts, keep=False):
        self.artifacts = artifacts
        self.keep = keep
        self.drivers = {}

    def open(self, name, width, height, language="en", javascript=True, mobile=True):
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--no-first-run", "--disable-extensions", "--lang=" + language,
                         "--window-size=%d,%d" % (width, height)]:
            options.add_argument(argument)
        prefs = {"intl.accept_languages": language}
        if not mobile:
            # A phone's or a projector's scrollbars take no room (a desktop's would take 15 px off the width).
            options.add_argument("--hide-scrollbars")
        if not javascript:
            options.add_argument("--disable-javascript")
            prefs["profile.managed_default_content_settings.javascript"] = 2
        options.add_experimental_option("prefs", prefs)
        if mobile:
            options.add_experimental_option(
                "mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0}})
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        driver.set_page_load_timeout(WAIT)
        if not mobile:
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        self.drivers[name] = driver
        return driver

    def screenshots(self, label):
        os.makedirs(self.artifacts, exist_ok=True)
        for name, driver in self.drivers.items():
            try:
                path = os.path.join(self.artifacts, "%s-%s.png" % (label, name))
                full_page(driver, path)
            except Exception as error:  # a dead browser must not hide the failure
                print("  (no screenshot of %s: %s)" % (name, error))

    def quit(self):
        for driver in self.drivers.values():
            try:
                driver.quit()
            except Exception:
                pass


def full_page(driver, path):
    """A screenshot of the whole page (not only the viewport), at the page's width."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
    import base64
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))


def wait(driver, condition, message, timeout=WAIT):
    try:
        # A push may replace the page between finding an element and reading it: look again.
        return WebDriverWait(driver, timeout, poll_frequency=0.1,
                             ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(
            lambda d: condition(d))
    except TimeoutException:
        raise Failure(message + " (after %ds)" % timeout)


def room_text(driver):
    try:
        return driver.find_element(By.ID, "room").text
    except Exception:
        return ""


def wait_text(driver, text, message=None, timeout=WAIT):
    return wait(driver, lambda d: text in room_text(d),
                message or "the page never showed %r; it shows:\n%s" % (text, room_text(driver)), timeout)


def wait_stage(driver, stage):
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "section.stage[data-stage='%s']" % stage),
         "the page never moved to stage %s; it shows:\n%s" % (stage, room_text(driver)))


def again(action, attempts=5):
    """Runs `action`, which finds elements and acts on them; when a push replaced the page in between (a stale
    element), runs it again on the new page. An action ends with its one click, so a stale one did nothing."""
    for attempt in range(attempts):
        try:
            return action()
        except StaleElementReferenceException:
            if attempt == attempts - 1:
                raise
            time.sleep(0.1)


def no_alert(driver):
    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        raise Failure("a script ran: an alert said %r" % text)
    except NoAlertPresentException:
        pass


class Phone:
    """A participant's phone: a 360x640 Chromium (or `size`), and what it answered."""

    def __init__(self, browsers, name, department, language, via_port=None, javascript=True, size=(360, 640)):
        self.name = name
        self.department = department
        self.language = language
        self.via_port = via_port
        label = re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_") or "phone"
        self.label = label
        self.keep = browsers.artifacts if browsers.keep else None
        # chromedriver's mobile emulation hangs on a click when JavaScript is off: that phone is a 360x640 window.
        self.driver = browsers.open(label, size[0], size[1], language=language, javascript=javascript,
                                    mobile=javascript)
        self.javascript = javascript

    def url(self, url):
        return url if self.via_port is None else re.sub(r":\d+/", ":%d/" % self.via_port, url, count=1)

    def join(self, join_url, switch_to=None, anonymous=False):
        d = self.driver
        d.get(self.url(join_url))
        code = d.find_element(By.NAME, "code")
        check(code.get_attribute("value") == CODE, "the code is not prefilled from the QR's URL: %r"
              % code.get_attribute("value"))
        check_fits(d, self.name + " (join form)")
        if self.keep:
            full_page(d, os.path.join(self.keep, "00-join-form-%s.png" % self.label))
        if switch_to:
            d.find_element(By.CSS_SELECTOR, "nav.languages a[hreflang='%s']" % switch_to).click()
            wait(d, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == switch_to,
                 "the language switch did not turn the page to %s" % switch_to)
            self.language = switch_to
        d.find_element(By.NAME, "name").send_keys(self.name)
        Select(d.find_element(By.NAME, "department")).select_by_value(self.department)
        html = d.find_element(By.TAG_NAME, "html")
        d.find_element(By.CSS_SELECTOR, "form.join button[type=submit]").click()
        wait(d, lambda d: d.find_elements(By.CSS_SELECTOR, "footer.bottom p.you"),
             "%s never got past the join form; the page shows:\n%s" % (self.name, room_text(d)))
        # The socket's first page may replace the footer meanwhile: read it again if so.
        # In an anonymous session the page says the pseudonym ("marketing, participant 1"), never the typed name.
        shown = "particip" if anonymous else self.name
        wait(d, lambda d: shown in d.find_element(By.CSS_SELECTOR, "footer.bottom p.you").text,
             "the page does not say who joined")
        check(reloaded(html) != self.javascript,
              "joining %s the page" % ("reloaded" if self.javascript else "did not reload"))
        if self.javascript:
            wait_connected(d)

    def rate(self, item, value):
        d = self.driver
        selector = "#item-%s button[name=value][value='%d']" % (item, value)
        wait(d, lambda d: d.find_element(By.CSS_SELECTOR, selector), "no button %s" % selector)
        html = d.find_element(By.TAG_NAME, "html")
        again(lambda: d.find_element(By.CSS_SELECTOR, selector).click())
        wait(d, lambda d: d.find_element(By.CSS_SELECTOR, selector).get_attribute("aria-pressed") == "true",
             "%s's rating %s=%d is not highlighted; the page shows:\n%s" % (self.name, item, value, room_text(d)))
        check(reloaded(html) != self.javascript, "answering %s the page" % ("reloaded" if self.javascript else
                                                                          "did not reload"))
        check(len(d.find_elements(By.CSS_SELECTOR, "#item-%s button.chosen" % item)) == 1,
              "more than one point is highlighted for %s" % item)

    def pick(self, option):
        d = self.driver
        selector = "form.options button[name=option][value='%s']" % option
        again(lambda: d.find_element(By.CSS_SELECTOR, selector).click())
        wait(d, lambda d: d.find_element(By.CSS_SELECTOR, selector).get_attribute("aria-pressed") == "true",
             "%s's pick %s is not highlighted" % (self.name, option))

    def strategy(self, text):
        d = self.driver

        def send():
            box = d.find_element(By.ID, "strategy-text")
            box.clear()
            box.send_keys(text)
            box.find_element(By.XPATH, "./ancestor::form").find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        again(send)
        wait(d, lambda d: any(li.text == text for li in d.find_elements(By.CSS_SELECTOR, "ul.stated li")),
             "%s's strategy is not listed; the page shows:\n%s" % (self.name, room_text(d)))

    def declare(self, op, other):
        d = self.driver
        selector = "#department-%s form.toggle input[name=op][value=%s]" % (other, op)
        again(lambda: d.find_element(By.CSS_SELECTOR, selector).find_element(By.XPATH, "./ancestor::form")
              .find_element(By.CSS_SELECTOR, "button").click())

        def done(d):
            f = d.find_element(By.CSS_SELECTOR, selector).find_element(By.XPATH, "./ancestor::form")
            return f.find_element(By.CSS_SELECTOR, "button").get_attribute("aria-checked") == "true"
        wait(d, done, "%s's %s %s is not checked" % (self.name, op, other))

    def note(self, text):
        d = self.driver

        def send():
            details = d.find_element(By.CSS_SELECTOR, "details.note")
            if details.get_attribute("open") is None:
                details.find_element(By.TAG_NAME, "summary").click()
            box = d.find_element(By.ID, "note-text")
            box.clear()
            box.send_keys(text)
            box.find_element(By.XPATH, "./ancestor::form").find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        again(send)
        wait(d, lambda d: d.find_elements(By.CSS_SELECTOR, "p.confirmation") or
             d.find_elements(By.CSS_SELECTOR, "p.refusal"), "%s's note got no reply" % self.name)
        check(not d.find_elements(By.CSS_SELECTOR, "p.refusal"), "%s's note was refused: %s"
              % (self.name, room_text(d)))


def reloaded(element):
    """True when the page holding `element` was replaced by a new one."""
    try:
        element.tag_name
        return False
    except StaleElementReferenceException:
        return True


def wait_connected(driver):
    # app.js hides #offline once its WebSocket is open; give it the time to open.
    time.sleep(0.3)
    wait(driver, lambda d: not d.find_element(By.ID, "offline").is_displayed(), "the page shows it is offline")


def check_fits(driver, what):
    """Nothing wider than the screen: a 360 px phone reads it without zooming or scrolling sideways."""
    width = driver.execute_script("return document.documentElement.scrollWidth")
    viewport = driver.execute_script("return window.innerWidth")
    check(width <= viewport, "%s is %dpx wide on a %dpx screen" % (what, width, viewport))


# --- the projector ----------------------------------------------------------------------------

def decode_qr(driver, artifacts):
    os.makedirs(artifacts, exist_ok=True)
    path = os.path.join(artifacts, "projector-qr.png")
    driver.save_screenshot(path)
    result = subprocess.run(["zbarimg", "--quiet", "--raw", path], capture_output=True, text=True)
    check(result.returncode == 0, "zbarimg read no QR code off the projector (status %d: %s)"
          % (result.returncode, result.stderr.strip()))
    return result.stdout.strip()


def check_screen_fits(driver, what):
    """The projector shows everything at once: nothing to scroll on a 1920x1080 screen."""
    width, height = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
    check(width <= 1920 and height <= 1080, "the projector needs %dx%d px for %s" % (width, height, what))


def font_size(driver, selector):
    return driver.execute_script(
        "return parseFloat(getComputedStyle(document.querySelector(arguments[0])).fontSize)", selector)


# --- the scenario -----------------------------------------------------------------------------

def whole_workshop(facilitator, browsers, artifacts, results):
    f = facilitator
    f.say("dept add marketing Marketing")
    f.say("dept add legal Legal")
    f.say("code")
    key = f.wait_for(r"/screen\?key=([A-Za-z0-9_-]+)").group(1)
    screen_url = "http://127.0.0.1:%d/screen?key=%s" % (f.web_port, key)

    # The projector, at 1920x1080.
    projector = browsers.open("projector", 1920, 1080, mobile=False)
    projector.get(screen_url)
    wait_text(projector, CODE)
    check(font_size(projector, "main.projector .prompt, main.projector .invite") >= 28,
          "the projector's text is smaller than 28px")
    join_url = decode_qr(projector, artifacts)
    check(join_url == "http://127.0.0.1:%d/?code=%s" % (f.web_port, CODE),
          "the QR code holds %r, not the join URL" % join_url)
    results.append("projector: code %s shown, QR decodes to %s" % (CODE, join_url))

    # Three phones: English, French by the browser's language, French by the switch.
    proxy = CuttableProxy(f.web_port)
    ana = Phone(browsers, "Ana", "marketing", "en")
    bruno = Phone(browsers, "Bruno", "legal", "fr", via_port=proxy.port)
    chloe = Phone(browsers, "Chloe", "marketing", "en")
    ana.join(join_url)
    bruno.join(join_url)
    check(bruno.driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr",
          "Accept-Language fr did not give the French page")
    chloe.join(join_url, switch_to="fr")
    phones = [ana, bruno, chloe]
    # Once seated, the switch changes the seat's language (a `locale` request), without reloading.
    for language, word in (("fr", "Quitter la séance"), ("en", "Leave the session")):
        ana.driver.find_element(By.CSS_SELECTOR, "nav.languages button[lang='%s']" % language).click()
        wait(ana.driver, lambda d: d.find_element(By.ID, "room").get_attribute("lang") == language
             and word in room_text(d), "Ana's switch to %s did not turn her page" % language)
    wait_text(projector, "3", "the projector does not count 3 joined")
    counts = {li.find_element(By.CLASS_NAME, "name").text: li.find_element(By.CLASS_NAME, "count").text
              for li in projector.find_elements(By.CSS_SELECTOR, "ul.joined li")}
    check(counts == {"Marketing": "2", "Legal": "1"}, "joined per department on the projector: %r" % counts)
    for phone in phones:
        check("Ana" not in projector.find_element(By.ID, "room").text, "the projector names a participant")
    check_screen_fits(projector, "the intro")
    browsers.screenshots("01-joined")

    expected = []  # (type, rater or department, stage, what)

    # Rating stages with one item each; Ana changes her mind once.
    f.say("next")
    for phone in phones:
        wait_stage(phone.driver, "ignore")
        check_fits(phone.driver, phone.name + " (rating)")
    f.say("timer 1")
    for phone in phones:
        wait(phone.driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".badge.timer .countdown"),
             "%s shows no countdown" % phone.name)
    first = ana.driver.find_element(By.CSS_SELECTOR, ".countdown").text
    check(re.fullmatch(r"[01]:[0-5]\d", first) is not None, "the countdown reads %r" % first)
    time.sleep(1.6)
    later = ana.driver.find_element(By.CSS_SELECTOR, ".countdown").text
    check(later != first, "the countdown does not tick (%s then %s)" % (first, later))
    wait(projector, lambda d: d.find_elements(By.CSS_SELECTOR, ".badge.timer .countdown"),
         "the projector shows no countdown")
    ana.rate("ignore", 2)
    ana.rate("ignore", 3)
    bruno.rate("ignore", 1)
    chloe.rate("ignore", 4)
    expected += [("rated", "Ana", "ignore", 2), ("rated", "Ana", "ignore", 3), ("rated", "Bruno", "ignore", 1),
                 ("rated", "Chloe", "ignore", 4)]
    check("Your answer: 3" in room_text(ana.driver), "Ana's answer is not said in words")
    wait_text(projector, "3 of 3 answered")
    browsers.screenshots("02-rated")
    f.say("lock")
    for phone in phones:
        wait(phone.driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".badge.locked"),
             "%s does not show the lock" % phone.name)
        check(all(not b.is_enabled() for b in phone.driver.find_elements(By.CSS_SELECTOR, "#item-ignore button")),
              "%s can still answer a locked stage" % phone.name)
    f.say("reveal")
    for phone in phones:
        wait(phone.driver, lambda d: d.find_elements(By.CSS_SELECTOR, "section.results svg.bars"),
             "%s shows no results chart after the reveal" % phone.name)
    wait(projector, lambda d: d.find_elements(By.CSS_SELECTOR, "figure.tally tr.company"),
         "the projector shows no tally after the reveal")
    company = [td.text for td in projector.find_elements(By.CSS_SELECTOR, "figure.tally tr.company td")]
    # Points 0..4, then n and the median: 1, 3, 4 -> one each at 1, 3 and 4; n 3; median 3.
    check(company == ["0", "1", "0", "1", "1", "3", "3"], "the projector's company row reads %r" % company)
    marketing = [td.text for td in projector.find_elements(By.XPATH,
                 "//figure[@class='tally']//tr[th='Marketing']/td")]
    check(marketing == ["0", "0", "0", "1", "1", "2", "3.5"], "the projector's Marketing row reads %r" % marketing)
    results.append("projector after reveal: company %s, Marketing %s" % (company, marketing))
    check_screen_fits(projector, "a revealed rating")
    browsers.screenshots("03-revealed")

    # status_quo: Bruno loses the connection and comes back.
    f.say("next")
    for phone in phones:
        wait_stage(phone.driver, "status_quo")
    proxy.cut()
    wait(bruno.driver, lambda d: d.find_element(By.ID, "offline").is_displayed(),
         "Bruno's page does not say the connection is lost")
    ana.rate("status_quo", 1)
    chloe.rate("status_quo", 2)
    f.say("next")  # delegate, while Bruno is away
    time.sleep(1)
    proxy.restore()
    wait_stage(bruno.driver, "delegate")
    wait_connected(bruno.driver)
    results.append("Bruno lost the connection on status_quo and came back on delegate by himself")
    for phone in phones:
        wait_stage(phone.driver, "delegate")
    ana.rate("delegate", 0)
    bruno.rate("delegate", 4)
    chloe.rate("delegate", 1)
    f.say("next")
    for phone in phones:
        wait_stage(phone.driver, "drift")
    ana.rate("drift", 2)
    bruno.rate("drift", 2)
    chloe.rate("drift", 3)
    expected += [("rated", "Ana", "status_quo", 1), ("rated", "Chloe", "status_quo", 2),
                 ("rated", "Ana", "delegate", 0), ("rated", "Bruno", "delegate", 4), ("rated", "Chloe", "delegate", 1),
                 ("rated", "Ana", "drift", 2), ("rated", "Bruno", "drift", 2), ("rated", "Chloe", "drift", 3)]

    # The pick.
    f.say("next")
    for phone in phones:
        wait_stage(phone.driver, "position")
    ana.pick("delegate")
    bruno.pick("status_quo")
    chloe.pick("delegate")
    expected += [("picked", "Ana", "position", "delegate"), ("picked", "Bruno", "position", "status_quo"),
                 ("picked", "Chloe", "position", "delegate")]
    f.say("reveal")
    wait(projector, lambda d: d.find_elements(By.CSS_SELECTOR, "figure.tally tr.company"),
         "the projector shows no pick tally")
    company = [td.text for td in projector.find_elements(By.CSS_SELECTOR, "figure.tally tr.company td")]
    check(company == ["0", "1", "2", "0", "3"], "the projector's pick row reads %r" % company)
    for phone in phones:
        wait(phone.driver, lambda d: d.find_elements(By.CSS_SELECTOR, "section.results svg.bars"),
             "%s shows no pick results after the reveal" % phone.name)
    browsers.screenshots("04-pick-revealed")

    # Three items on one stage.
    f.say("next")
    for phone in phones:
        wait_stage(phone.driver, "brakes")
    for phone, values in ((ana, (1, 2, 3)), (bruno, (4, 3, 2)), (chloe, (0, 1, 2))):
        for item, value in zip(("control", "understanding", "strategy"), values):
            phone.rate(item, value)
            expected.append(("rated", phone.name, item, value))
    f.say("reveal")
    wait(projector, lambda d: len(d.find_elements(By.CSS_SELECTOR, "figure.tally.items thead th.item")) == 3,
         "the projector does not show the three brakes' tallies")
    check_screen_fits(projector, "the three brakes' tallies")
    browsers.screenshots("05-brakes-revealed")

    # The strategy stage.
    f.say("next")
    for phone in phones:
        wait_stage(phone.driver, "strategy")
        check_fits(phone.driver, phone.name + " (strategy)")
    ana.strategy("One voice for all our pages")
    bruno.declare("knows", "marketing")
    chloe.declare("shares", "legal")
    expected += [("strategy_declared", "marketing", "strategy", "One voice for all our pages"),
                 ("knows_declared", "legal", "strategy", "marketing"),
                 ("shares_declared", "marketing", "strategy", "legal")]
    # A department's statements show at once on the pages of all its members, before any reveal.
    wait(ana.driver, lambda d: d.find_element(By.CSS_SELECTOR, "#department-legal form.toggle:nth-of-type(2) button")
         .get_attribute("aria-checked") == "true", "Ana does not see that her department shares with Legal")
    wait(chloe.driver, lambda d: [li.text for li in d.find_elements(By.CSS_SELECTOR, "ul.stated li")]
         == ["One voice for all our pages"], "Chloe does not see the strategy Ana stated for Marketing")
    results.append("a colleague's strategy and shares show on a department's pages at once")
    browsers.screenshots("05-strategy")
    f.say("reveal")
    wait(ana.driver, lambda d: d.find_elements(By.CSS_SELECTOR, "section.results ul.strategies li"),
         "Ana's page shows no strategy results after the reveal")
    check(font_size(ana.driver, "section.results ul.strategies") == font_size(ana.driver, "main"),
          "the strategy results on a phone are not in the page's text size")
    wait(projector, lambda d: d.find_elements(By.CSS_SELECTOR, "figure.silo-map table.silos"),
         "the projector shows no silo map on the strategy stage")
    check_screen_fits(projector, "the silo map")
    browsers.screenshots("05-strategy-revealed")

    # The closing discussion: notes.
    f.say("next")
    for phone in phones:
        wait_stage(phone.driver, "closing")
    ana.note("We should meet legal every month")
    bruno.note("Nous connaissons enfin leur stratégie")
    expected += [("note_added", "Ana", "closing", "We should meet legal every month"),
                 ("note_added", "Bruno", "closing", "Nous connaissons enfin leur stratégie")]

    # The facilitator's atelier stops (quit: paused) and comes back with `resume --listen`: the pages follow by
    # themselves, as the same people.
    f.stop()
    for phone in phones:
        wait(phone.driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".notice.paused")
             or d.find_element(By.ID, "offline").is_displayed(),
             "%s does not show that the session stopped" % phone.name)
    browsers.screenshots("06-paused")
    mark = len(f.output())
    f.start("resume")
    key = f.wait_for(r"/screen\?key=([A-Za-z0-9_-]+)", start=mark).group(1)
    for phone in phones:
        wait(phone.driver, lambda d: not d.find_elements(By.CSS_SELECTOR, ".notice.paused")
             and not d.find_element(By.ID, "offline").is_displayed()
             and d.find_elements(By.CSS_SELECTOR, "section.stage[data-stage='closing']"),
             "%s did not come back by itself after resume --listen" % phone.name, timeout=25)
    results.append("after quit and resume --listen, the three pages came back by themselves")
    projector.get("http://127.0.0.1:%d/screen?key=%s" % (f.web_port, key))
    chloe.note("Merci")
    expected.append(("note_added", "Chloe", "closing", "Merci"))

    f.say("end")
    for phone in phones:
        wait(phone.driver, lambda d: d.find_elements(By.CSS_SELECTOR, "section.notice.ended"),
             "%s does not show the end" % phone.name)
    wait(projector, lambda d: d.find_elements(By.CSS_SELECTOR, "section.summary"),
         "the projector shows no summary at the end")
    check_screen_fits(projector, "the summary")
    browsers.screenshots("06-ended")

    # Every answer in the journal, exactly once.
    events = facilitator.journal()
    answered = []
    for e in events:
        actor = (e.get("actor") or {}).get("name")
        if e["type"] == "rated":
            answered.append(("rated", rater(e), e["item"], e["value"]))
        elif e["type"] == "picked":
            answered.append(("picked", rater(e), e["stage"], e["option"]))
        elif e["type"] in ("strategy_declared",):
            answered.append((e["type"], e["department"], "strategy", e["text"]))
        elif e["type"] in ("knows_declared", "shares_declared"):
            answered.append((e["type"], e["department"], "strategy", e["other"]))
        elif e["type"] == "note_added":
            answered.append(("note_added", actor, e["stage"], e["text"]))
    check(sorted(map(str, answered)) == sorted(map(str, expected)),
          "the journal's answers differ from those given:\nmissing %r\nextra %r" % (
              [x for x in expected if x not in answered], [x for x in answered if x not in expected]))
    results.append("journal: %d answers from the browsers, each exactly once" % len(expected))


def rater(event):
    """A participant's name or a department's id (docs/recording-format.md)."""
    return event["rater"].get("name") or event["rater"].get("id")


def misuse(facilitator, browsers, artifacts, results):
    """A second session: acting for another, a facilitator command, a <script> name, /screen without key, no JS."""
    f = facilitator
    f.say("dept add it IT")
    f.say("dept add hr HR")
    f.say("next")
    f.say("code")
    f.wait_for(r"/screen\?key=")
    join_url = "http://127.0.0.1:%d/?code=%s" % (f.web_port, CODE)
    base = "http://127.0.0.1:%d" % f.web_port

    # /screen without its key, and with a wrong one.
    for path in ("/screen", "/screen?key=nope"):
        try:
            urllib.request.urlopen(base + path, timeout=WAIT)
            raise Failure("%s was served" % path)
        except urllib.error.HTTPError as error:
            check(error.code == 403, "%s answered %d, not 403" % (path, error.code))
    results.append("/screen without or with a wrong key: 403")

    # A <script> name shows as text, here and on the facilitator's list.
    evil = "<script>alert(1)</script>"
    mallory = Phone(browsers, evil, "it", "en")
    mallory.join(join_url)
    no_alert(mallory.driver)
    check(evil in mallory.driver.find_element(By.CSS_SELECTOR, "footer.bottom p.you").text,
          "the <script> name is not shown as text")
    check(not mallory.driver.find_elements(By.CSS_SELECTOR, "#room script"), "the name became a script element")
    results.append("a <script> name renders as text")

    dana = Phone(browsers, "Dana", "hr", "en")
    dana.join(join_url)
    wait_stage(dana.driver, "ignore")
    before = len(f.journal())

    # Acting for another participant, and a facilitator command, through the page's own origin.
    def post(driver, fields):
        return driver.execute_async_script("""
            var done = arguments[arguments.length - 1];
            fetch('/act', {method: 'POST', credentials: 'same-origin', body: new URLSearchParams(arguments[0])})
              .then(function (r) { return r.text(); }).then(done, function (e) { done('ERROR ' + e); });
        """, fields)
    replies = [
        post(dana.driver, {"op": "rate", "item": "%s ignore" % evil, "value": "1"}),
        post(dana.driver, {"op": "rate", "item": "ignore extra", "value": "1"}),
        post(dana.driver, {"op": "next"}),
        post(dana.driver, {"op": "end"}),
        post(dana.driver, {"op": "knows", "other": "it hr"}),
    ]
    for fields, reply in zip(["for another", "extra words", "next", "end", "knows for another"], replies):
        check('class="refusal"' in reply, "acting %s was not refused:\n%s" % (fields, reply[:600]))
    check(len(f.journal()) == before, "a refused action wrote to the journal")
    dana.driver.get(join_url)
    wait_stage(dana.driver, "ignore")
    results.append("acting for another and facilitator commands refused with the line protocol's sentence; journal unchanged")

    # Without JavaScript: join and answer with plain forms.
    plain = Phone(browsers, "Eve", "it", "en", javascript=False)
    plain.join(join_url)
    plain.rate("ignore", 2)
    events = f.journal()
    rated = [e for e in events if e["type"] == "rated" and rater(e) == "Eve"]
    check(len(rated) == 1 and rated[0]["value"] == 2, "the answer without JavaScript is not in the journal once")
    results.append("without JavaScript: joined and answered with plain forms (each a full page)")
    browsers.screenshots("07-misuse")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--atelier", required=True)
    parser.add_argument("--artifacts", default=os.path.join(tempfile.gettempdir(), "atelier-browser-artifacts"))
    parser.add_argument("--keep", action="store_true", help="keep every screenshot, not only on failure")
    parser.add_argument("--only", help="run only this test (whole_workshop, misuse)")
    args = parser.parse_args()
    binary = os.path.abspath(args.atelier)
    artifacts = os.path.abspath(args.artifacts)
    failures = 0
    for test in (whole_workshop, misuse):
        if args.only and test.__name__ != args.only:
            continue
        shutil.rmtree(os.path.join(artifacts, test.__name__), ignore_errors=True)
        home = tempfile.mkdtemp(prefix="atelier-browser-")
        facilitator = Facilitator(binary, home, free_port(), free_port(), session=test.__name__)
        browsers = Browsers(os.path.join(artifacts, test.__name__), keep=args.keep)
        results = []
        try:
            facilitator.start()
            signal.alarm(TEST_LIMIT)
            test(facilitator, browsers, artifacts, results)
            signal.alarm(0)
            if args.keep:
                browsers.screenshots("final")
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
