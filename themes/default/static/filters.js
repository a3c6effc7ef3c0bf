// The workshop listing's filters (list.html): show the workshops that match
// every chosen filter, say how many, and keep the choice in the address so
// that a link shares it. Without this script the form stays hidden and the
// whole list shows.
(function () {
  "use strict";
  var form = document.getElementById("workshop-filters");
  if (!form) return;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var status = document.getElementById("filter-status");
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-filter]"));
  var values = items.map(function (item) {
    try {
      return JSON.parse(item.getAttribute("data-filter"));
    } catch (e) {
      return {};
    }
  });
  var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);

  function matches(value, wanted) {
    return Array.isArray(value) ? value.indexOf(wanted) >= 0 : value === wanted;
  }

  function apply(remember) {
    var wanted = {};
    selects.forEach(function (select) {
      if (select.value) wanted[select.name] = select.value;
    });
    // Mode, month and language belong to one offering: a workshop matches
    // when a single offering of it has all the ones chosen.
    var ofOffering = ["mode", "month", "language"].filter(function (name) { return name in wanted; });
    var shown = 0;
    items.forEach(function (item, at) {
      var value = values[at];
      var keep = Object.keys(wanted).every(function (name) {
        // A workshop open to all is for every audience.
        if (name === "audience" && value.open_to_all) return true;
        return ofOffering.indexOf(name) >= 0 || matches(value[name], wanted[name]);
      }) && (!ofOffering.length || (value.offerings || []).some(function (offering) {
        return ofOffering.every(function (name) { return offering[name] === wanted[name]; });
      }));
      item.hidden = !keep;
      if (keep) shown += 1;
    });
    // Nothing shown says so; the "Show all" button beside it brings the list back.
    status.textContent = shown === 0 && status.getAttribute("data-none")
      ? status.getAttribute("data-none")
      : status
        .getAttribute("data-template")
        .replace("{shown}", numbers.format(shown))
        .replace("{total}", numbers.format(items.length));
    if (remember) {
      var query = new URLSearchParams();
      Object.keys(wanted).forEach(function (name) {
        query.set(name, wanted[name]);
      });
      var search = query.toString();
      history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
    }
  }

  // A shared link chooses what it names, where the list offers it.
  var asked = new URLSearchParams(location.search);
  selects.forEach(function (select) {
    var value = asked.get(select.name);
    var offered = Array.prototype.some.call(select.options, function (option) {
      return option.value === value;
    });
    if (value && offered) select.value = value;
  });
  form.addEventListener("change", function () {
    apply(true);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.addEventListener("reset", function (event) {
    // Cleared here rather than after the browser's own reset, so that the
    // list shows everything again at once.
    event.preventDefault();
    selects.forEach(function (select) {
      select.value = "";
    });
    apply(true);
  });
  form.hidden = false;
  apply(false);
})();
