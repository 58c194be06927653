// Diagrams (```mermaid fences, written as <pre class="register-diagram">: mkdocs.yml), drawn by
// the site's own copy of Mermaid (assets/mermaid/, 3.6 MB), fetched only once a diagram is
// scrolled near: the page above it is read and used meanwhile, and a reader who never scrolls to
// it never pays for it. Material's own integration is not used: it fetches Mermaid from a CDN.
(function () {
  "use strict";
  var script = document.currentScript;
  var blocks = Array.prototype.slice.call(document.querySelectorAll("pre.register-diagram"));
  if (!blocks.length || !script) return;
  var source = new URL("mermaid/mermaid.min.js", script.src).href;

  function draw() {
    var loader = document.createElement("script");
    loader.src = source;
    loader.onload = function () {
      var boxes = blocks.map(function (pre) {
        var box = document.createElement("div");
        box.className = pre.className;  // register-diagram, and --wide: hidden on a phone (register.css)
        box.textContent = pre.textContent;  // Mermaid's source, without the <code> around it
        pre.replaceWith(box);
        return box;
      });
      window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict",
                                  fontFamily: getComputedStyle(document.body).fontFamily });
      window.mermaid.run({ nodes: boxes });
    };
    document.head.appendChild(loader);
  }

  if (!("IntersectionObserver" in window)) { draw(); return; }
  var near = new IntersectionObserver(function (entries) {
    if (entries.some(function (entry) { return entry.isIntersecting; })) { near.disconnect(); draw(); }
  }, { rootMargin: "1000px 0px" });
  blocks.forEach(function (pre) { near.observe(pre); });
})();
