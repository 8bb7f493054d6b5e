// atelier: the pages' script (participant and projector). Progressive
// enhancement only: every form works without it. With it, forms go over a
// WebSocket as one JSON object of their fields, and each push from the
// server (a whole <main id="room"> rendered by the server) replaces the page's
// in place. It has no words of its own: it shows what the server put in
// data- attributes. No framework, no library.
"use strict";
(function () {
  var body = document.body;
  var socketPath = body.getAttribute("data-socket");
  var screen = body.classList.contains("screen");
  var socket = null;
  var retry = 0;
  var timer = null;
  var final = false;
  var lastSent = null;

  function room() { return document.getElementById("room"); }

  // Seated participants and the projector follow the room; the join form does not.
  function wantsSocket() { return screen || !room().querySelector("form.join"); }

  function offline(shown) {
    var banner = document.getElementById("offline");
    if (!banner) return;
    banner.textContent = room().getAttribute("data-offline") || "";
    banner.hidden = !shown;
  }

  function connect() {
    if (final || socket || !wantsSocket()) return;
    var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + socketPath +
      (screen ? location.search : "");
    var ws;
    try { ws = new WebSocket(url); } catch (e) { schedule(); return; }
    socket = ws;
    ws.onopen = function () { retry = 0; offline(false); };
    ws.onmessage = function (event) { if (typeof event.data === "string") swap(event.data); };
    ws.onclose = function (event) {
      socket = null;
      // 4000-4099: the server closed the seat for good (kicked, replaced, left).
      if (event.code >= 4000 && event.code < 4100) { final = true; return; }
      offline(true);
      schedule();
    };
  }

  // Reconnects after 0.5 s, 1 s, 2 s … up to 10 s, with some jitter.
  function schedule() {
    if (timer || final) return;
    var delay = Math.min(10000, 500 * Math.pow(2, retry)) * (0.8 + Math.random() * 0.4);
    retry = Math.min(retry + 1, 5);
    timer = setTimeout(function () { timer = null; connect(); }, delay);
  }

  function now() { return (window.performance && performance.now) ? performance.now() : Date.now(); }

  // Replaces <main id="room"> with the server's, keeping what the reader was typing.
  function swap(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    var fresh = template.content.querySelector("#room");
    var old = room();
    if (!fresh || !old) return;
    var kept = {};
    old.querySelectorAll("textarea[id], input[id]:not([type=hidden])").forEach(function (field) {
      if (field.value) kept[field.id] = field.value;
    });
    // A folded box the reader opened or closed stays so while the stage is the same.
    var opened = {};
    var stage = function (main) {
      var section = main.querySelector("[data-stage]");
      return section ? section.getAttribute("data-stage") : "";
    };
    if (stage(old) === stage(fresh)) {
      old.querySelectorAll("details[class]").forEach(function (d) { opened[d.className] = d.open; });
    }
    var focused = document.activeElement && document.activeElement.id;
    var refused = !!fresh.querySelector(".refusal");
    if (lastSent) {
      if (refused) kept[lastSent.id] = lastSent.value; else delete kept[lastSent.id];
      lastSent = null;
    }
    Object.keys(kept).forEach(function (id) {
      var field = fresh.querySelector("#" + CSS.escape(id));
      if (field && !field.disabled && field.tagName !== "SELECT") field.value = kept[id];
    });
    fresh.querySelectorAll("details[class]").forEach(function (d) {
      if (opened[d.className] !== undefined) d.open = opened[d.className];
    });
    old.replaceWith(fresh);
    document.documentElement.lang = fresh.getAttribute("lang") || document.documentElement.lang;
    stamp();
    if (focused) {
      var again = document.getElementById(focused);
      if (again) again.focus();
    }
  }

  // Countdowns count from when their fragment arrived.
  function stamp() {
    var t0 = String(now());
    room().querySelectorAll(".countdown").forEach(function (c) { c.setAttribute("data-t0", t0); });
  }

  function tick() {
    room().querySelectorAll(".countdown[data-left]").forEach(function (c) {
      var left = Number(c.getAttribute("data-left")) - (now() - Number(c.getAttribute("data-t0") || now()));
      if (left <= 0) {
        var badge = c.parentNode;
        badge.textContent = room().getAttribute("data-time-up") || "";
        badge.classList.add("done");
        badge.removeAttribute("role");
        return;
      }
      var seconds = Math.ceil(left / 1000);
      var rest = seconds % 60;
      var text = Math.floor(seconds / 60) + ":" + (rest < 10 ? "0" : "") + rest;
      if (c.textContent !== text) c.textContent = text;
    });
  }

  function fields(form, submitter) {
    var data = {};
    var entries = new FormData(form);
    entries.forEach(function (value, name) { data[name] = String(value); });
    if (submitter && submitter.name) data[submitter.name] = submitter.value;
    return data;
  }

  // Posts a form as a browser would, and shows the page it answers with.
  function post(form, data) {
    var params = new URLSearchParams();
    Object.keys(data).forEach(function (name) { params.append(name, data[name]); });
    return fetch(form.getAttribute("action"), {
      method: "POST", credentials: "same-origin", body: params,
      headers: { "Content-Type": "application/x-www-form-urlencoded" }
    }).then(function (response) { return response.text(); })
      .then(function (html) { swap(html); connect(); })
      .catch(function () { form.submit(); });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "post") return;
    event.preventDefault();
    var data = fields(form, event.submitter);
    var text = form.querySelector("textarea[id]");
    if (text) lastSent = { id: text.id, value: text.value };
    if (event.submitter) event.submitter.classList.add("pending");
    var isAct = form.getAttribute("action") === "/act";
    if (isAct && socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(data));
    } else {
      post(form, data);
    }
  });

  window.addEventListener("online", function () { if (timer) { clearTimeout(timer); timer = null; } connect(); });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") connect();
  });

  stamp();
  setInterval(tick, 250);
  connect();
})();
