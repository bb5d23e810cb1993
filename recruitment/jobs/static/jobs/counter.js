// Live character count under the job description, counted as the server
// and the Recruitment API count: trimmed, Unicode NFC, in UTF-16 code units.
(function () {
  "use strict";

  // The characters Python's str.strip() removes, so both ends agree.
  var EDGE_SPACE =
    /^[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

  function countOf(text) {
    // A JavaScript string's length is its number of UTF-16 code units.
    return text.replace(EDGE_SPACE, "").normalize("NFC").length;
  }

  document.querySelectorAll(".counter[data-for]").forEach(function (counter) {
    var field = document.getElementById(counter.dataset.for);
    var number = counter.querySelector("[data-count]");
    if (!field || !number) {
      return;
    }
    var max = parseInt(counter.dataset.max, 10);
    var update = function () {
      var count = countOf(field.value);
      number.textContent = String(count);
      counter.classList.toggle("over", count > max);
    };
    field.addEventListener("input", update);
    update();
  });
})();
