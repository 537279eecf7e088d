// Models: every model with its figures; its curves and confusion matrix; switch or roll back (admin).
(async () => {
  const {start, post, get, el, pct, say} = umimegu;
  await start("models");

  function detail(m) {
    document.getElementById("detail-title").textContent = "Model " + m.id;
    const box = document.getElementById("detail");
    box.replaceChildren(...m.pictureFiles.map(f =>
      el("img", {src: "/api/models/" + encodeURIComponent(m.id) + "/" + f, alt: f + " of " + m.id})));
    if (!m.pictureFiles.length) box.append(el("p", {class: "muted"}, "No pictures saved with this model."));
  }

  async function list() {
    const body = document.querySelector("#models tbody");
    body.replaceChildren();
    for (const m of await get("/api/models")) {
      const use = el("button", {onclick: async () => {
        try { say("models-status", (await post("/api/models/" + encodeURIComponent(m.id) + "/use")).message); list(); }
        catch (e) { say("models-status", e.message, "error"); }
      }}, "Use");
      body.append(el("tr", {"data-model": m.id},
        el("td", {class: "star"}, m.current ? "★" : ""),
        el("td", {}, el("a", {href: "#model-detail", onclick: () => detail(m)}, m.id)),
        el("td", {}, m.kind),
        el("td", {}, m.created.replace("T", " ").slice(0, 16)),
        el("td", {class: "num", title: m.labels.join(", ")}, String(m.labels.length)),
        el("td", {class: "num"}, String(m.pictures)), el("td", {class: "num"}, String(m.epochs)),
        el("td", {class: "num"}, pct(m.validationAccuracy)), el("td", {class: "num"}, pct(m.testAccuracy)),
        el("td", {class: "num"}, m.judged ? m.judgedRight + "/" + m.judged : "–"),
        el("td", {}, m.current ? null : use)));
    }
  }

  document.getElementById("rollback").addEventListener("click", async () => {
    try { say("models-status", (await post("/api/models/rollback")).message); list(); }
    catch (e) { say("models-status", e.message, "error"); }
  });
  list().catch(e => say("models-status", e.message, "error"));
})();
