// The checklist scripts' one formatter: every sentence they write is a
// message of the theme's i18n files, given by the page (filled in Rust
// with "{name}" holes, plural forms by CLDR category), and filled here as
// Fluent fills it for `cairn eligibility`: plural forms by
// Intl.PluralRules, numbers by Intl.NumberFormat, lists by
// Intl.ListFormat (CLDR's patterns, as icu_list in Rust). Titles stay
// links and keep their language (lang="en" on a French page).
(function () {
  "use strict";
  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  window.cairnWords = function (data) {
    var lang = document.documentElement.lang || "en";
    var text = data.text || {}, items = data.items || {};
    var plurals = new Intl.PluralRules(lang);
    var numbers = new Intl.NumberFormat(lang, { useGrouping: text.grouping || "auto", maximumFractionDigits: 20 });
    function plural(forms, n) { return typeof forms === "string" ? forms : forms[plurals.select(n)] || forms.other; }
    function node(value) {
      if (value instanceof Node) return value;
      return document.createTextNode(typeof value === "number" ? numbers.format(value) : String(value));
    }
    // Message `id` with `args` ({name: text, number or node}), as nodes.
    function say(id, args) {
      args = args || {};
      var message = own(text, id) ? plural(text[id], args.count) : "{" + id + "}";
      var out = document.createDocumentFragment();
      message.split(/\{(\w+)\}/).forEach(function (part, i) {
        if (i % 2) out.appendChild(own(args, part) ? node(args[part]) : document.createTextNode("{" + part + "}"));
        else if (part) out.appendChild(document.createTextNode(part));
      });
      return out;
    }
    // Nodes joined as the language joins a list: "A, B or C", "A, B ou C".
    function list(parts, join) {
      var format = new Intl.ListFormat(lang, { type: join === "or" ? "disjunction" : "conjunction" });
      var out = document.createDocumentFragment(), at = 0;
      format.formatToParts(parts.map(String)).forEach(function (piece) {
        out.appendChild(piece.type === "element" ? node(parts[at++]) : document.createTextNode(piece.value));
      });
      return out;
    }
    function item(id) { return own(items, id) ? items[id] : { title: id }; }
    // An item's title: a link to its page where it has one, unless `plain`.
    function link(id, plain) {
      var it = item(id), a = document.createElement(it.url && !plain ? "a" : "span");
      a.textContent = it.title;
      if (it.url) a.href = it.url;
      if (it.lang) a.lang = it.lang;
      return a;
    }
    return {
      say: say,
      text: function (id, args) { return say(id, args).textContent; },
      list: list,
      link: function (id) { return link(id); },
      // The title alone, where a link would be a stop of its own (in a label).
      title: function (id) { return link(id, true); },
      number: function (n) { return numbers.format(n); },
      // A day, "YYYY-MM-DD", in words: "1 March 2027", "1er mars 2027".
      date: function (on) {
        var d = +on.slice(8, 10);
        return say("date", { day: d === 1 ? text.first || 1 : d, month: (text.months || [])[+on.slice(5, 7) - 1], year: on.slice(0, 4) }).textContent;
      },
      // "Complete Level 1", "Hold the credential …": as the rules say it.
      does: function (id) { return say("does_" + (item(id).kind || "requirement"), { item: link(id) }); },
      // "Hours on set: 120 of 300 hours", in message `id`.
      amount: function (id, has, have, atLeast) {
        var unit = item(has).unit;
        return say(id, { item: link(has), have: have, count: atLeast, unit: unit ? plural(unit, atLeast) : "" });
      }
    };
  };
})();
