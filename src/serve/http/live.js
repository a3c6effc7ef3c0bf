// Injected by `cairn serve` only (never in a built site): reloads the page
// after each good rebuild, and shows the problems of a bad one on top of
// the last good page until the next save fixes them.
(function () {
  "use strict";
  var overlay = null;

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function show(problems) {
    hide();
    overlay = document.createElement("div");
    overlay.setAttribute("role", "alert");
    overlay.id = "cairn-problems";
    overlay.style.cssText =
      "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:1.5rem;" +
      "background:rgba(20,20,24,.96);color:#f4f4f5;font:14px/1.5 ui-monospace,monospace";
    var heading = document.createElement("h2");
    heading.style.cssText = "margin:0 0 .5rem;font:600 1.1rem system-ui,sans-serif;color:#fca5a5";
    heading.textContent = problems.title;
    var note = document.createElement("p");
    note.style.cssText = "margin:0 0 1rem;font:0.95rem system-ui,sans-serif;color:#d4d4d8";
    note.textContent = problems.note;
    var text = document.createElement("pre");
    text.style.cssText = "white-space:pre-wrap;margin:0";
    text.textContent = problems.text;
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = problems.hide;
    close.style.cssText = "position:absolute;top:1rem;right:1rem;padding:.4rem .8rem;font:inherit";
    close.addEventListener("click", hide);
    overlay.append(close, heading, note, text);
    document.body.append(overlay);
  }

  var events = new EventSource("/__cairn/events");
  // Said on the page once the stream is open (each stream starts with
  // `ready`): a save from then on reloads it. Tests wait for it.
  events.addEventListener("ready", function () {
    document.documentElement.setAttribute("data-cairn-live", "ready");
  });
  events.addEventListener("reload", function () {
    window.location.reload();
  });
  events.addEventListener("problems", function (event) {
    show(JSON.parse(event.data));
  });
})();
