/* Remembers "About you" and "Your situation", and the answers about yourself, in this
   browser's localStorage only (no cookies, nothing sent to be stored); hides fields that do
   not apply. The page works without it. */
(function () {
  "use strict";
  var KEY = "zorgvuldig.selfcheck.details.v1";
  var form = document.getElementById("selfcheck-form");
  if (!form) return;
  var PERSON = (form.getAttribute("data-person") || "").split(" ").filter(Boolean);
  var groups = Array.prototype.slice.call(form.querySelectorAll("[data-remember]"));
  var rememberBox = document.getElementById("remember-details");
  var status = document.getElementById("remember-status");
  var storage = null;
  try { storage = window.localStorage; storage.getItem(KEY); } catch (e) { storage = null; }

  function controls() {
    var out = [];
    groups.forEach(function (g) {
      Array.prototype.forEach.call(g.querySelectorAll("input, select, textarea"), function (c) {
        if (c.name) out.push(c);
      });
    });
    return out;
  }
  function read() {
    if (!storage) return null;
    try { return JSON.parse(storage.getItem(KEY) || "null"); } catch (e) { return null; }
  }
  function save() {
    var data = {};
    controls().forEach(function (c) {
      if (c.type === "checkbox") {
        if (!data[c.name]) data[c.name] = [];
        if (c.checked) data[c.name].push(c.value);
      } else {
        data[c.name] = c.value;
      }
    });
    /* the answers about yourself, also where they are asked under the verdict (those
       about the post are never kept) */
    PERSON.forEach(function (name) {
      var answer = form.elements.namedItem(name);
      if (answer) data[name] = answer.value;
    });
    storage.setItem(KEY, JSON.stringify(data));
  }
  function fill(data) {
    controls().forEach(function (c) {
      if (!(c.name in data)) return;
      if (c.type === "checkbox") {
        c.checked = (data[c.name] || []).indexOf(c.value) !== -1;
      } else {
        c.value = data[c.name];
      }
    });
  }
  function clear() {
    controls().forEach(function (c) {
      if (c.type === "checkbox") c.checked = false;
      else if (c.tagName === "SELECT") c.selectedIndex = 0;
      else c.value = "";
    });
  }
  function labelOf(c) {
    var l = form.querySelector('label[for="' + c.id + '"]');
    return l ? l.textContent.trim() : c.value;
  }
  function summarise(group) {
    var parts = [];
    Array.prototype.forEach.call(group.querySelectorAll(".sc-field"), function (f) {
      if (f.hidden) return;
      Array.prototype.forEach.call(f.querySelectorAll("input, select, textarea"), function (c) {
        if (c.type === "checkbox") { if (c.checked) parts.push(labelOf(c)); }
        else if (c.tagName === "SELECT") { if (c.value) parts.push(c.options[c.selectedIndex].text); }
        else if (c.value.trim()) parts.push(c.value.trim());
      });
    });
    Array.prototype.forEach.call(group.querySelectorAll("input[data-answer]"), function (c) {
      var labels = JSON.parse(c.getAttribute("data-labels") || "{}");
      if (c.value) parts.push(c.getAttribute("data-short") + ": " + (labels[c.value] || c.value));
    });
    var summary = group.querySelector("[data-summary]");
    summary.textContent = parts.length ? parts.join(" · ") : summary.getAttribute("data-empty");
  }
  function applies() {
    var own = form.elements.jurisdiction ? form.elements.jurisdiction.value : "";
    var wanted = [own];
    Array.prototype.forEach.call(form.querySelectorAll('input[name="also_check"]:checked'), function (c) {
      wanted.push(c.value);
    });
    Array.prototype.forEach.call(form.querySelectorAll("[data-jurisdiction]"), function (f) {
      f.hidden = wanted.indexOf(f.getAttribute("data-jurisdiction")) === -1;
    });
    var action = form.elements.action ? form.elements.action.value : "";
    var targeted = ["like", "share", "follow", "comment"].indexOf(action) !== -1;
    ["target_kind", "target_name", "target_content"].forEach(function (name) {
      var f = form.querySelector('[data-field="' + name + '"]');
      if (f) f.hidden = !targeted && !f.querySelector(".errorlist");
    });
    var since = form.querySelector('[data-field="since"]');
    if (since) since.hidden = ["like", "follow"].indexOf(action) === -1 && !since.querySelector(".errorlist");
    groups.forEach(summarise);
  }

  Array.prototype.forEach.call(form.querySelectorAll("[data-js-only]"), function (el) {
    el.hidden = !storage;
  });
  var stored = read();
  var bound = form.getAttribute("data-bound") === "1";
  if (stored && !bound) fill(stored);
  applies();
  if (stored || bound) {
    groups.forEach(function (g) {
      if (!g.querySelector(".errorlist")) g.open = false;
      if (stored) g.querySelector("[data-remembered-note]").hidden = false;
    });
  }
  form.addEventListener("change", applies);
  form.addEventListener("submit", function () {
    if (!storage) return;
    if (rememberBox.checked) save(); else storage.removeItem(KEY);
  });
  document.getElementById("forget-details").addEventListener("click", function () {
    storage.removeItem(KEY);
    clear();
    PERSON.forEach(function (name) {
      var answer = form.elements.namedItem(name);
      if (answer) answer.value = "";
    });
    applies();
    groups.forEach(function (g) {
      g.open = true;
      g.querySelector("[data-remembered-note]").hidden = true;
    });
    status.textContent = status.getAttribute("data-forgotten");
  });
  if (document.querySelector("#verdict .sc-verdict, #verdict .warning")) {
    document.getElementById("verdict").focus();
  }
})();
