/* The class counts typed in the notes window (templates/present/_notes.html): checked as they are
   typed, kept in this browser (every keystroke, even a refused one, so nothing typed is lost),
   shown as class percentages and change since the baseline, and downloadable as the counts file
   (format safer-sessions-kit/counts, version 1). Counts only: nothing identifies a pupil. */
(function () {
  "use strict";
  var FORMAT = "safer-sessions-kit/counts";

  function parse(raw) {
    var text = String(raw || "").trim();
    if (text === "") { return { empty: true }; }
    if (/^\d{1,6}$/.test(text)) { return { value: Number(text) }; }
    if (/^-\s*\d+$/.test(text)) { return { error: "cannot be below 0" }; }
    return { error: "must be a whole number: \u201c" + text + "\u201d is not one" };
  }

  function open(deck) {
    var storageKey = "kit-counts:" + deck.key;
    var raw = {};
    try { raw = JSON.parse(localStorage.getItem(storageKey) || "{}") || {}; } catch (e) { raw = {}; }
    var presentInput = document.getElementById("present-count");
    var fieldsets = Array.prototype.slice.call(document.querySelectorAll("fieldset.counts"));

    function save() { try { localStorage.setItem(storageKey, JSON.stringify(raw)); } catch (e) { /* private mode: the page still holds them */ } }

    function setError(input, message) {
      var box = document.getElementById(input.id + "-error");
      if (message) { input.setAttribute("aria-invalid", "true"); } else { input.removeAttribute("aria-invalid"); }
      if (box.textContent !== message) { box.textContent = message; }
    }

    function present() {
      var p = parse(presentInput.value);
      if (p.value === 0) { p = { error: "must be more than 0" }; }
      setError(presentInput, p.error ? "Pupils present " + p.error + "." : "");
      return p.value || null;
    }

    /* Check one question's counts for one phase; return its valid counts and whether all were. */
    function check(fieldset, pupils) {
      var id = fieldset.getAttribute("data-question"), q = deck.questions[id];
      var phase = fieldset.getAttribute("data-phase");
      var name = (phase === "baseline" ? "Baseline" : "End-point") + " question " + q.number;
      var counts = {}, ok = true, answers = 0;
      fieldset.querySelectorAll("input.count").forEach(function (input) {
        var key = input.getAttribute("data-key");
        var what = key === "correct" ? "how many got it right" : (/^[A-H]$/.test(key) ? "option " + key : key);
        var p = parse(input.value), message = "";
        if (p.error) { message = name + ", " + what + " " + p.error + "."; }
        else if (!p.empty && pupils && p.value > pupils) {
          message = name + ", " + what + ": " + p.value + " is more than the " + pupils + " pupils present.";
        }
        setError(input, message);
        if (message) { ok = false; } else if (!p.empty) {
          counts[key] = p.value;
          if (key !== "correct") { answers += p.value; }
        }
        var cell = fieldset.querySelector('[data-percent-for="' + input.id + '"]');
        cell.textContent = !message && !p.empty && pupils ? Math.round(100 * p.value / pupils) + "%" : "";
      });
      var total = fieldset.querySelector("[data-total-error]");
      var tooMany = q.type !== "multiple" && pupils && answers > pupils;
      // The outcomes upload takes one or the other, so the page asks for the same.
      var both = counts.correct !== undefined && Object.keys(counts).length > 1;
      total.textContent = both ? name + ": give either how many got it right or the count for each option, not both." :
        tooMany ? name + " has " + answers + " answers in all, more than the " + pupils +
        " pupils present: each pupil gives one answer. Check the counts." : "";
      return { id: id, question: q, phase: phase, counts: counts, ok: ok && !tooMany && !both };
    }

    function right(result) {
      var c = result.counts, q = result.question;
      if (c.correct !== undefined) { return c.correct; }
      if (q.type === "multiple" || c[q.correct[0]] === undefined) { return null; }
      return c[q.correct[0]];
    }

    function update() {
      var pupils = present();
      var results = fieldsets.map(function (f) { return check(f, pupils); });
      var byQuestion = {};
      results.forEach(function (r) { (byQuestion[r.question.number] = byQuestion[r.question.number] || {})[r.phase] = r; });
      Object.keys(deck.questions).forEach(function (id) {
        var q = deck.questions[id], row = document.querySelector('[data-result="' + id + '"]');
        if (!row) { return; }
        var pct = {};
        ["baseline", "endpoint"].forEach(function (phase) {
          var r = (byQuestion[q.number] || {})[phase], n = r && r.ok ? right(r) : null;
          pct[phase] = n !== null && pupils ? Math.round(100 * n / pupils) : null;
          row.querySelector('[data-cell="' + phase + '"]').textContent = pct[phase] === null ? "–" : pct[phase] + "% right";
        });
        var change = pct.baseline !== null && pct.endpoint !== null ? pct.endpoint - pct.baseline : null;
        row.querySelector('[data-cell="change"]').textContent = change === null ? "–" :
          (change > 0 ? "+" : change < 0 ? "−" : "±") + Math.abs(change) + " points";
      });
      return { pupils: pupils, results: results };
    }

    function countsFile() {
      var now = update();
      if (!now.pupils) { return { error: "Type how many pupils are present first." }; }
      if (now.results.some(function (r) { return !r.ok; })) { return { error: "Some counts are marked as wrong: correct them first. Nothing you typed has been lost." }; }
      var file = { format: FORMAT, version: 1, session_title: deck.title, plan: deck.plan, audience: deck.audience,
                   present: now.pupils, baseline: {}, endpoint: {} };
      now.results.forEach(function (r) {
        if (Object.keys(r.counts).length) { file[r.phase][r.id] = r.counts; }
      });
      // A question counted before must be counted after too, or the change cannot be measured.
      var half = Object.keys(deck.questions).filter(function (id) {
        return (id in file.baseline) !== (id in file.endpoint);
      }).map(function (id) { return deck.questions[id].number; });
      if (half.length) {
        return { error: "Question " + half.join(", ") + " has counts from only one of the two quizzes: type both, " +
          "or clear the one you have. Nothing you typed has been lost." };
      }
      return { file: file };
    }

    function download() {
      var out = countsFile(), error = document.getElementById("download-error");
      error.textContent = out.error || "";
      if (out.error) { return null; }
      var blob = new Blob([JSON.stringify(out.file, null, 2) + "\n"], { type: "application/json" });
      var link = document.createElement("a");
      var slug = deck.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "session";
      link.href = URL.createObjectURL(blob);
      link.download = "counts-" + slug + ".json";
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      return out.file;
    }

    function bind() {
      var inputs = [presentInput].concat(Array.prototype.slice.call(document.querySelectorAll("fieldset.counts input.count")));
      inputs.forEach(function (input) {
        if (Object.prototype.hasOwnProperty.call(raw, input.id)) { input.value = raw[input.id]; }
        input.addEventListener("input", function () { raw[input.id] = input.value; save(); update(); });
      });
      document.getElementById("download-counts").addEventListener("click", download);
      // Counts stay in this browser until cleared, so the next class starts from nothing.
      document.getElementById("clear-counts").addEventListener("click", function () {
        if (!window.confirm("Clear every count typed for this session? Download the counts file first if you need it.")) { return; }
        raw = {};
        save();
        inputs.forEach(function (input) { input.value = input === presentInput && deck.present ? String(deck.present) : ""; });
        update();
      });
      update();
    }

    return { bind: bind, update: update, countsFile: countsFile, download: download };
  }

  window.KitCounts = { open: open, parse: parse };
}());
