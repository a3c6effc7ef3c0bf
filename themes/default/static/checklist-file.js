// The checklist's answers as a file to keep or bring to an advisor, in the
// TOML `cairn eligibility --profile` reads, and such a file loaded back. A
// file that cannot be read changes nothing. Only the checklist page has it.
(function () {
  "use strict";
  var checklist = window.cairnChecklist;
  if (!checklist) return;
  var data = checklist.data, rules = checklist.rules, W = checklist.words;
  var isDay = checklist.isDay;
  function map() { return Object.create(null); }
  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  // A record as the TOML `cairn eligibility --profile` reads: ids are plain
  // (a-z, 0-9, -), so they need no quoting beyond their quotes.
  function toToml(record) {
    var lines = ["# " + W.text("file_comment"), "completed = [" + record.completed.map(function (id) { return JSON.stringify(id); }).join(", ") + "]"];
    var ids = Object.keys(record.measures).sort();
    if (ids.length) {
      lines.push("", "[measures]");
      ids.forEach(function (id) { lines.push(id + " = " + String(record.measures[id])); });
    }
    var dated = Object.keys(record.dates || {}).filter(function (id) { return isDay(record.dates[id]); }).sort();
    if (dated.length) {
      lines.push("", "[dates]");
      dated.forEach(function (id) { lines.push(id + " = " + record.dates[id]); });
    }
    return lines.join("\n") + "\n";
  }

  // Read such a file back (`completed`, `[measures]`, `[dates]`, comments).
  // Throws {line, reason, id} for anything else, or an unknown id.
  function fromToml(source) {
    var measured = map();
    (rules.measured || []).forEach(function (id) { measured[id] = true; });
    var result = { completed: [], measures: {}, dates: {} };
    var section = "";
    var seenCompleted = false;
    var lines = String(source).replace(/^\uFEFF/, "").split(/\r?\n/);
    function fail(reason, line, id) { throw { reason: reason, line: line, id: id }; }
    function known(id, line) { if (!own(data.items, id)) fail("unknown", line, id); }
    for (var at = 0; at < lines.length; at++) {
      var line = lines[at].trim();
      var number = at + 1;
      if (line === "" || line.charAt(0) === "#") continue;
      if (line === "[measures]" || line === "[dates]") { section = line.slice(1, -1); continue; }
      var pair = /^("?)([A-Za-z0-9_-]+)\1\s*=\s*(.*)$/.exec(line);
      if (!pair) fail("line", number);
      var key = pair[2], value = pair[3].replace(/\s+#.*$/, "");
      if (section === "" && key === "completed" && !seenCompleted) {
        seenCompleted = true;
        // The list may go on over the next lines until its `]`.
        while (value.indexOf("]") < 0 && at + 1 < lines.length) value += " " + lines[++at].replace(/#.*$/, "");
        var list = /^\[(.*)\]$/.exec(value.trim());
        if (!list) fail("line", number);
        var items = list[1].split(",").map(function (item) { return item.trim(); }).filter(function (item) { return item !== ""; });
        items.forEach(function (item) {
          var id = /^"([^"\\]*)"$/.exec(item);
          if (!id) fail("line", number);
          known(id[1], number);
          if (result.completed.indexOf(id[1]) < 0) result.completed.push(id[1]);
        });
      } else if (section === "dates") {
        if (!isDay(value)) fail("line", number);
        known(key, number);
        result.dates[key] = value;
      } else if (section === "measures") {
        var amount = value.replace(/_/g, "");
        if (!/^[0-9]+(\.[0-9]+)?$/.test(amount)) fail("line", number);
        known(key, number);
        if (!measured[key]) fail("not_measured", number, key);
        result.measures[key] = Number(amount);
      } else {
        fail("line", number);
      }
    }
    return result;
  }

  checklist.toToml = function () { return toToml(checklist.record()); };

  // Save the answers as a file to keep or bring to an advisor; load such a
  // file back. A file that cannot be read changes nothing.
  var saveButton = document.getElementById("checklist-save");
  var loadInput = document.getElementById("checklist-load");
  var fileStatus = document.getElementById("checklist-file-status");
  if (saveButton) {
    saveButton.hidden = false;
    saveButton.addEventListener("click", function () {
      var url = URL.createObjectURL(new Blob([toToml(checklist.record())], { type: "application/toml" }));
      var a = document.createElement("a");
      a.href = url;
      a.download = W.text("file_name");
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    });
  }
  if (loadInput) {
    var loadBlock = document.getElementById("checklist-load-block");
    if (loadBlock) loadBlock.hidden = false;
    loadInput.addEventListener("change", function () {
      var file = loadInput.files && loadInput.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        try {
          checklist.replace(fromToml(reader.result));
          if (fileStatus) fileStatus.textContent = W.text("file_loaded", { file: file.name });
        } catch (problem) {
          var reason = "file_" + (problem && (problem.reason === "unknown" || problem.reason === "not_measured") ? problem.reason : "bad_line");
          if (fileStatus) fileStatus.textContent = W.text("file_not_loaded", { file: file.name, reason: W.say(reason, { line: problem && problem.line, id: problem && problem.id }) });
        }
        loadInput.value = "";
      };
      reader.readAsText(file);
    });
  }

})();
