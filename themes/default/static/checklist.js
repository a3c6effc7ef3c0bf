// The eligibility checklist, live: rules from checklist-rules.js, words from
// #cairn-checklist, judged exactly as `cairn eligibility` (src/rules/eval.rs)
// judges. Answers stay in this browser (localStorage).
(function () {
  "use strict";
  var source = document.getElementById("cairn-checklist");
  var rules = window.cairnChecklistRules;
  if (!source || !rules || !window.cairnWords) return;
  var data = JSON.parse(source.textContent);
  var text = data.text || {};
  var W = window.cairnWords(data);
  // Ids are map keys: no prototype, so an id like "constructor" is just an id.
  function map() { return Object.create(null); }
  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  var levels = map();
  rules.levels.forEach(function (level) { levels[level.id] = level; });

  function pool(from) {
    var list = typeof from === "string" ? (own(rules.pools, from) ? rules.pools[from] : []) : from;
    var seen = map();
    return list.filter(function (id) { return seen[id] ? false : (seen[id] = true); });
  }

  // Days as "YYYY-MM-DD", judged as jiff does: a month or a year later is
  // the same day of the month, or the month's last when it has no such day.
  function pad(n, width) { n = String(n); while (n.length < width) n = "0" + n; return n; }
  function day(y, m, d) { return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2); }
  function addDays(text, days) {
    var t = new Date(Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10)) + days * 86400000);
    return day(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  }
  function addPeriod(text, period) {
    if (period.unit === "day") return addDays(text, period.count);
    if (period.unit === "week") return addDays(text, 7 * period.count);
    var months = (+text.slice(0, 4)) * 12 + (+text.slice(5, 7) - 1) + (period.unit === "year" ? 12 : 1) * period.count;
    var y = Math.floor(months / 12), m = months % 12 + 1;
    var last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return day(y, m, Math.min(+text.slice(8, 10), last));
  }
  // A real day (not 30 February), as TOML and `cairn eligibility` accept.
  function isDay(text) { return typeof text === "string" && /^\d{4}-\d{2}-\d{2}$/.test(text) && addDays(text, 0) === text; }
  // Today in UTC, the CLI's default judging day.
  function today() { return new Date().toISOString().slice(0, 10); }
  var validFor = rules.valid_for || {};

  // The ids a rule names, as `cairn eligibility` looks for what lapses.
  function named(e, out) {
    if (!e) return out;
    if (typeof e === "string") out[e] = true;
    else if ("has" in e) out[e.has] = true;
    else if ("choose" in e) { if (typeof e.from === "string") out[e.from] = true; else e.from.forEach(function (id) { out[id] = true; }); }
    else (e.all || e.any || []).forEach(function (child) { named(child, out); });
    return out;
  }

  // What a done entity implies, applied round by round as src/rules/implied.rs does.
  var implies = rules.implies || [], impliedBy = map();
  implies.forEach(function (p) { impliedBy[p[0]] = p[1]; });
  function judge(record, on) {
    var ids = (record.completed || []).slice(), implied = map(), queue = [1];
    while (queue.length) {
      var round = decide(ids, record, on).done;
      queue = [];
      var add = function (from, id) { if (!round(id) && !own(implied, id)) { implied[id] = from; queue.push(id); } };
      implies.forEach(function (p) { if (round(p[0])) p[1].forEach(function (id) { add(p[0], id); }); });
      for (var at = 0; at < queue.length; at++) {
        ids.push(queue[at]);
        (impliedBy[queue[at]] || []).forEach(function (id) { add(queue[at], id); });
      }
    }
    var judged = decide(ids, record, on);
    judged.verdicts.forEach(function (v) { if (own(implied, v.id)) v.implied_by = implied[v.id]; });
    judged.implied = implied;
    // Whether each credential is held, as src/rules/holding.rs says it.
    var judging = on || today(), soon = addDays(judging, 90), dates = record.dates || {};
    judged.holdings = (rules.credentials || []).map(function (id) {
      var day = (record.completed || []).indexOf(id) >= 0 && own(validFor, id) && own(dates, id) && isDay(dates[id]) ? addPeriod(dates[id], validFor[id]) : null;
      var held = judged.done(id), h = { id: id, state: held ? (day && day <= soon ? "lapsing" : "held") : day && judging >= day ? "lapsed" : "not_held" };
      if (day) h.lapses_on = day;
      if (held && own(implied, id)) h.implied_by = implied[id];
      return h;
    });
    return judged;
  }

  // Judge ids done with a record's measures and dates: {verdicts, done}.
  function decide(completedIds, record, on) {
    var listed = map();
    completedIds.forEach(function (id) { listed[id] = true; });
    var measures = record.measures || {};
    var dates = record.dates || {};
    var judging = on || today();
    var memo = map();
    function lapsesOn(id) {
      return own(validFor, id) && own(dates, id) && isDay(dates[id]) ? addPeriod(dates[id], validFor[id]) : null;
    }

    function done(id) {
      if (listed[id]) { var lapse = lapsesOn(id); return !(lapse && judging >= lapse); }
      if (id in memo) return memo[id] === true;
      memo[id] = null; // deciding: a cycle counts as not done
      var result = false;
      if (levels[id]) {
        result = !!levels[id].completion && holds(levels[id].completion);
      } else if (own(rules.awarded_by, id)) {
        result = rules.awarded_by[id].some(done);
      }
      memo[id] = result;
      return result;
    }
    function holds(e) { return (typeof e === "object" && e.preferred === true) || met(e); }
    function met(e) {
      if (typeof e === "string") return done(e);
      if (e.all) return e.all.every(holds);
      if (e.any) return e.any.some(holds);
      if ("choose" in e) return pool(e.from).filter(done).length >= e.choose;
      if ("has" in e) return amount(e.has) >= e.at_least;
      return false;
    }
    function amount(id) { return own(measures, id) ? Number(measures[id]) || 0 : 0; }
    // What is left of a rule, in its structure (Left in src/rules/eval.rs).
    function left(e) {
      if (holds(e)) return null;
      if (typeof e === "string") return { item: e };
      if ("has" in e) return { has: e.has, have: amount(e.has), at_least: e.at_least };
      if ("choose" in e) {
        var items = pool(e.from), counted = items.filter(done);
        return { choose: Math.max(e.choose - counted.length, 0), from: items.filter(function (id) { return !done(id); }), counted: counted };
      }
      var parts = (e.all || e.any).map(left).filter(Boolean);
      return e.any ? { any: parts } : parts.length === 1 ? parts[0] : { all: parts };
    }
    // The flat list of what is left: its ids, in order, once each.
    function leaves(l, out) {
      (l.all || l.any || l.from || [l.item || l.has]).forEach(function (x) {
        if (typeof x !== "string") leaves(x, out); else if (out.indexOf(x) < 0) out.push(x);
      });
      return out;
    }

    // What each needs first: no recursion as deep as a chain of levels.
    (rules.order || []).forEach(done);
    var verdicts = rules.levels.map(function (level) {
      var canStart = !level.requires || holds(level.requires);
      var complete = done(level.id);
      var rest = complete ? null
        : !canStart ? { rule: "requires", needs: left(level.requires) }
        : { rule: "completion", needs: level.completion ? left(level.completion) : { item: level.id } };
      var verdict = { id: level.id, can_start: canStart, complete: complete, missing: rest ? leaves(rest.needs, []) : [] };
      if (rest) verdict.left = rest;
      // What the level's rules name that lapses: gone, or going within 90 days.
      var soon = addDays(judging, 90), expired = [], expiring = [];
      Object.keys(named(level.completion, named(level.requires, map()))).sort().forEach(function (id) {
        var lapse = listed[id] && lapsesOn(id);
        if (!lapse) return;
        if (judging >= lapse) expired.push({ id: id, on: lapse });
        else if (lapse <= soon) expiring.push({ id: id, on: lapse });
      });
      if (expired.length) verdict.expired = expired;
      if (expiring.length) verdict.expiring = expiring;
      return verdict;
    });
    return { verdicts: verdicts, done: done };
  }

  // For tests, tools, checklist-plan.js and checklist-file.js: verdicts as
  // `cairn eligibility --format json` gives them, what is done, the answers.
  window.cairnChecklist = {
    evaluate: function (record, on) { return judge(record, on).verdicts; },
    holdings: function (record, on) { return judge(record, on).holdings; },
    done: function (record, on) { return judge(record, on).done; },
    record: function () { return record; },
    // The goal the plan was last asked for, kept with the answers.
    goal: function (id) { if (id !== undefined) { record.goal = id; save(); } return record.goal; },
    replace: function (answers) {
      record = { completed: answers.completed || [], measures: answers.measures || {}, dates: answers.dates || {}, goal: answers.goal || record.goal };
      save(); show();
    },
    isDay: isDay,
    words: W,
    data: data,
    rules: rules
  };

  // Saved answers: ids and numbers only, under a key that changes with the rules.
  var record = { completed: [], measures: {}, dates: {} };
  try {
    var saved = JSON.parse(window.localStorage.getItem(data.storage_key) || "null");
    if (saved && Array.isArray(saved.completed)) record.completed = saved.completed.filter(function (id) { return typeof id === "string"; });
    if (saved && typeof saved.goal === "string") record.goal = saved.goal;
    if (saved && saved.dates && typeof saved.dates === "object") {
      record.dates = {};
      Object.keys(saved.dates).forEach(function (id) { if (isDay(saved.dates[id])) record.dates[id] = saved.dates[id]; });
    }
    if (saved && saved.measures && typeof saved.measures === "object") {
      Object.keys(saved.measures).forEach(function (id) {
        var n = Number(saved.measures[id]);
        if (isFinite(n)) record.measures[id] = n;
      });
    }
    // Answers to older versions of these rules are never read again: drop them.
    var prefix = data.storage_key.slice(0, data.storage_key.lastIndexOf(":") + 1);
    Object.keys(window.localStorage).forEach(function (key) {
      if (key.indexOf(prefix) === 0 && key !== data.storage_key) window.localStorage.removeItem(key);
    });
  } catch (e) { /* storage unavailable or unreadable: start empty */ }

  function save() {
    try { window.localStorage.setItem(data.storage_key, JSON.stringify(record)); } catch (e) { /* quietly unsaved */ }
  }

  // An amount as typed, with either decimal mark ("9,5" in French, "9.5"):
  // a number, or null for anything else. Shown back in the page's language.
  function amountOf(typed) {
    var text = String(typed).trim().replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
    return /^\d+(\.\d+)?$/.test(text) ? Number(text) : null;
  }
  function amountText(n) {
    return new Intl.NumberFormat(document.documentElement.lang || "en", { useGrouping: false, maximumFractionDigits: 20 }).format(n);
  }
  function all(selector, within) { return [].slice.call((within || document).querySelectorAll(selector)); }
  var checkboxes = all("input[data-done]");
  var numbers = all("input[data-measure]");
  var dateInputs = all("input[data-date]");

  function element(tag, content) {
    var node = document.createElement(tag);
    if (content) node.textContent = content;
    return node;
  }
  // What is left, a sentence per line, as `cairn eligibility` says it
  // (src/phrases/left.rs): the parts of an "all" on lines of their own.
  function lines(left, level) {
    var parts = [];
    (function flat(l) { if (l.all) l.all.forEach(flat); else parts.push(l); })(left);
    return parts.map(function (p) {
      var part = p.item === level ? W.say("left_finish_itself")
        : p.item ? W.does(p.item) : p.has ? W.amount("left_has", p.has, p.have, p.at_least) : group(p, false);
      return W.say("left_line", { part: part });
    });
  }
  function member(l) {
    return l.item ? W.link(l.item) : l.has ? W.amount("left_has_in_list", l.has, l.have, l.at_least) : group(l, true);
  }
  function group(l, inner) {
    var id = (l.any ? "left_any" : l.all ? "left_all" : "left_choose") + (inner ? "_inner" : "");
    var said = W.say(id, { count: l.choose, parts: l.from ? W.list(l.from.map(W.link), "or") : W.list((l.any || l.all).map(member), l.any ? "or" : "and") });
    if (l.counted && l.counted.length) said = W.say("left_counted", { part: said, counted: W.list(l.counted.map(W.link), "and") });
    return inner ? W.say("left_nested", { part: said }) : said;
  }
  // A level's verdict, what is left as a list, and what lapses.
  function verdictNode(tag, verdict, title) {
    var node = element(tag), said = element("span"), strong = element("strong");
    strong.appendChild(verdict.implied_by ? W.say("implied", { item: W.link(verdict.implied_by) })
      : W.say(verdict.complete ? "completed" : verdict.can_start ? "can_start" : "not_yet"));
    said.appendChild(title ? W.say("verdict", { level: W.link(verdict.id), verdict: strong }) : strong);
    node.className = "verdict-" + (verdict.complete ? "complete" : verdict.can_start ? "start" : "not-yet");
    node.appendChild(said);
    // Between sentences: the separator, or a space after one that ends itself.
    function next() { said.appendChild(/\.\s*$/.test(said.textContent) ? document.createTextNode(" ") : W.say("separator")); }
    // What has lapsed, or soon will: said in full, as `cairn eligibility` does.
    ["expired", "expiring"].forEach(function (kind) {
      (verdict[kind] || []).forEach(function (lapse) {
        next();
        said.appendChild(W.say(kind, { item: W.link(lapse.id), date: W.date(lapse.on) }));
      });
    });
    if (verdict.left) {
      next();
      said.appendChild(W.say(verdict.can_start ? "missing_finish" : "missing_start"));
      var list = node.appendChild(element("ul"));
      list.className = "left";
      lines(verdict.left.needs, verdict.id).forEach(function (line) { list.appendChild(element("li")).appendChild(line); });
    }
    return node;
  }

  function render() {
    var judged = judge(record);
    var verdicts = judged.verdicts;
    var done = judged.done;
    var byId = {};
    verdicts.forEach(function (v) { byId[v.id] = v; });

    all("[data-count-for]").forEach(function (counter) {
      var list = document.getElementById(counter.getAttribute("data-count-for"));
      if (!list) return;
      var ids = all("input[data-done]", list).map(function (box) { return box.getAttribute("data-done"); });
      var need = Number(counter.getAttribute("data-need"));
      var count = Math.min(pool(ids).filter(done).length, need);
      counter.textContent = W.text("count", { count: count, total: need });
    });
    all("[data-verdict]").forEach(function (slot) {
      var verdict = byId[slot.getAttribute("data-verdict")];
      if (verdict) slot.replaceChildren(verdictNode("div", verdict, false));
    });
    var status = document.getElementById("checklist-status");
    if (status) {
      var listed = verdicts.filter(function (v) { return document.querySelector('[data-verdict="' + v.id + '"]'); });
      var completed = listed.filter(function (v) { return v.complete; }).length;
      var list = element("ul");
      listed.forEach(function (v) { list.appendChild(verdictNode("li", v, true)); });
      // The levels to start, named: "You can start 1 level: Level 2".
      var names = listed.filter(function (v) { return !v.complete && v.can_start; }).map(function (v) { return W.link(v.id); });
      var p = element("p");
      p.appendChild(W.say("summary", { completed: completed, total: listed.length }));
      p.appendChild(document.createTextNode(" "));
      p.appendChild(names.length ? W.say("startable", { count: names.length, levels: W.list(names, "and") }) : W.say("startable_none"));
      status.replaceChildren(p, list);
      // Whether each credential is held.
      if (judged.holdings.length) {
        var held = element("ul");
        judged.holdings.forEach(function (h) {
          var state = h.implied_by ? W.say("held_implied", { item: W.link(h.implied_by) }) : W.say(h.state, { date: h.lapses_on ? W.date(h.lapses_on) : "" });
          var strong = element("strong");
          strong.appendChild(state);
          var li = held.appendChild(element("li"));
          li.className = "holding-" + h.state;
          li.appendChild(W.say("verdict", { level: W.link(h.id), verdict: strong }));
        });
        status.append(element("p", W.text("credentials")), held);
      }
    }
    all("[data-status-for]").forEach(function (slot) {
      var verdict = byId[slot.getAttribute("data-status-for")];
      if (verdict) slot.replaceChildren(verdictNode("div", verdict, false));
    });
    document.dispatchEvent(new Event("cairn:checklist"));
  }

  function show() {
    var judged = judge(record);
    var done = judged.done;
    var ticked = map();
    record.completed.forEach(function (id) { ticked[id] = true; });
    checkboxes.forEach(function (box) {
      // Ticked by the person, or done because of what they ticked (a level
      // finished through its workshops): the latter is shown, not editable.
      var id = box.getAttribute("data-done");
      var listed = ticked[id] === true;
      box.checked = listed || done(id);
      box.disabled = !listed && box.checked;
      var label = box.parentNode, note = label.querySelector(".implied");
      if (note) note.remove();
      if (own(judged.implied, id)) {
        note = label.appendChild(element("small", " "));
        note.className = "implied";
        note.appendChild(W.say("implied", { item: W.title(judged.implied[id]) }));
      }
    });
    numbers.forEach(function (input) {
      var id = input.getAttribute("data-measure");
      input.value = own(record.measures, id) ? amountText(record.measures[id]) : "";
    });
    dateInputs.forEach(function (input) {
      var id = input.getAttribute("data-date");
      input.value = own(record.dates, id) ? record.dates[id] : "";
    });
    render();
  }

  checkboxes.forEach(function (box) {
    box.addEventListener("change", function () {
      var id = box.getAttribute("data-done");
      record.completed = record.completed.filter(function (other) { return other !== id; });
      if (box.checked) record.completed.push(id);
      save();
      show();
    });
  });
  numbers.forEach(function (input) {
    input.addEventListener("input", function () {
      var id = input.getAttribute("data-measure");
      var n = amountOf(input.value);
      if (n === null) delete record.measures[id];
      else record.measures[id] = n;
      save();
      numbers.forEach(function (other) {
        if (other !== input && other.getAttribute("data-measure") === id) other.value = input.value;
      });
      render();
    });
  });
  dateInputs.forEach(function (input) {
    input.addEventListener("change", function () {
      var id = input.getAttribute("data-date");
      if (isDay(input.value)) record.dates[id] = input.value; else delete record.dates[id];
      save();
      show();
    });
  });
  // Clearing says what it did and can be undone until the next change.
  var clear = document.getElementById("checklist-clear");
  var undo = document.getElementById("checklist-undo");
  var told = document.getElementById("checklist-file-status");
  var cleared = null;
  if (clear) {
    clear.hidden = false;
    clear.addEventListener("click", function () {
      cleared = record;
      record = { completed: [], measures: {}, dates: {} };
      try { window.localStorage.removeItem(data.storage_key); } catch (e) { /* nothing saved */ }
      show();
      if (told) told.textContent = W.text("cleared");
      if (undo) { undo.hidden = false; undo.focus(); }
    });
  }
  if (undo) {
    undo.addEventListener("click", function () {
      if (cleared) { record = cleared; cleared = null; save(); show(); }
      undo.hidden = true;
      if (told) told.textContent = W.text("restored");
      if (clear) clear.focus();
    });
  }
  show();
})();
