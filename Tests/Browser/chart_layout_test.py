#!/usr/bin/python3
"""The report's charts as a browser lays them out: headless Chromium at 1280 px.

For each HTML page given, measures in the browser (SVG getBBox, in each chart's
own coordinates) and checks:
- every text of every chart lies within the chart's view box (no legend or
  label cut, whatever the language);
- in the silo map: no two texts overlap, no arrow passes through a text (each
  path sampled every 2 px with getPointAtLength), and no department's circle
  covers another's label.
Takes a screenshot of each silo map (and of the whole page with --full) into
--artifacts, to be looked at.

Usage: /usr/bin/python3 Tests/Browser/chart_layout_test.py --artifacts DIR PAGE.html [PAGE.html ...]
Needs Debian's chromium, chromium-driver and python3-selenium.
Prints one line per page ("ok   NAME" or "FAIL NAME: ..."); exit status 0 when every check held.
"""

import argparse
import base64
import os
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

# Everything is measured in the page by this script: the texts' boxes, the
# arrows' sampled points, the circles.
MEASURE = r"""
const result = {charts: []};
// A box or a point in the chart's own coordinates, whatever transform its element sits under.
function toChart(svg, element) {
  const m = svg.getScreenCTM().inverse().multiply(element.getScreenCTM());
  return (x, y) => { const p = new DOMPoint(x, y).matrixTransform(m); return [p.x, p.y]; };
}
function chartBox(svg, element) {
  const b = element.getBBox();
  const f = toChart(svg, element);
  const corners = [f(b.x, b.y), f(b.x + b.width, b.y), f(b.x, b.y + b.height), f(b.x + b.width, b.y + b.height)];
  const xs = corners.map(c => c[0]), ys = corners.map(c => c[1]);
  return {x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys)};
}
for (const svg of document.querySelectorAll('svg.chart')) {
  const box = svg.viewBox.baseVal;
  const chart = {id: svg.id, width: box.width, height: box.height, texts: [], paths: [], circles: []};
  for (const t of svg.querySelectorAll('text')) {
    const b = chartBox(svg, t);
    if (b.w === 0 && b.h === 0) continue;
    chart.texts.push({text: t.textContent, cls: t.getAttribute('class') || '',
                      department: (t.closest('g.department') || {dataset: {}}).dataset.department || null,
                      x: b.x, y: b.y, w: b.w, h: b.h});
  }
  if (svg.id === 'chart-silo-map') {
    for (const p of svg.querySelectorAll('path.link')) {
      if (p.closest('g.legend')) continue;
      const length = p.getTotalLength();
      const points = [];
      const f = toChart(svg, p);
      for (let s = 0; s <= length; s += 2) { const q = p.getPointAtLength(s); points.push(f(q.x, q.y)); }
      chart.paths.push({cls: p.getAttribute('class'), d: p.getAttribute('d'), points: points});
    }
    for (const c of svg.querySelectorAll('g.department circle')) {
      const centre = toChart(svg, c)(c.cx.baseVal.value, c.cy.baseVal.value);
      chart.circles.push({department: c.closest('g.department').dataset.department,
                          x: centre[0], y: centre[1], r: c.r.baseVal.value});
    }
  }
  result.charts.push(chart);
}
return result;
"""


def overlap(a, b, margin=0.0):
    return (a["x"] < b["x"] + b["w"] + margin and b["x"] < a["x"] + a["w"] + margin
            and a["y"] < b["y"] + b["h"] + margin and b["y"] < a["y"] + a["h"] + margin)


def inside(point, box, margin=0.0):
    x, y = point
    return (box["x"] - margin <= x <= box["x"] + box["w"] + margin
            and box["y"] - margin <= y <= box["y"] + box["h"] + margin)


def problems_of(measured):
    problems = []
    for chart in measured["charts"]:
        for t in chart["texts"]:
            if t["x"] < -0.5 or t["y"] < -0.5 or t["x"] + t["w"] > chart["width"] + 0.5 \
                    or t["y"] + t["h"] > chart["height"] + 0.5:
                problems.append("%s: \"%s\" is cut (box %.1f,%.1f %.1fx%.1f in %gx%g)" % (
                    chart["id"], t["text"], t["x"], t["y"], t["w"], t["h"], chart["width"], chart["height"]))
        if chart["id"] != "chart-silo-map":
            continue
        texts = chart["texts"]
        for i in range(len(texts)):
            for j in range(i + 1, len(texts)):
                a, b = texts[i], texts[j]
                # A department's count sits inside its own circle, apart from every label.
                if overlap(a, b, margin=-0.5):
                    problems.append("silo map: \"%s\" overlaps \"%s\"" % (a["text"], b["text"]))
        labels = [t for t in texts if "count" not in t["cls"]]
        for path in chart["paths"]:
            for t in labels:
                hits = [p for p in path["points"] if inside(p, t, margin=1.0)]
                if hits:
                    problems.append("silo map: an arrow (%s) passes through \"%s\" at %.0f,%.0f" % (
                        path["d"], t["text"], hits[0][0], hits[0][1]))
        for c in chart["circles"]:
            for t in labels:
                nearest_x = min(max(c["x"], t["x"]), t["x"] + t["w"])
                nearest_y = min(max(c["y"], t["y"]), t["y"] + t["h"])
                if (nearest_x - c["x"]) ** 2 + (nearest_y - c["y"]) ** 2 < c["r"] ** 2:
                    problems.append("silo map: the circle of %s covers \"%s\"" % (c["department"], t["text"]))
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--artifacts", required=True)
    parser.add_argument("--full", action="store_true", help="also a screenshot of each whole page")
    parser.add_argument("pages", nargs="+")
    args = parser.parse_args()
    os.makedirs(args.artifacts, exist_ok=True)
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-first-run", "--disable-extensions", "--window-size=1280,900",
                     "--user-data-dir=" + tempfile.mkdtemp(prefix="atelier-charts-")]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    failed = 0
    try:
        for page in args.pages:
            name = os.path.splitext(os.path.basename(page))[0]
            driver.get("file://" + os.path.abspath(page))
            measured = driver.execute_script(MEASURE)
            silo = [c for c in measured["charts"] if c["id"] == "chart-silo-map"]
            problems = problems_of(measured)
            if silo:
                element = driver.find_element("id", "chart-silo-map")
                figure = driver.execute_script("return arguments[0].closest('figure') || arguments[0]", element)
                figure.screenshot(os.path.join(args.artifacts, name + "-silo-map.png"))
            if args.full:
                metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
                size = metrics.get("cssContentSize") or metrics["contentSize"]
                shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
                    "format": "png", "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
                with open(os.path.join(args.artifacts, name + "-page.png"), "wb") as f:
                    f.write(base64.b64decode(shot["data"]))
            if problems:
                failed += 1
                print("FAIL %s: %d problem(s)" % (name, len(problems)))
                for problem in problems:
                    print("     " + problem)
            else:
                texts = sum(len(c["texts"]) for c in measured["charts"])
                arrows = sum(len(c["paths"]) for c in silo)
                print("ok   %s (%d charts, %d texts, %d arrows in the silo map)" % (
                    name, len(measured["charts"]), texts, arrows))
    finally:
        driver.quit()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
