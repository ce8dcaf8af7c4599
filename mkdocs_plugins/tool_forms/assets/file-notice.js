// A classic (non-module) script, because browsers refuse module scripts on
// pages opened from a file: the tools' own modules never run there, so this
// is the one place that can tell the reader why the form cannot work.
(function () {
  if (location.protocol !== "file:") return;
  function show() {
    var notices = document.querySelectorAll('.roh-tool [data-role="unsupported"]');
    for (var i = 0; i < notices.length; i++) {
      notices[i].textContent = "This tool cannot run from a file opened on your computer: " +
        "browsers do not allow it. Open the guide from its web address (starting http or " +
        "https) instead. The questions stay on this page so that you can read or print them.";
      notices[i].hidden = false;
      notices[i].closest(".roh-tool").setAttribute("data-state", "error");
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
