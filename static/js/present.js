/* The presenter and the facilitator notes (templates/present/). Without this script both are
   plain linked pages. With it: keys move between slides at once, R reveals, B blanks, N opens the
   notes window, which follows the slides by postMessage (and BroadcastChannel where the origin
   allows it), keeps the timer and the class counts (counts only, never names). The same file runs
   inline in the offline single-file pack, so it uses no network and no outside library. */
(function () {
  "use strict";
  var dataNode = document.getElementById("deck-data");
  if (!dataNode) { return; }
  var deck = JSON.parse(dataNode.textContent);
  var view = document.body.getAttribute("data-view");
  var offline = view === "offline";
  var TYPE = "kit-present";
  var channel = null;
  try { channel = new BroadcastChannel(TYPE + ":" + deck.key); } catch (e) { channel = null; }

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  /* ---------------------------------------------------------------- presenter ---------- */
  function presenter() {
    var slides = $all(".slide");
    var state = { index: 0, blank: false, reveal: false };
    var notesWin = null;
    var pattern = document.body.getAttribute("data-href-pattern");
    var current = slides.filter(function (s) { return !s.hidden; })[0];
    state.index = current ? Number(current.getAttribute("data-index")) : 0;
    var hashed = /^#slide-(\d+)$/.exec(location.hash);
    if (hashed) { state.index = Math.min(slides.length, Math.max(1, Number(hashed[1]))) - 1; }
    $all(".nav-blank, .nav-full").forEach(function (b) { b.hidden = false; });

    function href(i) { return pattern ? pattern.replace("__N__", String(i + 1)) : "#slide-" + (i + 1); }

    function send() {
      var msg = { type: TYPE, key: deck.key, index: state.index, blank: state.blank, reveal: state.reveal };
      if (notesWin && !notesWin.closed) { notesWin.postMessage(msg, "*"); }
      if (channel) { channel.postMessage(msg); }
    }

    function show(i, focus) {
      i = Math.max(0, Math.min(slides.length - 1, i));
      var changed = i !== state.index;
      state.index = i;
      slides.forEach(function (s, j) { s.hidden = j !== i; });
      if (changed) { setReveal(false); } else { fitSlide(); }  // setReveal fits the slide too
      var prev = $(".nav-prev"), next = $(".nav-next");
      prev.setAttribute("href", href(Math.max(0, i - 1)));
      next.setAttribute("href", href(Math.min(slides.length - 1, i + 1)));
      toggleAttr(prev, "aria-disabled", i === 0);
      toggleAttr(next, "aria-disabled", i === slides.length - 1);
      var count = "Slide " + (i + 1) + " of " + slides.length;
      $("#slide-count").textContent = count;
      var heading = deck.slides[i].heading;
      document.title = heading + " – " + deck.title + " – Presenter";
      $("#slide-status").textContent = count + ": " + heading;
      if (changed || focus) {
        if (pattern) { history.replaceState(null, "", href(i)); }
        else if (offline) { history.replaceState(null, "", "#slide-" + (i + 1)); }
      }
      send();
    }

    /* A long slide (many key messages, a revealed explanation, both languages) shrinks its type
       until it fits the screen above the controls, so nothing is cut off at the back of the room. */
    var FIT_STEP = 0.94, FIT_MIN = 0.45;
    function fitSlide() {
      var slide = slides[state.index], root = document.documentElement;
      if (slide.style.fontSize) { slide.style.fontSize = ""; }
      var over = root.scrollHeight / window.innerHeight;
      if (over <= 1.002) { return; }  // the usual case: one layout, nothing to change
      var base = parseFloat(getComputedStyle(slide).fontSize);
      // Wrapped text grows about as the square of its size: start near the answer, then step down.
      var size = Math.max(base * FIT_MIN, base / Math.sqrt(over));
      slide.style.fontSize = size.toFixed(1) + "px";
      while (root.scrollHeight > window.innerHeight + 1 && size > base * FIT_MIN) {
        size *= FIT_STEP;
        slide.style.fontSize = size.toFixed(1) + "px";
      }
    }

    function toggleAttr(el, name, on) { if (on) { el.setAttribute(name, "true"); } else { el.removeAttribute(name); } }

    function setReveal(on) {
      var slide = slides[state.index];
      var details = $("details.reveal", slide);
      state.reveal = Boolean(on && details);
      if (details) { details.open = state.reveal; }
      slide.classList.toggle("revealed", state.reveal);
      fitSlide();
    }

    function setBlank(on) {
      state.blank = on;
      $("#blank").hidden = !on;
      $("#slide-status").textContent = on ? "Screen blank. Press B to show the slide." : "";
      send();
    }

    function openNotes() {
      var url = offline ? location.href.split("#")[0] + "#notes" : document.body.getAttribute("data-notes-url");
      notesWin = window.open(url, "kit-notes-" + deck.key, "popup,width=960,height=820");
      if (notesWin) { setTimeout(send, 300); }
      return notesWin;
    }

    /* A bilingual deck shows Welsh with English beneath; L shows Welsh alone, then English alone,
       then both again. The choice is remembered in this browser for the next lesson. */
    var SHOW = ["both", "cy", "en"];
    var SHOWN = { both: "Cymraeg and English", cy: "Cymraeg only", en: "English only" };
    var SHOW_KEY = "kit-present-show";
    var langButton = $(".nav-lang");

    function setShow(mode, announce) {
      if (!langButton || SHOW.indexOf(mode) < 0) { return; }
      document.body.setAttribute("data-show", mode);
      langButton.textContent = "Language (L): " + SHOWN[mode];
      langButton.hidden = false;
      try { localStorage.setItem(SHOW_KEY, mode); } catch (e) { /* private mode: not remembered */ }
      if (announce) { $("#slide-status").textContent = SHOWN[mode]; fitSlide(); }
    }

    function nextShow() {
      var now = document.body.getAttribute("data-show") || "both";
      setShow(SHOW[(SHOW.indexOf(now) + 1) % SHOW.length], true);
    }

    function remembered() {
      try { return localStorage.getItem(SHOW_KEY) || "both"; } catch (e) { return "both"; }
    }

    function fullScreen() {
      if (document.fullscreenElement) { document.exitFullscreen(); }
      else if (document.documentElement.requestFullscreen) { document.documentElement.requestFullscreen().catch(function () {}); }
    }

    var keys = {
      ArrowRight: function () { show(state.index + 1); }, PageDown: function () { show(state.index + 1); },
      ArrowLeft: function () { show(state.index - 1); }, PageUp: function () { show(state.index - 1); },
      Home: function () { show(0); }, End: function () { show(slides.length - 1); },
      r: function () { setReveal(!state.reveal); send(); },
      b: function () { setBlank(!state.blank); }, ".": function () { setBlank(!state.blank); },
      n: openNotes, f: fullScreen, l: nextShow
    };
    document.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.altKey || e.metaKey) { return; }
      if (/^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) { return; }
      var action = keys[e.key.length === 1 ? e.key.toLowerCase() : e.key];
      if (!action) { return; }
      if (e.key === "Home" || e.key === "End" || e.key.indexOf("Page") === 0 || e.key.indexOf("Arrow") === 0) {
        if (e.target.tagName === "SUMMARY" && e.key.indexOf("Arrow") !== 0) { return; }
      }
      e.preventDefault();
      action();
    });
    $(".nav-prev").addEventListener("click", function (e) { e.preventDefault(); show(state.index - 1); });
    $(".nav-next").addEventListener("click", function (e) { e.preventDefault(); show(state.index + 1); });
    $(".nav-notes").addEventListener("click", function (e) { if (openNotes()) { e.preventDefault(); } });
    $(".nav-blank").addEventListener("click", function () { setBlank(!state.blank); });
    $(".nav-full").addEventListener("click", fullScreen);
    if (langButton) { langButton.addEventListener("click", nextShow); }
    $("#blank").addEventListener("click", function () { setBlank(false); });
    $all("details.reveal").forEach(function (d) {
      d.addEventListener("toggle", function () {
        if (slides[state.index].contains(d) && d.open !== state.reveal) { setReveal(d.open); send(); }
      });
    });
    function listen(data, source) {
      if (!data || data.type !== TYPE + "-notes" || data.key !== deck.key) { return; }
      // The notes window says hello when it opens and again whenever it has not heard from us:
      // after this page is reloaded, that is how the presenter finds the window it opened before.
      if (source && source !== window) { notesWin = source; }
      if (data.action === "go") { show(data.index); } else { send(); }
    }
    window.addEventListener("message", function (e) { listen(e.data, e.source); });
    if (channel) { channel.onmessage = function (e) { listen(e.data, null); }; }
    window.addEventListener("resize", fitSlide);
    setShow(remembered(), false);
    show(state.index);
    window.kitPresenter = { show: show, state: state };
  }

  /* ---------------------------------------------------------------- notes window -------- */
  function notes() {
    var sections = $all(".note");
    var store = window.KitCounts.open(deck);
    var timer = { lessonStart: null, segment: null, segmentStart: null, index: 0 };
    var heard = 0;  // when the presenter last spoke: silence means it was reloaded or closed
    var QUIET_MS = 1000;
    $(".notes-nav").hidden = false;
    $("#download-counts").hidden = false;
    $("#clear-counts").hidden = false;
    $("#timer-restart").hidden = false;

    function follow(index) {
      timer.index = index;
      sections.forEach(function (s, j) { s.hidden = j !== index; });
      $("#notes-count").textContent = "Slide " + (index + 1) + " of " + sections.length;
      var slide = deck.slides[index];
      var now = Date.now();
      if (index > 0 && timer.lessonStart === null) { timer.lessonStart = now; }
      if (slide.segment !== timer.segment) { timer.segment = slide.segment; timer.segmentStart = now; }
      $("#notes-follow-hint").hidden = true;
      tick();
    }

    function clock(ms) {
      var s = Math.round(Math.abs(ms) / 1000);
      return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
    }

    function tick() {
      var slide = deck.slides[timer.index] || {};
      var now = Date.now();
      var activity = $("#time-activity"), lesson = $("#time-lesson"), over = $("#over-time");
      if (slide.minutes && timer.segmentStart !== null) {
        var left = slide.minutes * 60000 - (now - timer.segmentStart);
        activity.textContent = left >= 0 ? clock(left) + " left of " + slide.minutes + " min" : "over by " + clock(left);
      } else { activity.textContent = "no time set for this slide"; }
      if (timer.lessonStart === null) { return; }
      var lessonLeft = deck.length * 60000 - (now - timer.lessonStart);
      lesson.textContent = lessonLeft >= 0 ? clock(lessonLeft) + " left" : "over by " + clock(lessonLeft);
      var note = lessonLeft < 0 ? "The lesson is over time: go to the signposting slide and finish." : "";
      if (over.textContent !== note) { over.textContent = note; }
    }

    function send(action, index) {
      var msg = { type: TYPE + "-notes", key: deck.key, action: action, index: index };
      if (window.opener && !window.opener.closed) { window.opener.postMessage(msg, "*"); }
      if (channel) { channel.postMessage(msg); }
    }

    function listen(data) {
      if (!data || data.type !== TYPE || data.key !== deck.key) { return; }
      heard = Date.now();
      if (data.index !== timer.index || timer.segment === null) { follow(data.index); }
    }
    window.addEventListener("message", function (e) { listen(e.data); });
    if (channel) { channel.onmessage = function (e) { listen(e.data); }; }
    $all("[data-go]").forEach(function (b) {
      b.addEventListener("click", function () { send("go", timer.index + Number(b.getAttribute("data-go"))); });
    });
    $("#timer-restart").addEventListener("click", function () {
      timer.lessonStart = Date.now(); timer.segmentStart = Date.now(); tick();
    });
    store.bind();
    sections.forEach(function (s, j) { s.hidden = j !== 0; });
    setInterval(tick, 1000);
    setInterval(function () { if (Date.now() - heard > QUIET_MS) { send("hello"); } }, 400);
    send("hello");
    window.kitNotes = { follow: follow, timer: timer, store: store };
  }

  if (view === "notes" || (offline && location.hash === "#notes")) {
    if (offline) { $("#deck").hidden = true; $(".deck-nav").hidden = true; $("#notes").hidden = false;
      document.body.className = "notes-page"; document.title = "Facilitator notes – " + deck.title; }
    notes();
  } else {
    presenter();
  }
}());
