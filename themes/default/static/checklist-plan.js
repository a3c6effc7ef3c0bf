// Next steps toward a goal, on the checklist page: the plan `cairn
// eligibility --goal` prints (src/rules/plan.rs and the ways of
// src/rules/ways.rs, ported step for step so that both agree), for the
// answers checklist.js holds. The fewest things left to do, exact up to
// 10,000 ways per rule, the best of the 64 cheapest past that (marked).
(function () {
  "use strict";
  var checklist = window.cairnChecklist;
  var rules = window.cairnChecklistRules;
  var source = document.getElementById("cairn-checklist");
  if (!checklist || !rules || !source) return;
  var data = JSON.parse(source.textContent);
  var planData = data.plan;
  if (!planData) return;
  var LIMIT = 10000, WORK = 1e8, BEAM = 64;
  var TOO_MANY = { tooMany: true };
  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  var levels = {};
  rules.levels.forEach(function (l) { levels[l.id] = l; });
  var workshops = planData.workshops, discretionary = planData.discretionary || [];
  function awardedBy(id) { return own(rules.awarded_by, id) ? rules.awarded_by[id] : []; }
  function workshopsOf(level) { return own(planData.by_level, level) ? planData.by_level[level] : []; }
  function pool(from) {
    var list = typeof from === "string" ? workshopsOf(from) : from, seen = {};
    return list.filter(function (id) { return own(seen, id) ? false : (seen[id] = true); });
  }

  // Ways: {done: sorted atoms, amounts: [[atom, at least]] sorted by atom}.
  function size(w) { return w.done.length + w.amounts.length; }
  function subset(small, large) { var i = 0; return small.every(function (x) { while (i < large.length && large[i] !== x) i++; return i++ < large.length; }); }
  function covers(a, b) {
    return subset(a.done, b.done) && a.amounts.every(function (p) {
      return b.amounts.some(function (q) { return q[0] === p[0] && q[1] >= p[1]; });
    });
  }
  function both(a, b) {
    var done = a.done.concat(b.done).sort(function (x, y) { return x - y; }).filter(function (x, i, all) { return !i || all[i - 1] !== x; });
    var amounts = a.amounts.map(function (p) { return p.slice(); });
    b.amounts.forEach(function (q) {
      var mine = amounts.filter(function (p) { return p[0] === q[0]; })[0];
      if (mine) mine[1] = Math.max(mine[1], q[1]); else amounts.push(q.slice());
    });
    amounts.sort(function (x, y) { return x[0] - y[0]; });
    return { done: done, amounts: amounts };
  }
  function compareLists(a, b, item) {
    for (var i = 0; i < a.length && i < b.length; i++) { var c = item(a[i], b[i]); if (c) return c; }
    return a.length - b.length;
  }
  function order(a, b) {
    return size(a) - size(b) || compareLists(a.done, b.done, function (x, y) { return x - y; }) ||
      compareLists(a.amounts, b.amounts, function (x, y) { return x[0] - y[0] || x[1] - y[1]; });
  }
  function same(a, b) { return order(a, b) === 0; }

  function Budget(beam) { this.left = WORK; this.beam = beam; this.cut = false; }
  Budget.prototype.spend = function (n) { if (n > this.left) throw TOO_MANY; this.left -= n; };
  Budget.prototype.bound = function (ways) {
    if (this.beam) { if (ways.length > this.beam) { ways.length = this.beam; this.cut = true; } return ways; }
    if (ways.length > LIMIT) throw TOO_MANY;
    return ways;
  };
  function covered(budget, by, way) {
    budget.spend((by.length + 1) * (size(way) + 1));
    return by.some(function (b) { return covers(b, way); });
  }
  function minimal(budget, ways) {
    ways.sort(order);
    var kept = [];
    for (var i = 0; i < ways.length; i++) {
      if (i && same(ways[i], ways[i - 1])) continue;
      if (budget.beam && kept.length >= budget.beam) { budget.cut = true; break; }
      if (!covered(budget, kept, ways[i])) {
        kept.push(ways[i]);
        if (!budget.beam && kept.length > LIMIT) throw TOO_MANY;
      }
    }
    return budget.bound(kept);
  }
  function and(budget, a, b) {
    budget.spend(a.length * b.length);
    if (!budget.beam && a.length * b.length > LIMIT * LIMIT) throw TOO_MANY;
    var all = [];
    a.forEach(function (x) { b.forEach(function (y) { all.push(both(x, y)); }); });
    return minimal(budget, all);
  }
  function or(budget, a, b) {
    var kept = a.filter(function (way) { return !covered(budget, b, way); });
    b.forEach(function (way) {
      var strictly = covered(budget, a, way) && !a.some(function (x) { return same(x, way); });
      if (!strictly) kept.push(way);
    });
    return budget.bound(kept.sort(order));
  }
  function mentions(f, out) {
    if ("d" in f) out.push(f.d);
    (f.all || f.any || f.from || []).forEach(function (c) { mentions(c, out); });
    return out;
  }
  function single(atom) { return { done: [atom], amounts: [] }; }
  function chooseItems(budget, count, members) {
    var items = [];
    for (var i = 0; i < members.length; i++) {
      var m = members[i];
      if (m.length !== 1 || m[0].done.length !== 1 || m[0].amounts.length) return null;
      items.push(m[0].done[0]);
    }
    items.sort(function (x, y) { return x - y; });
    if (items.some(function (x, i) { return i && items[i - 1] === x; })) return null;
    var total = 1;
    for (i = 0; i < count; i++) {
      total = Math.round(total * (items.length - i) / (i + 1));
      if (total > LIMIT) {
        if (!budget.beam) throw TOO_MANY;
        budget.cut = true;
        total = budget.beam;
        break;
      }
    }
    budget.spend(total * count);
    var ways = [], chosen = [];
    for (i = 0; i < count; i++) chosen.push(i);
    for (;;) {
      ways.push({ done: chosen.map(function (j) { return items[j]; }), amounts: [] });
      if (ways.length >= total) break;
      var at = count - 1;
      while (at >= 0 && chosen[at] >= items.length - count + at) at--;
      if (at < 0) break;
      chosen[at]++;
      for (i = at + 1; i < count; i++) chosen[i] = chosen[i - 1] + 1;
    }
    return ways;
  }
  // The minimal ways of a formula, each entity's worked out once, deepest
  // first, with an explicit stack (no recursion as deep as a chain).
  function Expander(derived, budget) { this.derived = derived; this.budget = budget; this.done = {}; }
  Expander.prototype.ways = function (formula) {
    var self = this, open = {};
    mentions(formula, []).forEach(function (root) {
      if (own(self.done, root) || open[root]) return;
      open[root] = true;
      var stack = [[root, self.needs(root), 0]];
      while (stack.length) {
        var top = stack[stack.length - 1];
        if (top[2] < top[1].length) {
          var need = top[1][top[2]++];
          if (!own(self.done, need) && !open[need]) { open[need] = true; stack.push([need, self.needs(need), 0]); }
        } else {
          stack.pop();
          var atom = top[0], how = self.derived[atom];
          self.done[atom] = how ? [] : [single(atom)];
          try { self.done[atom] = how ? self.expand(how) : [single(atom)]; } catch (e) { if (e !== TOO_MANY) throw e; self.done[atom] = TOO_MANY; }
          delete open[atom];
        }
      }
    });
    return this.expand(formula);
  };
  Expander.prototype.needs = function (atom) { return this.derived[atom] ? mentions(this.derived[atom], []) : []; };
  Expander.prototype.expand = function (f) {
    var self = this, budget = this.budget;
    if (f.t === true) return [{ done: [], amounts: [] }];
    if ("d" in f) {
      if (!own(this.done, f.d)) return [single(f.d)];
      var known = this.done[f.d];
      if (known === TOO_MANY) throw TOO_MANY;
      budget.spend(known.reduce(function (n, w) { return n + size(w) + 1; }, 0));
      return known.slice();
    }
    if ("r" in f) return [f.n > 0 ? { done: [], amounts: [[f.r, f.n]] } : { done: [], amounts: [] }];
    var ways;
    if (f.all) { ways = [{ done: [], amounts: [] }]; f.all.forEach(function (c) { ways = and(budget, ways, self.expand(c)); }); return ways; }
    if (f.any) { ways = []; f.any.forEach(function (c) { ways = or(budget, ways, self.expand(c)); }); return ways; }
    var count = f.k;
    if (count > f.from.length) return [];
    var members = f.from.map(function (m) { return self.expand(m); });
    var listed = chooseItems(budget, count, members);
    if (listed) return listed;
    if (budget.beam && members.length > count + Math.min(budget.beam, 8)) {
      members.sort(function (a, b) { return a.length && b.length ? order(a[0], b[0]) : (b.length ? 1 : 0) - (a.length ? 1 : 0); });
      members.length = count + Math.min(budget.beam, 8);
      budget.cut = true;
    }
    var byChosen = [[{ done: [], amounts: [] }]];
    for (var j = 1; j <= count; j++) byChosen.push([]);
    members.forEach(function (member) {
      for (var j = count; j >= 1; j--) {
        if (!byChosen[j - 1].length) continue;
        byChosen[j] = or(budget, byChosen[j], and(budget, byChosen[j - 1], member));
      }
    });
    return byChosen[count];
  };

  // The plan toward `goal` for `record`: as src/rules/plan.rs reads the
  // catalogue, from the goal outward, atoms numbered as the rules name them.
  function plan(record, goal, on) {
    var done = checklist.done(record, on);
    var measures = record.measures || {}, lapsed = {};
    checklist.holdings(record, on).forEach(function (h) { if (h.state === "lapsed") lapsed[h.id] = true; });
    var atoms = {}, named = [];
    function have(id) { return own(measures, id) ? Number(measures[id]) || 0 : 0; }
    function atom(id, itself) {
      var key = (itself ? "+" : "-") + id;
      if (!own(atoms, key)) { atoms[key] = named.length; named.push([id, itself]); }
      return atoms[key];
    }
    function reach(id) { return done(id) ? { t: true } : { d: atom(id, false) }; }
    function act(id) { return { d: atom(id, true) }; }
    function all(parts) {
      parts = parts.filter(function (p) { return p.t !== true; });
      return parts.length === 0 ? { t: true } : parts.length === 1 ? parts[0] : { all: parts };
    }
    function any(parts) { return parts.some(function (p) { return p.t === true; }) ? { t: true } : { any: parts }; }
    function member(id, level) {
      if (done(id)) return { t: true };
      var w = own(workshops, id) && workshops[id];
      return w && !w.requires && level && w.level === level ? act(id) : reach(id);
    }
    function formula(e, level) {
      if (typeof e === "string") return member(e, level);
      if (e.preferred === true) return { t: true };
      if ("has" in e) return have(e.has) >= e.at_least ? { t: true } : { r: atom(e.has, false), n: e.at_least };
      if (e.all) return all(e.all.map(function (c) { return formula(c, level); }));
      if (e.any) return any(e.any.map(function (c) { return formula(c, level); }));
      var members = pool(e.from).map(function (id) { return member(id, level); });
      var rest = members.filter(function (m) { return m.t !== true; });
      var count = Math.max(e.choose - (members.length - rest.length), 0);
      return count === 0 ? { t: true } : { k: count, from: rest };
    }
    function how(id) {
      if (own(levels, id)) {
        var level = levels[id];
        return all([level.requires ? formula(level.requires, null) : { t: true },
          level.completion ? formula(level.completion, id) : act(id)]);
      }
      if (own(workshops, id)) {
        var w = workshops[id], requires = w.requires || (w.level && levels[w.level] && levels[w.level].requires);
        return all([requires ? formula(requires, null) : { t: true }, act(id)]);
      }
      // A credential held no more is renewed, not earned again.
      var by = awardedBy(id);
      return by.length && !lapsed[id] ? any(by.map(reach)) : null;
    }
    var target = reach(goal), derived = {};
    for (var next = 0; next < named.length; next++) {
      if (named[next][1]) continue;
      var found = how(named[next][0]);
      if (found) derived[next] = found;
    }
    function effort(way) {
      return way.amounts.reduce(function (sum, p) { return sum + (p[1] > 0 ? Math.max(p[1] - have(named[p[0]][0]), 0) / p[1] : 0); }, 0);
    }
    // What the organizers grant at their discretion comes last, however short.
    function granted(way) {
      return way.done.concat(way.amounts.map(function (p) { return p[0]; })).filter(function (a) { return discretionary.indexOf(named[a][0]) >= 0; }).length;
    }
    function best(ways) {
      return ways.reduce(function (b, w) {
        return !b || (granted(w) - granted(b) || size(w) - size(b) || effort(w) - effort(b) || order(w, b)) < 0 ? w : b;
      }, null);
    }
    var way, exact = true;
    try {
      way = best(new Expander(derived, new Budget(null)).ways(target));
    } catch (e) {
      if (e !== TOO_MANY) throw e;
      var budget = new Budget(BEAM);
      try { way = best(new Expander(derived, budget).ways(target)); } catch (e2) { if (e2 !== TOO_MANY) throw e2; return { goal: goal, none: "too-large" }; }
      exact = !budget.cut;
    }
    if (!way) return { goal: goal, none: "unreachable" };
    var actions = way.done.map(function (a) { return [a, { item: named[a][0] }]; }).concat(way.amounts.map(function (p) {
      return [p[0], { has: named[p[0]][0], have: have(named[p[0]][0]), at_least: p[1] }];
    }));
    actions.sort(function (x, y) { return x[0] - y[0]; });
    actions = actions.map(function (a) { return a[1]; });
    // The levels the plan goes through: done once it is (its things done afresh), not before.
    var after = { completed: (record.completed || []).slice(), measures: Object.assign({}, measures), dates: Object.assign({}, record.dates) };
    actions.forEach(function (a) {
      if (a.item) { after.completed.push(a.item); delete after.dates[a.item]; } else after.measures[a.has] = a.at_least;
    });
    var then = checklist.done(after, on);
    var steps = stepsOf(function (l) { return then(l) && !done(l); }, goal, actions);
    return { goal: goal, exact: exact, count: actions.length, steps: steps };
  }

  // What each level's rules name: levels, the levels awarding a credential,
  // a workshop's level.
  function references(id, out) {
    var level = levels[id];
    [level.requires, level.completion].forEach(function walk(e) {
      if (!e) return;
      if (typeof e === "string") out.push([e, "item"]);
      else if ("has" in e) out.push([e.has, "measure"]);
      else if ("choose" in e) { if (typeof e.from === "string") out.push([e.from, "pool"]); else e.from.forEach(function (x) { out.push([x, "item"]); }); }
      else (e.all || e.any).forEach(walk);
    });
    return out;
  }
  function stepsOf(through, goal, actions) {
    var placed = {}, order = [];
    function needs(id) {
      var found = [];
      references(id, []).forEach(function (r) {
        var t = r[0];
        if (own(levels, t)) found.push(t);
        else if (awardedBy(t).length) found.push.apply(found, awardedBy(t));
        else if (own(workshops, t) && workshops[t].level) found.push(workshops[t].level);
      });
      return found.filter(function (l) { return l !== id; });
    }
    (own(levels, goal) ? [goal] : awardedBy(goal)).forEach(function (start) {
      if (placed[start]) return;
      placed[start] = true;
      var stack = [[start, needs(start), 0]];
      while (stack.length) {
        var top = stack[stack.length - 1];
        if (top[2] < top[1].length) {
          var need = top[1][top[2]++];
          if (!placed[need]) { placed[need] = true; stack.push([need, needs(need), 0]); }
        } else { order.push(top[0]); stack.pop(); }
      }
    });
    var path = order.filter(through);
    function names(level, id) {
      return references(level, []).some(function (r) { return r[0] === id || (r[1] === "pool" && workshopsOf(r[0]).indexOf(id) >= 0); });
    }
    var homes = actions.map(function (a) {
      var id = a.item || a.has;
      if (own(levels, id)) return id;
      if (own(workshops, id) && path.indexOf(workshops[id].level) >= 0) return workshops[id].level;
      var found = path.filter(function (l) { return names(l, id); })[0];
      return found || (own(levels, goal) ? goal : null);
    });
    var steps = [];
    path.forEach(function (level) {
      var mine = actions.filter(function (a, i) { return homes[i] === level; });
      mine.sort(function (a, b) { return (a.item === level) - (b.item === level); });
      if (mine.length) steps.push({ level: level, "do": mine });
    });
    var homeless = actions.filter(function (a, i) { return homes[i] === null || path.indexOf(homes[i]) < 0; });
    if (homeless.length) steps.push({ level: null, "do": homeless });
    return steps;
  }

  checklist.plan = plan;

  // The plan on the page, for the goal chosen, as the answers change. Only
  // its first sentence is a live region: the steps are read on request.
  var select = document.getElementById("plan-goal");
  var summary = document.getElementById("plan-summary");
  var output = document.getElementById("plan-output");
  if (!select || !summary || !output || !select.options.length) return;
  document.getElementById("plan").hidden = false;
  var W = checklist.words;
  function element(tag) { return document.createElement(tag); }
  function show() {
    var found;
    try {
      found = plan(checklist.record(), select.value);
    } catch (problem) {
      found = { none: "too-large" };
    }
    var count = found.count || 0;
    // The goal's title, marked with its language.
    var option = select.options[select.selectedIndex], goal = element("span");
    goal.textContent = option.textContent;
    if (option.lang) goal.lang = option.lang;
    var id = found.none ? (found.none === "unreachable" ? "plan_unreachable" : "plan_too_large") : count ? "plan_heading" : "plan_reached";
    summary.replaceChildren(W.say(id, { count: count, goal: goal }));
    var nodes = [];
    if (count) {
      var list = element("ol");
      found.steps.forEach(function (step) {
        var li = list.appendChild(element("li"));
        li.appendChild(step.level ? W.link(step.level) : W.say("plan_other"));
        var actions = li.appendChild(element("ul"));
        // In the words of `cairn eligibility --goal`.
        step["do"].forEach(function (action) {
          actions.appendChild(element("li")).appendChild(action.item && action.item === step.level ? W.say("plan_finish_level")
            : action.has ? W.amount("left_has", action.has, action.have, action.at_least) : W.does(action.item));
        });
      });
      nodes.push(list);
      if (!found.exact) {
        var note = element("p");
        note.className = "meta";
        note.appendChild(W.say("plan_approximate"));
        nodes.push(note);
      }
    }
    output.replaceChildren.apply(output, nodes);
  }
  // Worked out once the answers settle, not at every keystroke.
  var pending = null;
  function later() {
    clearTimeout(pending);
    pending = setTimeout(show, 150);
  }
  // The goal chosen last time, kept with the answers, where it is still offered.
  var kept = checklist.goal && checklist.goal();
  if (kept && [].some.call(select.options, function (o) { return o.value === kept; })) select.value = kept;
  select.addEventListener("change", function () {
    if (checklist.goal) checklist.goal(select.value);
    show();
  });
  document.addEventListener("cairn:checklist", later);
  show();
})();
