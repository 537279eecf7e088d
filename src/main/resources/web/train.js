// Train: labels with thumbnails; start/cancel (admin); live progress over server-sent events; curves per epoch.
(async () => {
  const {start, post, get, el, pct, say} = umimegu;
  await start("train");
  const curves = document.getElementById("curves");

  async function labels() {
    const body = document.querySelector("#labels tbody");
    body.replaceChildren();
    for (const l of await get("/api/labels")) {
      const thumbs = el("span", {class: "thumbs"});
      for (let i = 0; i < l.thumbnails; i++) {
        thumbs.append(el("img", {src: "/api/labels/" + encodeURIComponent(l.label) + "/thumbnail/" + i, alt: l.label}));
      }
      body.append(el("tr", {}, el("td", {}, l.label), el("td", {class: "num"}, String(l.pictures)),
        el("td", {class: "num"}, String(l.fromChat)), el("td", {class: "num"}, String(l.pending)), el("td", {}, thumbs)));
    }
  }

  function bar(id, done, total) {
    document.getElementById(id).style.width = (total ? Math.min(100, 100 * done / total) : 0) + "%";
  }

  function drawCurves(base, tag) {
    curves.replaceChildren(
      el("img", {src: base + "accuracy.png?" + tag, alt: "accuracy per epoch", id: "curve-accuracy"}),
      el("img", {src: base + "loss.png?" + tag, alt: "loss per epoch", id: "curve-loss"}));
  }

  function update(e) {
    if (!e) return;
    const progress = document.getElementById("progress");
    if (e.kind === "started") { say("train-status", "Training…"); bar("epoch-bar", 0, 1); bar("batch-bar", 0, 1); }
    if (e.kind === "batch") {
      document.getElementById("batch").textContent = e.batch + " / " + e.batches + " (epoch " + e.epoch + ")";
      bar("batch-bar", e.batch, e.batches);
    }
    if (e.kind === "epoch") {
      document.getElementById("epoch").textContent = e.epoch + " / " + e.maxEpochs + "  val_acc " + pct(e.valAccuracy);
      bar("epoch-bar", e.epoch, e.maxEpochs);
      drawCurves("/api/train/curve/", "e=" + e.epoch);
    }
    if (e.kind === "done") {
      say("train-status", "Done: model " + e.modelId + " answers now.");
      bar("epoch-bar", 1, 1);
      drawCurves("/api/models/" + encodeURIComponent(e.modelId) + "/", "done");
      labels();
    }
    if (e.kind === "failed" || e.kind === "cancelled") say("train-status", e.text, e.kind === "failed" ? "error" : "");
    progress.textContent = e.text || "";
  }

  const events = new EventSource("/api/train/events");
  ["started", "batch", "epoch", "done", "failed", "cancelled"].forEach(kind =>
    events.addEventListener(kind, m => update(JSON.parse(m.data))));
  events.addEventListener("refused", m => {
    events.close(); // the server follows enough pages already: no reconnecting
    say("train-status", JSON.parse(m.data).error, "error");
  });
  events.addEventListener("state", m => {
    const s = JSON.parse(m.data);
    if (s.running) say("train-status", "A training is running.");
    update(s.last);
  });

  document.getElementById("start").addEventListener("click", async () => {
    try { say("train-status", (await post("/api/train")).message); } catch (e) { say("train-status", e.message, "error"); }
  });
  document.getElementById("cancel").addEventListener("click", async () => {
    try { say("train-status", (await post("/api/train/cancel")).message); } catch (e) { say("train-status", e.message, "error"); }
  });
  labels().catch(e => say("train-status", e.message, "error"));
})();
