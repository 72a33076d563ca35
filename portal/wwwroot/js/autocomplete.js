// Autocomplete for the search box, as progressive enhancement: the ARIA 1.2 combobox pattern
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/). Without JavaScript the plain GET form works.
(function () {
  "use strict";

  // The words come from the page, in its language (data-tekst-*); Dutch only for a page that gives none.
  function tekst(input, naam, standaard) {
    return input.getAttribute("data-tekst-" + naam) || standaard;
  }

  function enhance(input) {
    var url = input.getAttribute("data-suggesties");
    var lijstNaam = tekst(input, "lijst", "Suggesties");
    var een = tekst(input, "een", "1 suggestie. Gebruik pijl omlaag om te kiezen.");
    var meer = tekst(input, "meer", "{0} suggesties. Gebruik pijl omlaag om te kiezen.");
    var form = input.form;
    var listId = input.id + "-suggesties";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggesties";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", lijstNaam);
    list.hidden = true;
    input.parentNode.appendChild(list);

    var status = document.createElement("p");
    status.className = "sr-only";
    status.setAttribute("role", "status");
    input.parentNode.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var active = -1;
    var timer = null;
    var controller = null;

    function options() { return list.querySelectorAll("[role=option]"); }

    function close() {
      list.hidden = true;
      list.textContent = "";
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      var all = options();
      if (all.length === 0) { return; }
      active = (index + all.length) % all.length;
      for (var i = 0; i < all.length; i++) {
        all[i].setAttribute("aria-selected", i === active ? "true" : "false");
      }
      input.setAttribute("aria-activedescendant", all[active].id);
    }

    function choose(text) {
      input.value = text;
      close();
      form.submit();
    }

    function show(items) {
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      items.forEach(function (text, i) {
        var li = document.createElement("li");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = text;
        li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(text); });
        list.appendChild(li);
      });
      var open = items.length > 0;
      list.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      status.textContent = !open ? "" : items.length === 1 ? een : meer.replace("{0}", String(items.length));
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q.length < 3) { close(); return; }
      if (controller) { controller.abort(); }
      controller = new AbortController();
      fetch(url + "?q=" + encodeURIComponent(q), { signal: controller.signal, headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (items) { if (input.value.trim() === q) { show(items); } })
        .catch(function () { /* offline or aborted: the plain form still works */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 150);
    });

    input.addEventListener("keydown", function (e) {
      var open = !list.hidden;
      if (e.key === "ArrowDown") {
        if (!open) { fetchSuggestions(); } else { highlight(active + 1); }
        e.preventDefault();
      } else if (e.key === "ArrowUp" && open) {
        highlight(active - 1);
        e.preventDefault();
      } else if (e.key === "Enter" && open && active >= 0) {
        e.preventDefault();
        choose(options()[active].textContent);
      } else if (e.key === "Escape" && open) {
        e.preventDefault();
        close();
      }
    });

    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var inputs = document.querySelectorAll("input[data-suggesties]");
    for (var i = 0; i < inputs.length; i++) { enhance(inputs[i]); }
  });
})();
