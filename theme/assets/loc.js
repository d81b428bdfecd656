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
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
