// mplan's page scripts: drag-and-drop, checking without leaving the page, and downloads made from
// the file the page keeps (the server keeps nothing). Without this file every form still works.
"use strict";
(function () {
  var kept = null; // the workbook last checked: sent again for each download

  function byId(id) { return document.getElementById(id); }

  function fileName(response, fallback) {
    var header = response.headers.get("Content-Disposition") || "";
    var star = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (star) { try { return decodeURIComponent(star[1]); } catch (e) { /* fall through */ } }
    var plain = /filename="([^"]+)"/i.exec(header);
    return plain ? plain[1] : fallback;
  }

  function say(node, text) { if (node) { node.textContent = text; } }

  async function errorText(response) {
    try {
      var data = await response.json();
      if (data && data.error && data.error.message) { return data.error.message; }
    } catch (e) { /* not JSON */ }
    return response.status + " " + response.statusText;
  }

  function bindDrop(root) {
    root.querySelectorAll(".drop").forEach(function (zone) {
      var input = zone.querySelector("input[type=file]");
      zone.classList.add("ready");
      ["dragenter", "dragover"].forEach(function (type) {
        zone.addEventListener(type, function (event) {
          event.preventDefault();
          zone.classList.add("over");
        });
      });
      ["dragleave", "drop"].forEach(function (type) {
        zone.addEventListener(type, function () { zone.classList.remove("over"); });
      });
      zone.addEventListener("drop", function (event) {
        event.preventDefault();
        if (event.dataTransfer && event.dataTransfer.files.length) {
          input.files = event.dataTransfer.files;
          input.dispatchEvent(new Event("change", { bubbles: true }));
        }
      });
    });
  }

  function bindCheck(root) {
    root.querySelectorAll("#check-form").forEach(function (form) {
      form.addEventListener("submit", async function (event) {
        var input = form.querySelector("input[type=file]");
        if (!input.files.length) { return; }
        event.preventDefault();
        var button = form.querySelector("button[type=submit]");
        var status = form.querySelector(".status");
        var file = input.files[0];
        button.disabled = true;
        say(status, button.dataset.working || "…");
        try {
          var response = await fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" });
          var html = await response.text();
          var next = new DOMParser().parseFromString(html, "text/html").querySelector("main");
          if (!next) { throw new Error(response.status + " " + response.statusText); }
          if (response.ok) { kept = file; }
          var main = document.querySelector("main");
          main.replaceChildren.apply(main, Array.from(next.childNodes).map(function (n) { return document.importNode(n, true); }));
          document.title = new DOMParser().parseFromString(html, "text/html").title || document.title;
          bind(main);
          var heading = main.querySelector("h1");
          if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
          window.scrollTo(0, 0);
        } catch (error) {
          button.disabled = false;
          say(status, String(error.message || error));
        }
      });
    });
  }

  function bindDownloads(root) {
    var form = root.querySelector("#download-form");
    if (!form || !kept) { return; }
    var again = form.querySelector(".again");
    if (again) { again.hidden = true; }
    var status = form.querySelector(".status");
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      var what = event.submitter ? event.submitter.value : "report";
      var body = new FormData();
      body.append("file", kept, kept.name);
      ["today", "lang"].forEach(function (name) {
        var field = form.querySelector("input[name=" + name + "]");
        if (field && field.value) { body.append(name, field.value); }
      });
      var url = what === "report" ? "/api/report" : "/api/export?format=" + encodeURIComponent(what);
      say(status, "…");
      try {
        var response = await fetch(url, { method: "POST", body: body, headers: { "X-Mplan": "1" }, credentials: "same-origin" });
        if (!response.ok) { say(status, await errorText(response)); return; }
        var blob = await response.blob();
        var link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = fileName(response, "mplan." + what);
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
        say(status, link.download);
      } catch (error) {
        say(status, String(error.message || error));
      }
    });
  }

  function bindFilter(root) {
    var filter = root.querySelector("#filter");
    if (!filter) { return; }
    function apply() {
      var shown = {};
      filter.querySelectorAll("input[name=sev]").forEach(function (box) { shown[box.value] = box.checked; });
      root.querySelectorAll("section.sheet").forEach(function (section) {
        var visible = 0;
        section.querySelectorAll("tr.finding").forEach(function (row) {
          row.hidden = !shown[row.dataset.severity];
          if (!row.hidden) { visible += 1; }
        });
        section.hidden = visible === 0;
      });
    }
    filter.addEventListener("change", apply);
    apply();
  }

  function bind(root) {
    bindDrop(root);
    bindCheck(root);
    bindDownloads(root);
    bindFilter(root);
  }

  document.addEventListener("DOMContentLoaded", function () { bind(document); });
})();
