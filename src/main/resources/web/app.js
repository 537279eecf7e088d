// Shared by every view: the session (CSRF token), the admin token, and fetch helpers.
const umimegu = (() => {
  let session = null;
  const tokenKey = "umimegu-admin-token";

  const views = [["answer", "/", "Answer"], ["train", "/train.html", "Train"], ["models", "/models.html", "Models"],
    ["history", "/history.html", "History"]];

  async function start(view) {
    const nav = el("nav", {}, ...views.map(([id, href, name]) => el("a", {href, class: id === view ? "here" : null}, name)));
    document.getElementById("top").replaceChildren(el("h1", {}, "umimegu"), nav, el("div", {id: "admin"}));
    const r = await fetch("/api/session");
    session = await r.json();
    const admin = document.getElementById("admin");
    if (!session.adminEnabled) {
      admin.textContent = "Admin actions are off (start the server with UMIMEGU_WEB_TOKEN).";
    } else {
      const input = document.createElement("input");
      input.type = "password";
      input.placeholder = "admin token";
      input.id = "admin-token";
      input.value = sessionStorage.getItem(tokenKey) || "";
      input.addEventListener("change", () => sessionStorage.setItem(tokenKey, input.value));
      admin.append("Admin:", input);
    }
    return session;
  }

  function headers(extra) {
    const h = Object.assign({"X-CSRF-Token": session ? session.csrf : ""}, extra || {});
    const token = sessionStorage.getItem(tokenKey);
    const field = document.getElementById("admin-token");
    const value = field ? field.value : token;
    if (value) h["X-Admin-Token"] = value;
    return h;
  }

  async function json(path, options) {
    const r = await fetch(path, options);
    let body = null;
    try { body = await r.json(); } catch (e) { body = {error: "the server answered " + r.status}; }
    if (!r.ok) {
      const err = new Error(body && body.error ? body.error : "the server answered " + r.status);
      err.status = r.status;
      err.body = body;
      throw err;
    }
    return body;
  }

  const post = (path, data) => json(path, {method: "POST", headers: headers({"Content-Type": "application/json"}),
    body: JSON.stringify(data || {})});
  const upload = (path, form) => json(path, {method: "POST", headers: headers(), body: form});
  const get = path => json(path);

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === "class") e.className = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else if (v !== null && v !== undefined) e.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  const pct = p => (p === null || p === undefined) ? "–" : (p * 100).toFixed(1) + "%";

  function say(target, text, kind) {
    const box = typeof target === "string" ? document.getElementById(target) : target;
    box.textContent = text;
    box.className = kind === "error" ? "error" : "muted";
  }

  return {start, post, upload, get, el, pct, say};
})();
