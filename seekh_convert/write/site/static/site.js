/* seekh-convert study site: flashcards, spaced repetition, practice, Q&A search, review mode.
   Inlined into every page; reads its data from <script type="application/json" id="seekh-data">.
   Text is only ever set with textContent: no page content is parsed as HTML. */
(function () {
  "use strict";
  var doc = document;
  doc.documentElement.classList.add("js");
  doc.body.classList.add("js");

  function $(sel, root) { return (root || doc).querySelector(sel); }
  function $all(sel, root) { return Array.prototype.slice.call((root || doc).querySelectorAll(sel)); }
  function data() {
    var el = doc.getElementById("seekh-data");
    return el ? JSON.parse(el.textContent) : {};
  }
  function norm(text) {
    return String(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }
  function storage() {
    try { var s = window.localStorage; s.getItem("x"); return s; } catch (e) { return null; }
  }

  /* ---- flashcards and spaced repetition ---------------------------------------------------- */
  var DAY = 86400000;
  var INTERVALS = [0, 1, 3, 7, 16, 35, 80];  // days per box

  function schedule(state, rating, now) {
    var box = state ? state.box : 0;
    if (rating === "again") { box = 0; }
    else if (rating === "hard") { box = Math.max(1, box); }
    else if (rating === "good") { box = box + 1; }
    else { box = box + 2; }
    box = Math.min(box, INTERVALS.length - 1);
    var wait = box === 0 ? 60000 : INTERVALS[box] * DAY * (rating === "hard" ? 0.6 : 1);
    return { box: box, due: now + wait, reps: (state ? state.reps : 0) + 1, last: rating };
  }

  function flashcards() {
    var d = data(), cards = d.cards || [], key = "seekh-srs:" + d.deck, store = storage();
    var viewer = $("#viewer"), order = cards.map(function (_, i) { return i; });
    var pos = 0, flipped = false, mode = "browse", queue = [];
    var progress = {};
    try { progress = JSON.parse((store && store.getItem(key)) || "{}") || {}; } catch (e) { progress = {}; }
    if (!cards.length || !viewer) { return; }
    viewer.hidden = false;

    function save() { if (store) { store.setItem(key, JSON.stringify(progress)); } }
    function dueQueue() {
      var now = Date.now();
      return order.filter(function (i) { var s = progress[cards[i].id]; return !s || s.due <= now; });
    }
    function stats() {
      var now = Date.now(), learned = 0, due = 0, fresh = 0;
      cards.forEach(function (c) {
        var s = progress[c.id];
        if (!s) { fresh++; } else if (s.due <= now) { due++; } else { learned++; }
      });
      $("#srs-stats").textContent = "New: " + fresh + " · Due: " + due + " · Learned (not due yet): " + learned;
    }
    function current() {
      if (mode === "srs") { return queue.length ? cards[queue[0]] : null; }
      return cards[order[pos]];
    }
    function show() {
      var card = current();
      $("#rating").hidden = !(mode === "srs" && flipped && card);
      $("#prev").hidden = $("#next").hidden = $("#shuffle").hidden = mode === "srs";
      $("#flip").disabled = !card;
      if (!card) {
        $("#position").textContent = "No cards are due. Come back later, or switch to Browse.";
        $("#side-label").textContent = "";
        $("#card-text").textContent = "All done for now.";
        $("#card-source").hidden = true;
        stats();
        return;
      }
      $("#position").textContent = mode === "srs"
        ? "Spaced repetition: " + queue.length + " card(s) due"
        : "Card " + (pos + 1) + " of " + cards.length;
      $("#side-label").textContent = flipped ? "Answer" : (card.kind === "cloze" ? "Fill the gap" : "Question");
      $("#card-text").textContent = flipped ? card.back : card.front;
      $("#card").classList.toggle("flipped", flipped);
      $("#flip").textContent = flipped ? "Show question" : "Show answer";
      $("#flip").setAttribute("aria-pressed", flipped ? "true" : "false");
      $("#card-source").hidden = !flipped;
      $("#card-source-label").textContent = "Source: " + card.where;
      $("#card-quote").textContent = card.quote;
      stats();
    }
    function flip() { if (current()) { flipped = !flipped; show(); } }
    function move(step) {
      if (mode !== "browse") { return; }
      pos = (pos + step + cards.length) % cards.length; flipped = false; show();
    }
    function shuffle() {
      for (var i = order.length - 1; i > 0; i--) {
        var j = Math.floor(Math.random() * (i + 1)), t = order[i]; order[i] = order[j]; order[j] = t;
      }
      pos = 0; flipped = false; show();
    }
    function rate(rating) {
      var card = current();
      if (!card || !flipped) { return; }
      progress[card.id] = schedule(progress[card.id], rating, Date.now());
      save();
      queue.shift();
      if (rating === "again") { queue.push(cards.indexOf(card)); }
      flipped = false; show();
    }
    function setMode(next) {
      mode = next; flipped = false; pos = 0;
      if (mode === "srs") { queue = dueQueue(); }
      $all("[data-mode]").forEach(function (b) { b.setAttribute("aria-pressed", b.dataset.mode === mode ? "true" : "false"); });
      show();
    }
    $("#flip").addEventListener("click", flip);
    $("#prev").addEventListener("click", function () { move(-1); });
    $("#next").addEventListener("click", function () { move(1); });
    $("#shuffle").addEventListener("click", shuffle);
    $all("[data-rate]").forEach(function (b) { b.addEventListener("click", function () { rate(b.dataset.rate); }); });
    $all("[data-mode]").forEach(function (b) { b.addEventListener("click", function () { setMode(b.dataset.mode); }); });
    $("#card").addEventListener("click", flip);
    doc.addEventListener("keydown", function (ev) {
      var tag = (ev.target && ev.target.tagName) || "";
      if (ev.altKey || ev.ctrlKey || ev.metaKey || /INPUT|TEXTAREA|SELECT/.test(tag)) { return; }
      if (ev.key === "ArrowRight") { move(1); }
      else if (ev.key === "ArrowLeft") { move(-1); }
      else if ((ev.key === " " || ev.key === "Enter") && tag !== "BUTTON" && tag !== "A" && tag !== "SUMMARY") { ev.preventDefault(); flip(); }
      else if (mode === "srs" && flipped && "1234".indexOf(ev.key) >= 0 && ev.key !== "") {
        rate(["again", "hard", "good", "easy"][Number(ev.key) - 1]);
      }
    });
    setMode(location.hash === "#review" ? "srs" : "browse");
  }

  /* ---- practice questions ------------------------------------------------------------------ */
  function practice() {
    var d = data(), keys = {}, results = {};
    (d.questions || []).forEach(function (q) { keys[q.id] = q; });
    var items = $all(".question");
    function score() {
      var right = 0, answered = 0;
      Object.keys(results).forEach(function (id) { answered++; if (results[id]) { right++; } });
      $("#score").textContent = "Score: " + right + " of " + items.length + " correct (" + answered + " answered)";
      $("#retry").hidden = !Object.keys(results).some(function (id) { return !results[id]; });
    }
    function given(item, q) {
      if (q.kind === "short_answer") {
        var text = $("input[type=text]", item).value;
        return text.trim() ? text : null;
      }
      var picked = $("input:checked", item);
      return picked ? picked.value : null;
    }
    function isRight(q, value) {
      if (q.kind === "multiple_choice") { return Number(value) === q.answer; }
      if (q.kind === "true_false") { return (value === "true") === q.answer; }
      var v = norm(value);
      if (q.accept) {  /* a short answer: right when it is one of the accepted answers ("the" or "a" aside) */
        var bare = function (t) { return norm(t).replace(/^(the|a|an) /, ""); };
        return q.accept.some(function (k) { return bare(k) === bare(value); });
      }
      var a = norm(q.answer);
      return v.length > 0 && (a === v || (v.length >= 3 && a.indexOf(v) >= 0 && v.length * 2 >= a.length) || v.indexOf(a) >= 0);
    }
    function check(item) {
      var q = keys[item.dataset.id], value = given(item, q), fb = $(".feedback", item);
      if (value === null) {
        fb.hidden = false; fb.className = "feedback"; $(".verdict", fb).textContent = "Choose or type an answer first.";
        return;
      }
      var ok = isRight(q, value);
      results[q.id] = ok;
      fb.hidden = false;
      fb.className = "feedback " + (ok ? "right" : "wrong");
      $(".verdict", fb).textContent = ok ? "Correct." : "Not quite.";
      $(".reveal", fb).hidden = false;
      score();
    }
    items.forEach(function (item) {
      $(".check", item).addEventListener("click", function () { check(item); });
    });
    $("#retry").addEventListener("click", function () {
      var first = null;
      items.forEach(function (item) {
        var id = item.dataset.id;
        if (results[id] === false) {
          delete results[id];
          $all("input[type=radio]", item).forEach(function (r) { r.checked = false; });
          $all("input[type=text]", item).forEach(function (t) { t.value = ""; });
          $(".feedback", item).hidden = true;
          first = first || item;
        }
        item.hidden = results[id] === true;
      });
      $("#show-all").hidden = false;
      score();
      if (first) { var f = $("input", first); if (f) { f.focus(); } }
    });
    $("#show-all").addEventListener("click", function () {
      items.forEach(function (item) { item.hidden = false; });
      $("#show-all").hidden = true;
    });
    score();
  }

  /* ---- Q&A bank ---------------------------------------------------------------------------- */
  function qa() {
    var items = $all(".qa-list > li"), inputs = ["#q", "#subject", "#topic", "#kind"].map(function (s) { return $(s); });
    function apply() {
      var words = norm(inputs[0].value).split(" ").filter(Boolean), shown = 0;
      items.forEach(function (li) {
        var text = norm(li.textContent), ok = words.every(function (w) { return text.indexOf(w) >= 0; });
        ok = ok && (!inputs[1].value || li.dataset.subject === inputs[1].value);
        ok = ok && (!inputs[2].value || li.dataset.topic === inputs[2].value);
        ok = ok && (!inputs[3].value || li.dataset.kind === inputs[3].value);
        li.hidden = !ok;
        if (ok) { shown++; }
      });
      $("#count").textContent = shown + " of " + items.length + " question(s) shown";
    }
    inputs.forEach(function (el) { el.addEventListener("input", apply); el.addEventListener("change", apply); });
    $("#filters").addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
    apply();
  }

  /* ---- review mode (served by `seekh-convert review`) -------------------------------------- */
  function review() {
    var d = data();
    function send(article, verdict, edit) {
      var status = $(".status", article), err = $(".error", article);
      err.textContent = "";
      var body = JSON.stringify({ guide: d.guide, item: article.dataset.item, verdict: verdict, edit: edit || null });
      return fetch(d.endpoint, { method: "POST", headers: { "Content-Type": "application/json" }, body: body, credentials: "same-origin" })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
        .then(function (res) {
          if (!res.ok) { err.textContent = res.body.error || "Could not save."; return false; }
          article.dataset.verdict = res.body.verdict;
          status.textContent = res.body.label;
          return true;
        })
        .catch(function () { err.textContent = "Could not reach the review server; is it still running?"; return false; });
    }
    $all(".review-item").forEach(function (article) {
      var form = $("form", article);
      $(".approve", article).addEventListener("click", function () { send(article, "approved"); });
      $(".reject", article).addEventListener("click", function () { send(article, "rejected"); });
      $(".edit", article).addEventListener("click", function () { form.hidden = false; var f = $("textarea, input", form); if (f) { f.focus(); } });
      $(".cancel", article).addEventListener("click", function () { form.hidden = true; });
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        var edit = {};
        $all("[data-field]", form).forEach(function (el) {
          var name = el.dataset.field, value = el.type === "checkbox" ? el.checked : el.value;
          if (el.dataset.list !== undefined) { (edit[name] = edit[name] || []).push(value); }
          else if (el.dataset.number !== undefined) { edit[name] = Number(value); }
          else { edit[name] = value; }
        });
        send(article, "edited", edit).then(function (ok) {
          if (ok) {
            form.hidden = true;
            $all("[data-show]", article).forEach(function (el) {
              var v = edit[el.dataset.show];
              if (v !== undefined) { el.textContent = Array.isArray(v) ? v.join(" · ") : String(v); }
            });
          }
        });
      });
    });
  }

  var page = doc.body.dataset.page;
  if (page === "flashcards") { flashcards(); }
  else if (page === "practice") { practice(); }
  else if (page === "qa") { qa(); }
  else if (page === "review") { review(); }
})();
