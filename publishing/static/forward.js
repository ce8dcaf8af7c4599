// The published site's root 404 page. An address without an edition in it
// (/2-basic-risk-assessment/…, /s/2.6.4/) is the same page in the current
// edition: send the reader there. An address inside an edition (or latest/)
// really is missing: stay, fill the search link with the address's words, and
// make the Go to section box work (a number goes to its section, words to the
// search). Without JavaScript the page still offers search, the home page, the
// A–Z index and every section.
(function () {
  "use strict";
  var body = document.body;
  var sitePath = body.getAttribute("data-site-path") || "/";
  var latest = body.getAttribute("data-latest") || "latest";
  var reserved = (body.getAttribute("data-reserved") || "").split(" ");
  var path = location.pathname;
  var inSite = path.indexOf(sitePath) === 0;
  var rest = inSite ? path.slice(sitePath.length) : path;
  var first = rest.split("/")[0];
  if (inSite) {
    if (rest && reserved.indexOf(first) === -1) {
      var notice = document.querySelector("[data-forward]");
      if (notice) notice.hidden = false;
      location.replace(sitePath + latest + "/" + rest + location.search + location.hash);
      return;
    }
  }

  // The edition the address names (or latest/): where its search is.
  var edition = first && reserved.indexOf(first) !== -1 && first !== "_assets" &&
    first !== "404.html" ? first : latest;
  var home = sitePath + edition + "/";

  // "/5.0/mapa-category/" → "mapa category": the words of the missing address.
  function pathWords() {
    var text = rest.slice(edition === first ? first.length : 0);
    try { text = decodeURIComponent(text); } catch (error) { /* keep it as typed */ }
    var words = [];
    text.split(/[\s\/\-_+,;:!?()\[\]"']+/).forEach(function (word) {
      var clean = word.replace(/\.(html?|md)$/i, "").replace(/^\.+|\.+$/g, "").toLowerCase();
      if (clean && clean !== "index" && clean !== "latest" && words.indexOf(clean) === -1) {
        words.push(clean);
      }
    });
    return words.join(" ");
  }

  function searchUrl(words) { return home + "?q=" + encodeURIComponent(words); }

  var words = pathWords();
  var searchLink = document.querySelector("a[data-search-path]");
  if (searchLink && words) {
    searchLink.href = searchUrl(words);
    searchLink.textContent = "Search the guide for \u201c" + words + "\u201d";
  }

  var form = document.querySelector("[data-goto]");
  if (!form) return;
  var input = form.querySelector("input");
  var status = form.querySelector('[role="status"]');
  form.hidden = false;
  input.addEventListener("input", function () { status.textContent = ""; });

  // A message whose parts are text or [text, href] links.
  function say(parts) {
    status.textContent = "";
    parts.forEach(function (part) {
      if (typeof part === "string") {
        status.appendChild(document.createTextNode(part));
        return;
      }
      var link = document.createElement("a");
      link.href = part[1];
      link.textContent = part[0];
      status.appendChild(link);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var typed = (input.value || "").trim();
    var number = typed.replace(/^(section|§|s)\s*/i, "").replace(/\.$/, "");
    if (typed && !/^[\d.\s§]+$/.test(number)) {
      location.assign(searchUrl(typed));  // words: the edition's search, with them typed in
      return;
    }
    var link = /^\d+(\.\d+)*$/.test(number) &&
      document.querySelector('a[data-section="' + number + '"]');
    if (!link) {
      var index = document.querySelector("a[data-index]");
      say(number
        ? ["There is no section " + number + " in the current edition. Check the number, or choose from the ",
           ["contents", "#contents"]].concat(index ? [" or the ", ["A\u2013Z index", index.href], "."] : ["."])
        : ["Enter a section number, for example 2.6.4, or words to search for."]);
      input.focus();
      return;
    }
    location.assign(sitePath + "s/" + number + "/");
  });
})();
