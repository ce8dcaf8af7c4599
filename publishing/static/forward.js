// The published site's root 404 page. An address without an edition in it
// (/2-basic-risk-assessment/…, /s/2.6.4/) is the same page in the current
// edition: send the reader there. An address inside an edition (or latest/)
// really is missing: stay, and make the Go to section box work. Without
// JavaScript the page still offers search, the home page and every section.
(function () {
  "use strict";
  var body = document.body;
  var sitePath = body.getAttribute("data-site-path") || "/";
  var latest = body.getAttribute("data-latest") || "latest";
  var reserved = (body.getAttribute("data-reserved") || "").split(" ");
  var path = location.pathname;
  if (path.indexOf(sitePath) === 0) {
    var rest = path.slice(sitePath.length);
    var first = rest.split("/")[0];
    if (rest && reserved.indexOf(first) === -1) {
      var notice = document.querySelector("[data-forward]");
      if (notice) notice.hidden = false;
      location.replace(sitePath + latest + "/" + rest + location.search + location.hash);
      return;
    }
  }

  var form = document.querySelector("[data-goto]");
  if (!form) return;
  var input = form.querySelector("input");
  var status = form.querySelector('[role="status"]');
  form.hidden = false;
  input.addEventListener("input", function () { status.textContent = ""; });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var number = (input.value || "").trim().replace(/^(section|§)\s*/i, "").replace(/\.$/, "");
    var link = /^\d+(\.\d+)*$/.test(number) &&
      document.querySelector('a[data-section="' + number + '"]');
    if (!link) {
      status.textContent = number
        ? "There is no section " + number + " in the current edition. Check the number, or choose from the contents below."
        : "Enter a section number, for example 2.6.4.";
      input.focus();
      return;
    }
    location.assign(sitePath + "s/" + number + "/");
  });
})();
