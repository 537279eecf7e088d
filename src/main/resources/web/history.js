// History: the stats with the chat's filters, the per-day chart, users' verdicts and the last answers with their crops.
(async () => {
  const {start, get, el, pct, say} = umimegu;
  await start("history");
  const form = document.getElementById("filters");

  async function show() {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v.trim()) params.set(k, v.trim());
    const q = params.toString();
    try {
      const s = await get("/api/history?" + q);
      say("summary", s.total + " answers, " + s.notSure + " not sure.");
      document.getElementById("chart").src = "/api/history/chart.png?" + q + "&t=" + Date.now();
      document.querySelector("#per-label tbody").replaceChildren(...s.perLabel.map(l => el("tr", {},
        el("td", {}, l.label), el("td", {class: "num"}, String(l.count)), el("td", {class: "num"}, pct(l.meanProbability)))));
      const f = s.feedback;
      document.getElementById("judged").textContent = f.judged
        ? "Judged by users: " + f.judged + ", right: " + f.right + " (" + pct(f.right / f.judged) + ")."
        : "Nobody has judged an answer yet.";
      document.querySelector("#confusions tbody").replaceChildren(...f.confusions.map(c => el("tr", {},
        el("td", {}, c.said), el("td", {}, c.was), el("td", {class: "num"}, String(c.count)))));
      document.querySelector("#recent tbody").replaceChildren(...s.recent.map(r => el("tr", {},
        el("td", {}, r.crop ? el("img", {class: "crop", src: r.crop, alt: r.label}) : ""),
        el("td", {}, r.time.replace("T", " ").slice(0, 19)), el("td", {}, r.label),
        el("td", {class: "num"}, pct(r.probability)), el("td", {}, r.source), el("td", {}, r.user || ""),
        el("td", {}, r.model))));
    } catch (e) { say("summary", e.message, "error"); }
  }

  form.addEventListener("submit", e => { e.preventDefault(); show(); });
  show();
})();
