/* @mention autocomplete for the item editor and comment boxes (no libraries).
   Type "@" and a few letters: up to 8 members are suggested from /people/suggest/?q=.
   Arrow keys move, Enter or Tab inserts "@username ", Escape closes; a live region says how
   many members match. Without JavaScript, typing @username by hand works the same. */
(function () {
  "use strict";
  var SELECTOR = "textarea[name=body]";
  var counter = 0;

  function setup(field) {
    if (field.dataset.mentions) return;
    field.dataset.mentions = "on";
    var id = "mention-list-" + (++counter);
    var wrap = document.createElement("div");
    wrap.className = "mention-box";
    field.parentNode.insertBefore(wrap, field);
    wrap.appendChild(field);
    var list = document.createElement("ul");
    list.id = id;
    list.className = "mention-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Members to mention");
    list.hidden = true;
    wrap.appendChild(list);
    var live = document.createElement("div");
    live.className = "visually-hidden";
    live.setAttribute("aria-live", "polite");
    wrap.appendChild(live);
    field.setAttribute("aria-autocomplete", "list");
    field.setAttribute("aria-controls", id);
    field.setAttribute("aria-expanded", "false");

    var results = [], active = -1, start = -1, timer = null, seq = 0;

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      results = [];
      active = -1;
      field.setAttribute("aria-expanded", "false");
      field.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (li, i) {
        li.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      if (index >= 0) field.setAttribute("aria-activedescendant", id + "-" + index);
    }

    function choose(index) {
      var person = results[index];
      if (!person) return;
      var caret = field.selectionStart;
      var before = field.value.slice(0, start) + "@" + person.username + " ";
      field.value = before + field.value.slice(caret);
      field.setSelectionRange(before.length, before.length);
      close();
      field.focus();
    }

    function show(people) {
      results = people;
      list.innerHTML = "";
      people.forEach(function (person, i) {
        var li = document.createElement("li");
        li.id = id + "-" + i;
        li.setAttribute("role", "option");
        li.textContent = "@" + person.username;
        var name = document.createElement("span");
        name.className = "muted";
        name.textContent = person.name;
        li.appendChild(name);
        li.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(i);
        });
        list.appendChild(li);
      });
      live.textContent = people.length
        ? people.length + " member" + (people.length > 1 ? "s" : "") + " found: use the arrow keys and Enter."
        : "No member found.";
      if (!people.length) { close(); return; }
      list.hidden = false;
      field.setAttribute("aria-expanded", "true");
      highlight(0);
    }

    function lookup() {
      var caret = field.selectionStart;
      var match = /(^|[^\w@\/.])@([\w.+-]{1,30})$/.exec(field.value.slice(0, caret));
      if (!match) { close(); return; }
      start = caret - match[2].length - 1;
      var mine = ++seq;
      fetch("/people/suggest/?q=" + encodeURIComponent(match[2]), {
        headers: { Accept: "application/json" },
        credentials: "same-origin"
      })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) { if (mine === seq) show(data.results || []); })
        .catch(close);
    }

    field.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(lookup, 150);
    });
    field.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight((active + 1) % results.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight((active - 1 + results.length) % results.length);
      } else if (event.key === "Enter" || event.key === "Tab") {
        if (active >= 0) { event.preventDefault(); choose(active); }
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });
    field.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  function init(root) {
    (root || document).querySelectorAll(SELECTOR).forEach(setup);
  }
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:load", function (event) { init(event.target); });
})();
