// Unit filter on the browse page. Without JavaScript the full list is
// shown and the search box stays hidden; with it, typing "cam giang" or
// "hai an" keeps the units whose name matches, diacritics ignored.
(function () {
  "use strict";
  function fold(text) {
    return text.toLowerCase().replace(/đ/g, "d").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
  }
  function setup() {
    var form = document.getElementById("loc-form");
    var input = document.getElementById("loc-don-vi");
    if (!form || !input) { return; }
    var items = Array.prototype.slice.call(document.querySelectorAll("li[data-loc]"));
    var keys = items.map(function (item) {
      return fold(item.getAttribute("data-loc") + " | " + (item.getAttribute("data-loc-khac") || ""));
    });
    var groups = Array.prototype.slice.call(document.querySelectorAll(".unit-group"));
    var result = document.getElementById("loc-ket-qua");
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    function apply() {
      var query = fold(input.value);
      var shown = 0;
      items.forEach(function (item, index) {
        var match = query === "" || keys[index].indexOf(query) !== -1;
        item.hidden = !match;
        if (match) { shown += 1; }
      });
      groups.forEach(function (group) {
        group.hidden = group.querySelector("li[data-loc]:not([hidden])") === null;
      });
      if (result) { result.textContent = query === "" ? "" : "Tìm thấy " + shown + " đơn vị."; }
    }
    input.addEventListener("input", apply);
    apply();
  }
  // Task page: rows filtered by class and report state. Without
  // JavaScript every row is listed and the form stays hidden.
  function setupTaskFilter() {
    var form = document.getElementById("loc-nv-form");
    var byClass = document.getElementById("loc-nv-lop");
    var byReport = document.getElementById("loc-nv-bao-cao");
    if (!form || !byClass || !byReport) { return; }
    var rows = Array.prototype.slice.call(document.querySelectorAll("table.status-table tbody tr[data-class]"));
    var result = document.getElementById("loc-nv-ket-qua");
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    function apply() {
      var wantClass = byClass.value, wantReport = byReport.value, shown = 0;
      rows.forEach(function (row) {
        var match = (wantClass === "" || row.getAttribute("data-class") === wantClass)
          && (wantReport === "" || row.getAttribute("data-reported") === wantReport);
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      if (result) {
        result.textContent = wantClass === "" && wantReport === "" ? "" : "Đang hiện " + shown + "/" + rows.length + " đơn vị.";
      }
    }
    byClass.addEventListener("change", apply);
    byReport.addEventListener("change", apply);
    apply();
  }
  function start() { setup(); setupTaskFilter(); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
