// Search: the header's box on every page, and the results on the search
// page, from this language's Pagefind index (built with the site; loaded
// only when someone searches). Without JavaScript, the header shows a link
// to the listings and the search page lists them: nothing here is needed
// to reach any page.
(function () {
  "use strict";

  // The header's box replaces its link to the listings.
  var header = document.querySelector(".site-search");
  if (header) {
    header.querySelector(".search-form").hidden = false;
    header.querySelector(".search-fallback").hidden = true;
  }

  var page = document.getElementById("search");
  if (!page) return;
  var form = page.querySelector("form");
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var listings = document.getElementById("search-listings");
  var words = page.dataset;
  var PAGE_SIZE = 10;
  var plural = new Intl.PluralRules(document.documentElement.lang || "en");
  var numbers = new Intl.NumberFormat(document.documentElement.lang || "en");
  var engine = null;
  // Each query gets a number; results of an older one are dropped.
  var latest = 0;
  var pending = null;

  form.hidden = false;
  listings.hidden = true;

  // Functions as replacements: a query's "$&" stays as typed.
  function say(template, query, count) {
    return template
      .replace("{query}", function () { return query; })
      .replace("{count}", function () { return count === undefined ? "" : numbers.format(count); });
  }
  var title = document.title;

  // Pagefind's excerpt marks the words found with <mark>; everything else
  // in it is kept as text, whatever it holds.
  function excerpt(html) {
    var p = document.createElement("p");
    var parsed = new DOMParser().parseFromString(html, "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        // Pagefind marks a word with the punctuation stuck to it
        // ("Niveau,"): the word is marked, the punctuation is not.
        var parts = /^(.*?)([\s.,;:!?»)…\u00a0\u202f]*)$/.exec(node.textContent);
        var mark = document.createElement("mark");
        mark.textContent = parts[1];
        p.appendChild(mark);
        if (parts[2]) p.appendChild(document.createTextNode(parts[2]));
      } else {
        p.appendChild(document.createTextNode(node.textContent));
      }
    });
    return p;
  }

  function item(data) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    // A heading each, so that a screen reader can go from result to result.
    var heading = document.createElement("h2");
    heading.className = "search-result-title";
    heading.appendChild(link);
    if (data.meta.kind) {
      var kind = document.createElement("span");
      kind.className = "tag";
      kind.textContent = data.meta.kind;
      heading.appendChild(document.createTextNode(" "));
      heading.appendChild(kind);
    }
    li.appendChild(heading);
    if (data.meta.summary) {
      var summary = document.createElement("p");
      summary.textContent = data.meta.summary;
      li.appendChild(summary);
    }
    var words = excerpt(data.excerpt);
    words.className = "search-excerpt";
    // An excerpt is a window on the page's words: mark its cut edges.
    words.insertBefore(document.createTextNode("… "), words.firstChild);
    words.appendChild(document.createTextNode(" …"));
    li.appendChild(words);
    return li;
  }

  function load() {
    if (!engine) {
      engine = import(words.index + "pagefind.js").catch(function (problem) {
        // Tried again at the next query, not given up for good.
        engine = null;
        throw problem;
      }).then(function (pagefind) {
        // The records' addresses are whole (with the site's base path and
        // language folder): Pagefind must not put its folder's in front.
        return Promise.resolve(pagefind.options({ baseUrl: "/", excerptLength: 24 })).then(function () {
          return pagefind;
        });
      });
    }
    return engine;
  }

  var intro = document.getElementById("search-listings-intro");
  // The listings, under what was said: when nothing is found, and when
  // the index cannot be loaded (a copy opened from the disk, say).
  function showListings(shown) {
    listings.hidden = !shown;
    intro.hidden = true;
  }
  function failed(ticket) {
    if (ticket !== latest) return;
    status.textContent = words.failed;
    list.hidden = true;
    showListings(true);
  }

  // Show results from `from` on, PAGE_SIZE at a time, with a button for more.
  function show(results, from, ticket) {
    var batch = results.slice(from, from + PAGE_SIZE);
    return Promise.all(batch.map(function (result) { return result.data(); })).then(function (data) {
      if (ticket !== latest) return;
      var more = list.querySelector(".search-more");
      if (more) more.parentNode.removeChild(more);
      data.forEach(function (d) { list.appendChild(item(d)); });
      if (from + PAGE_SIZE < results.length) {
        var li = document.createElement("li");
        li.className = "search-more";
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button-secondary";
        button.textContent = words.more;
        button.addEventListener("click", function () {
          // Once: a second click must not add the same results again.
          if (button.disabled) return;
          button.disabled = true;
          var next = list.children.length - 1;
          show(results, from + PAGE_SIZE, ticket).then(function () {
            var link = list.children[next] && list.children[next].querySelector("a");
            if (link) link.focus();
          });
        });
        li.appendChild(button);
        list.appendChild(li);
      }
    });
  }

  function run(query, remember) {
    var ticket = ++latest;
    query = query.trim();
    if (remember) {
      var url = query ? location.pathname + "?q=" + encodeURIComponent(query) : location.pathname;
      history.replaceState(null, "", url);
    }
    document.title = query ? query + " · " + title : title;
    if (!query) {
      list.hidden = true;
      list.textContent = "";
      status.textContent = "";
      showListings(false);
      return;
    }
    status.textContent = words.loading;
    load().then(function (pagefind) {
      return pagefind.search(query);
    }).then(function (search) {
      if (ticket !== latest) return;
      var results = search.results;
      list.textContent = "";
      list.hidden = results.length === 0;
      showListings(results.length === 0);
      if (!results.length) {
        status.textContent = say(words.none, query);
        return;
      }
      var template = plural.select(results.length) === "one" ? words.one : words.other;
      return show(results, 0, ticket).then(function () {
        if (ticket === latest) status.textContent = say(template, query, results.length);
      });
    }).catch(function () { failed(ticket); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(pending);
    run(input.value, true);
  });
  // Results follow the typing, once it pauses.
  input.addEventListener("input", function () {
    clearTimeout(pending);
    pending = setTimeout(function () { run(input.value, true); }, 300);
  });

  var asked = new URLSearchParams(location.search).get("q");
  if (asked) {
    input.value = asked;
    run(asked, false);
  }
})();
