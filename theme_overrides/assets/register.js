// Filters for the register's tables: <div class="register-filter" data-filter-columns="0:year,2:agency">
// holds a table (a long one as several, generator/render/markup.py); one select per filter kind
// narrows their rows, and a table none of whose rows is left is hidden. No server, no dependencies.
(function () {
  "use strict";
  function label(kind) {
    var en = document.documentElement.lang === "en";
    var names = { year: en ? "Year" : "Năm", agency: en ? "Agency" : "Cơ quan", all: en ? "All" : "Tất cả" };
    return names[kind] || kind;
  }
  function valueOf(cell, kind) {
    var text = (cell.textContent || "").trim();
    if (kind === "year") { var m = text.match(/(\d{4})\s*$/) || text.match(/(\d{4})/); return m ? m[1] : ""; }
    return text;
  }
  function setup(box) {
    var tables = Array.prototype.slice.call(box.querySelectorAll("table"));
    if (!tables.length) return;
    var rows = [];
    tables.forEach(function (table) { rows = rows.concat(Array.prototype.slice.call(table.tBodies[0].rows)); });
    var specs = (box.getAttribute("data-filter-columns") || "").split(",").map(function (s) {
      var p = s.split(":"); return { col: parseInt(p[0], 10), kind: p[1] };
    });
    var kinds = [];
    specs.forEach(function (s) { if (kinds.indexOf(s.kind) < 0) kinds.push(s.kind); });
    var bar = document.createElement("form");
    bar.className = "register-filter__bar";
    var selects = {};
    kinds.forEach(function (kind) {
      var values = {};
      rows.forEach(function (row) {
        specs.forEach(function (s) { if (s.kind === kind && row.cells[s.col]) values[valueOf(row.cells[s.col], kind)] = 1; });
      });
      var wrap = document.createElement("label");
      wrap.textContent = label(kind) + " ";
      var select = document.createElement("select");
      select.name = kind;
      var all = document.createElement("option");
      all.value = ""; all.textContent = label("all");
      select.appendChild(all);
      Object.keys(values).sort().forEach(function (v) {
        var o = document.createElement("option"); o.value = v; o.textContent = v; select.appendChild(o);
      });
      select.addEventListener("change", apply);
      wrap.appendChild(select);
      bar.appendChild(wrap);
      selects[kind] = select;
    });
    function apply() {
      rows.forEach(function (row) {
        var show = kinds.every(function (kind) {
          var want = selects[kind].value;
          if (!want) return true;
          return specs.some(function (s) { return s.kind === kind && row.cells[s.col] && valueOf(row.cells[s.col], kind) === want; });
        });
        row.hidden = !show;
      });
      tables.forEach(function (table) {
        var shown = Array.prototype.some.call(table.tBodies[0].rows, function (row) { return !row.hidden; });
        (table.closest(".md-typeset__scrollwrap") || table).hidden = !shown;
      });
    }
    box.insertBefore(bar, box.firstChild);
  }
  function init() { document.querySelectorAll(".register-filter").forEach(setup); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();

// A table wider than its column scrolls (Material makes the table itself a scroll box): a
// reader without a mouse must be able to reach it (WCAG 2.1.1; axe's scrollable-region-
// focusable). Whether it scrolls depends on the screen and on when the browser lays it out
// (register.css lays tables out only near the view), so every table of the text is focusable.
(function () {
  "use strict";
  function reachable() {
    document.querySelectorAll(".md-typeset table:not([class])").forEach(function (table) {
      if (!table.hasAttribute("tabindex")) table.setAttribute("tabindex", "0");
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", reachable); else reachable();
})();
