// Draws every section once all section scripts have registered their renderers.
TryggReport.start();
// On paper the scenario texts are shown whole.
window.addEventListener("beforeprint", function () {
  Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
});
