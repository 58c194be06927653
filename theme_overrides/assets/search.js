// The register's search box (partials/register-search.html): queries the Pagefind index that
// `register build` writes into <site>/pagefind/, fetching only the index chunks a query needs.
// Pagefind folds Vietnamese marks itself but not "đ"; the index holds each page's đ-words with
// "d" (generator/render/search_meta.py), and a query spelled with "đ" is run twice — as typed,
// whose results come first (exact spelling), then with "đ" written "d". Each result shows its
// title and summary with the query's words marked, matched without marks. No server needed.
(function () {
  "use strict";
  var root = document.querySelector("[data-register-search]");
  if (!root) return;
  var labels = JSON.parse(root.querySelector(".register-search__labels").textContent);
  var FILTERS = Object.keys(labels.filter_names);  // in the order search_meta.FILTERS gives
  var PAGE = 10;
  // the site's root: "..", ".", or on the 404 page "/" or the site's path ("/so/"): one "/" after it
  var base = new URL((root.getAttribute("data-base") || ".").replace(/\/+$/, "") + "/", location.href);
  // where each part of the index is, from the site's root (generator/pagefind_service.py)
  var parts = JSON.parse(root.getAttribute("data-index-parts") || "[]");
  var lexicon = root.getAttribute("data-index-lexicon");  // the filter of each part's page of words
  var toggle = document.getElementById("__search");
  var form = root.querySelector("form");
  var input = form.querySelector("input[name=query]");
  var filterBox = root.querySelector(".register-search__filters");
  var filterList = filterBox.querySelector(".register-search__filter-list");
  var filterSummary = filterBox.querySelector("summary");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var more = root.querySelector(".register-search__more");
  var selects = {};
  var pagefind = null;
  var current = { results: [], shown: 0, terms: [] };
  var sequence = 0;
  var timer = null;

  // --- folding: the same as generator/text.py fold(), one character at a time ---------------
  function foldChar(ch) {
    return ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u0111\u00f0]/g, "d").replace(/[\u0110\u00d0]/g, "D").toLowerCase();
  }
  function foldD(s) { return s.replace(/[\u0111\u00f0]/g, "d").replace(/[\u0110\u00d0]/g, "D"); }
  function hasD(s) { return /[\u0111\u0110\u00f0\u00d0]/.test(s); }
  function terms(query) {
    var out = [];
    Array.from(query).map(foldChar).join("").split(/[^0-9a-z]+/).forEach(function (t) {
      if (t && out.indexOf(t) < 0) out.push(t);
    });
    return out;
  }

  // --- Pagefind -------------------------------------------------------------------------------
  function load() {
    if (!pagefind) {
      pagefind = import(new URL(parts[0] + "pagefind.js", base).href).then(function (pf) {
        // Each page's words are indexed once (search_meta.py), so term frequency says nothing
        // and a long document would lose to a short page on length alone: weigh length less.
        var options = { baseUrl: base.pathname, ranking: { pageLength: 0.3 } };
        return Promise.resolve(pf.options(options))
          .then(function () { return pf.init(); })
          .then(function () {
            // a large site's index is in parts: Pagefind searches them all and ranks the
            // results together
            return Promise.all(parts.slice(1).map(function (part) {
              return pf.mergeIndex(new URL(part, base).href, options);
            }));
          })
          .then(function () { return pf; });
      });
      pagefind.catch(function () { meta.textContent = labels.unavailable; });
    }
    return pagefind;
  }

  function chosenFilters() {
    var chosen = {};
    FILTERS.forEach(function (key) {
      if (selects[key] && selects[key].value) chosen[key] = selects[key].value;
    });
    return chosen;
  }

  function setupFilters(pf) {
    return pf.filters().then(function (available) {
      filterList.textContent = "";
      FILTERS.forEach(function (key) {
        var values = available[key];
        if (!values || !Object.keys(values).length) return;
        var wrap = document.createElement("label");
        wrap.className = "register-search__filter";
        var name = document.createElement("span");
        name.textContent = labels.filter_names[key] || key;
        var select = document.createElement("select");
        select.name = key;
        var all = document.createElement("option");
        all.value = ""; all.textContent = labels.all;
        select.appendChild(all);
        var keys = Object.keys(values).sort(function (a, b) { return a.localeCompare(b, document.documentElement.lang); });
        if (key === "year" || key === "due_year") keys.reverse();
        keys.forEach(function (value) {
          var option = document.createElement("option");
          option.value = value;
          option.textContent = value + " (" + values[value] + ")";
          select.appendChild(option);
        });
        select.addEventListener("change", function () { run(); });
        wrap.appendChild(name);
        wrap.appendChild(select);
        filterList.appendChild(wrap);
        selects[key] = select;
      });
    });
  }

  // A query with "đ" runs as typed (exact spelling first), then with "đ" written "d".
  function search(pf, query, filters) {
    var passes = [query || null];
    if (query && hasD(query)) passes.push(foldD(query));
    if (parts.length > 1) {
      // each part of the index holds a page of every word of the site, never an answer
      // (generator/pagefind_service.py)
      filters = Object.assign({}, filters);
      filters.not = {};
      filters.not[lexicon] = "1";
    }
    return Promise.all(passes.map(function (q) { return pf.search(q, { filters: filters }); }))
      .then(function (found) {
        var seen = {}, results = [];
        found.forEach(function (one) {
          one.results.forEach(function (r) {
            if (!seen[r.id]) { seen[r.id] = true; results.push(r); }
          });
        });
        return results;
      });
  }

  function run() {
    clearTimeout(timer);
    var query = input.value.trim();
    var filters = chosenFilters();
    var chosen = Object.keys(filters).length;
    filterSummary.textContent = labels.filters + (chosen ? " (" + chosen + ")" : "");
    if (!query && !Object.keys(filters).length) {
      sequence++;
      root.setAttribute("data-search-state", "idle");
      current = { results: [], shown: 0, terms: [] };
      list.textContent = "";
      more.hidden = true;
      meta.textContent = labels.type_to_search;
      return;
    }
    var mine = ++sequence;
    root.setAttribute("data-search-state", "busy");
    meta.textContent = labels.loading;
    load().then(function (pf) {
      return search(pf, query, filters).then(function (results) {
        if (mine !== sequence) return;
        current = { results: results, shown: 0, terms: terms(query) };
        list.textContent = "";
        meta.textContent = count(results.length);
        return showMore(mine).then(function () {
          if (mine !== sequence) return;
          // what was searched, for scripts and tests: the results shown are this search's
          root.setAttribute("data-searched", query);
          root.setAttribute("data-search-state", "done");
        });
      });
    }).catch(function () { if (mine === sequence) meta.textContent = labels.unavailable; });
  }

  function count(n) {
    if (n === 0) return labels.none;
    if (n === 1) return labels.one;
    return labels.other.replace("#", n.toLocaleString(document.documentElement.lang));
  }

  function showMore(mine) {
    var batch = current.results.slice(current.shown, current.shown + PAGE);
    current.shown += batch.length;
    more.hidden = current.shown >= current.results.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (pages) {
      if (mine !== sequence) return;
      pages.forEach(function (page) { list.appendChild(item(page)); });
    });
  }

  // --- results ---------------------------------------------------------------------------------
  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // Text folded one character at a time, with where each folded character came from.
  function foldMap(text) {
    var folded = "", origin = [], at = 0;
    Array.from(text).forEach(function (ch) {
      var f = foldChar(ch);
      for (var k = 0; k < f.length; k++) { folded += f[k]; origin.push(at); }
      at += ch.length;
    });
    origin.push(text.length);
    return { text: text, folded: folded, origin: origin };
  }

  // Where the query's words start a word of the text, matched without marks.
  function hits(map, words) {
    var found = [];
    words.forEach(function (w) {
      var re = new RegExp("(^|[^0-9a-z])(" + w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + ")", "g"), m;
      while ((m = re.exec(map.folded))) {
        var start = m.index + m[1].length;
        found.push({ start: start, end: start + w.length, word: w });
      }
    });
    return found.sort(function (a, b) { return a.start - b.start; });
  }

  // The text as HTML, each word that matches a query word (without marks) marked.
  function highlight(text, words) {
    var map = foldMap(text), out = "", pos = 0;
    hits(map, words).forEach(function (h) {
      if (h.start < pos) return;
      out += escapeHtml(text.slice(map.origin[pos], map.origin[h.start]));
      out += "<mark>" + escapeHtml(text.slice(map.origin[h.start], map.origin[h.end])) + "</mark>";
      pos = h.end;
    });
    return out + escapeHtml(text.slice(map.origin[pos]));
  }

  function item(page) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = page.url;
    a.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    // h2, not Material's h1: the page under the search box keeps its one h1 (axe, screen readers)
    var title = document.createElement("h2");
    title.className = "register-search__title";
    title.innerHTML = highlight((page.meta && page.meta.title) || page.url, current.terms);
    article.appendChild(icon);
    article.appendChild(title);
    var summary = page.meta && page.meta.summary;
    if (summary) {
      var p = document.createElement("p");
      p.innerHTML = highlight(summary, current.terms);
      article.appendChild(p);
    }
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  // --- opening, closing, keyboard ------------------------------------------------------------
  function open() {
    if (!toggle.checked) { toggle.checked = true; }
    load();
  }
  function close() {
    toggle.checked = false;
    input.blur();
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 200);
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var first = list.querySelector("a");
    if (first) location.href = first.href; else run();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { run(); input.focus(); });
  });
  more.addEventListener("click", function () { showMore(sequence); });
  // The filters' values are fetched when the reader opens them, not with every query.
  var filtersLoaded = false;
  filterBox.addEventListener("toggle", function () {
    if (filterBox.open && !filtersLoaded) {
      filtersLoaded = true;
      load().then(setupFilters);
    }
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) { load(); setTimeout(function () { input.focus(); }, 200); }
    else input.blur();
  });
  document.addEventListener("keydown", function (ev) {
    var target = ev.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (toggle.checked) {
      if (ev.key === "Escape") { ev.preventDefault(); close(); return; }
      if ((ev.key === "ArrowDown" || ev.key === "ArrowUp") && !(target && target.tagName === "SELECT")) {
        var links = Array.prototype.slice.call(list.querySelectorAll("a"));
        if (!links.length) return;
        var i = links.indexOf(document.activeElement);
        i = ev.key === "ArrowDown" ? Math.min(i + 1, links.length - 1) : i - 1;
        ev.preventDefault();
        if (i < 0) input.focus(); else links[i].focus();
      }
      return;
    }
    if (!typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey && (ev.key === "/" || ev.key === "s" || ev.key === "f")) {
      ev.preventDefault();
      open();
      input.focus();
    }
  });
})();
