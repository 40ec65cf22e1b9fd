/* teiscribe reading edition: progressive enhancement only. Every page is
   complete and usable without this script.

   1. View switch: remembers the reading/diplomatic choice across pages
      (localStorage, when the browser allows it); the switch itself works
      by CSS (:has) without script.
   2. Notes: where the browser has no popover support, a note call jumps
      to the note in the list at the end.
   3. Search (search.html): searches window.teiscribeSearchIndex, the index
      written at build time by xslt/html/search-index.xsl (search-index.js):
      every word of the query must occur in an entry (a turn, a note or a
      block of narration); the last word also matches longer words that
      begin with it. Results link to the turn's anchor (DOC.html#sp-N). */
(function () {
  "use strict";

  var VIEW_KEY = "teiscribe-view";

  function store(key, value) {
    try {
      if (value === undefined) { return window.localStorage.getItem(key); }
      window.localStorage.setItem(key, value);
    } catch (e) { /* storage refused (file: URL, privacy mode): no memory */ }
    return null;
  }

  function setUpViewSwitch() {
    var radios = document.querySelectorAll('input[name="view"]');
    if (!radios.length) { return; }
    var saved = store(VIEW_KEY);
    Array.prototype.forEach.call(radios, function (radio) {
      if (saved && radio.value === saved) { radio.checked = true; }
      radio.addEventListener("change", function () {
        if (radio.checked) { store(VIEW_KEY, radio.value); }
      });
    });
  }

  function setUpNoteFallback() {
    if (Object.prototype.hasOwnProperty.call(HTMLElement.prototype, "popover")) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("button.note-call"), function (call) {
      call.addEventListener("click", function () {
        window.location.hash = "note-" + call.id.replace(/^call-/, "");
      });
    });
  }

  /* ---- search ---- */

  // As ts:search-terms in xslt/html/common.xsl.
  function fold(text) {
    return text.normalize("NFKD").replace(/\p{Mn}/gu, "").toLowerCase();
  }

  function terms(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // Index of the first term >= word in the sorted term list.
  function lowerBound(list, word) {
    var lo = 0, hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid][0] < word) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  }

  // Entries containing word (or, with prefix, a word starting with it).
  function postings(index, word, prefix) {
    var found = new Set();
    for (var i = lowerBound(index.terms, word); i < index.terms.length; i++) {
      var term = index.terms[i][0];
      if (term === word || (prefix && term.indexOf(word) === 0)) {
        index.terms[i][1].forEach(function (e) { found.add(e); });
      } else { break; }
    }
    return found;
  }

  function search(index, query) {
    var words = terms(query);
    if (!words.length) { return { words: words, hits: [] }; }
    var hits = null;
    words.forEach(function (word, n) {
      var these = postings(index, word, n === words.length - 1);
      hits = hits === null ? these : new Set(Array.from(hits).filter(function (e) { return these.has(e); }));
    });
    return { words: words, hits: Array.from(hits).sort(function (a, b) { return a - b; }) };
  }

  // The text around the first match, with every match marked.
  function snippet(text, words, doc) {
    var folded = "", origin = [];
    for (var i = 0; i < text.length; i++) {
      var f = fold(text[i]);
      for (var k = 0; k < f.length; k++) { folded += f[k]; origin.push(i); }
    }
    origin.push(text.length);
    var matches = [];
    words.forEach(function (word, n) {
      var last = n === words.length - 1, at = 0;
      while ((at = folded.indexOf(word, at)) !== -1) {
        var end = at + word.length;
        var startsWord = at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1]);
        var endsWord = end >= folded.length || !/[\p{L}\p{N}]/u.test(folded[end]);
        if (startsWord && (endsWord || last)) {
          while (end < folded.length && /[\p{L}\p{N}]/u.test(folded[end])) { end += 1; }  // the whole word
          matches.push([origin[at], origin[end]]);
        }
        at = end;
      }
    });
    matches.sort(function (a, b) { return a[0] - b[0]; });
    var first = matches.length ? matches[0][0] : 0;
    var from = Math.max(0, text.lastIndexOf(" ", Math.max(0, first - 90)) + 1);
    if (first - from > 100) { from = first - 90; }
    var to = Math.min(text.length, from + 240);
    var p = doc.createElement("p");
    p.className = "search-snippet";
    var pos = from;
    if (from > 0) { p.appendChild(doc.createTextNode("…")); }
    matches.forEach(function (m) {
      if (m[0] < pos || m[1] > to) { return; }
      p.appendChild(doc.createTextNode(text.slice(pos, m[0])));
      var mark = doc.createElement("mark");
      mark.textContent = text.slice(m[0], m[1]);
      p.appendChild(mark);
      pos = m[1];
    });
    p.appendChild(doc.createTextNode(text.slice(pos, to) + (to < text.length ? "…" : "")));
    return p;
  }

  var SHOWN = 200;

  function render(index, query, status, results) {
    var found = search(index, query);
    results.textContent = "";
    if (!found.words.length) { status.textContent = ""; return; }
    var docs = new Map();
    found.hits.forEach(function (e) {
      var d = index.entries[e][0];
      if (!docs.has(d)) { docs.set(d, []); }
      docs.get(d).push(e);
    });
    status.textContent = found.hits.length === 0
      ? "Nothing found for “" + query.trim() + "”."
      : found.hits.length + (found.hits.length === 1 ? " passage" : " passages") + " in " + docs.size +
        (docs.size === 1 ? " document" : " documents") + " for “" + query.trim() + "”" +
        (found.hits.length > SHOWN ? "; the first " + SHOWN + " are shown." : ".");
    var shown = 0;
    docs.forEach(function (entries, d) {
      if (shown >= SHOWN) { return; }
      var meta = index.docs[d];
      var section = document.createElement("section");
      section.className = "search-doc";
      var h2 = document.createElement("h2");
      var link = document.createElement("a");
      link.href = meta[0];
      link.textContent = meta[1];
      h2.appendChild(link);
      section.appendChild(h2);
      if (meta[2]) {
        var date = document.createElement("p");
        date.className = "search-date";
        date.textContent = meta[2];
        section.appendChild(date);
      }
      var list = document.createElement("ol");
      list.className = "search-hits";
      entries.forEach(function (e) {
        if (shown >= SHOWN) { return; }
        shown += 1;
        var entry = index.entries[e];
        var item = document.createElement("li");
        var a = document.createElement("a");
        a.href = meta[0] + "#" + entry[1];
        a.className = "search-hit";
        a.textContent = entry[2];
        item.appendChild(a);
        item.appendChild(snippet(entry[3], found.words, document));
        list.appendChild(item);
      });
      section.appendChild(list);
      results.appendChild(section);
    });
  }

  function setUpSearch() {
    var form = document.getElementById("search-form");
    var index = window.teiscribeSearchIndex;
    if (!form || !index) { return; }
    var input = document.getElementById("q");
    var status = document.getElementById("search-status");
    var results = document.getElementById("search-results");
    var timer = null;
    function run() {
      render(index, input.value, status, results);
      try {
        var url = new URL(window.location.href);
        url.searchParams.set("q", input.value);
        window.history.replaceState(null, "", url.href);
      } catch (e) { /* some file: URLs refuse history changes */ }
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, 200);
    });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) { input.value = q; render(index, q, status, results); }
  }

  document.documentElement.classList.add("js");
  function start() {
    setUpViewSwitch();
    setUpNoteFallback();
    setUpSearch();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else { start(); }
}());
