// Answer: drop, choose or paste pictures; each comes back annotated, one line per face, each face judgeable.
(async () => {
  const {start, upload, post, get, el, say} = umimegu;
  const drop = document.getElementById("drop");
  const results = document.getElementById("results");
  let labels = [];
  // listen at once: a picture chosen while the session loads must not be lost
  const ready = start("answer").then(async s => {
    try { labels = (await get("/api/labels")).map(l => l.label); } catch (e) { /* judging still takes a typed label */ }
    return s;
  });
  register();

  async function send(files) {
    const session = await ready;
    const pictures = Array.from(files).filter(f => f.type.startsWith("image/") || f.type === "");
    if (pictures.length === 0) { say("status", "Those were not pictures.", "error"); return; }
    if (pictures.length > session.maxFiles) {
      say("status", "At most " + session.maxFiles + " pictures at once.", "error"); return;
    }
    const form = new FormData();
    pictures.forEach(p => form.append("pictures", p, p.name || "pasted.png"));
    say("status", "Looking at " + pictures.length + " picture(s)…");
    try {
      show((await upload("/api/classify", form)).pictures);
      say("status", "");
    } catch (e) {
      if (e.body && e.body.pictures) show(e.body.pictures);
      say("status", e.message, "error");
    }
  }

  function show(pictures) {
    for (const p of pictures.slice().reverse()) results.prepend(card(p));
  }

  function card(p) {
    if (p.error) return el("section", {class: "picture"}, el("h2", {}, p.name), el("p", {class: "error"}, p.error));
    const faces = el("div", {class: "faces"});
    if (p.outcome !== "faces") faces.append(el("p", {class: "muted"}, "No face found: the whole picture was classified."));
    p.faces.forEach(f => faces.append(face(p, f)));
    return el("section", {class: "picture"},
      el("h2", {}, p.name, el("span", {class: "muted"}, "  model " + p.modelId)),
      el("div", {class: "result"},
        p.annotated ? picture(p) : null,
        faces));
  }

  // An explicit-looking picture stays blurred until clicked, as Discord shows a spoiler.
  function picture(p) {
    const img = el("img", {class: "annotated" + (p.spoiler ? " spoiler" : ""), src: p.annotated, alt: "annotated " + p.name});
    if (!p.spoiler) return img;
    const shown = el("button", {type: "button", class: "spoiler-cover", title: "may be explicit: click to show"}, img,
      el("span", {class: "spoiler-note"}, "May be explicit — click to show"));
    shown.addEventListener("click", () => { img.classList.remove("spoiler"); shown.classList.add("shown"); }, {once: true});
    return shown;
  }

  function face(p, f) {
    const row = el("div", {class: "face" + (f.notSure ? " unsure" : "")}, el("span", {class: "line"}, f.line));
    const verdict = el("span", {class: "muted"});
    const choose = el("select", {"aria-label": "who it really is"},
      el("option", {value: ""}, "who is it?"), ...labels.filter(l => l !== f.label).map(l => el("option", {value: l}, l)));
    const typed = el("input", {placeholder: "or a new label", size: "12"});
    const judge = async (right) => {
      const label = right ? null : (typed.value.trim() || choose.value || null);
      try {
        verdict.textContent = (await post("/api/feedback", {answerId: p.answerId, face: f.number, right, label})).text;
        verdict.className = "muted";
      } catch (e) { verdict.textContent = e.message; verdict.className = "error"; }
    };
    if (p.answerId) {
      row.append(el("button", {onclick: () => judge(true), title: "the answer is right"}, "✓ right"),
        el("button", {onclick: () => judge(false), title: "the answer is wrong"}, "✗ wrong"), choose, typed, verdict);
    }
    return row;
  }

  function register() {
  drop.addEventListener("dragover", e => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", e => { e.preventDefault(); drop.classList.remove("over"); send(Array.from(e.dataTransfer.files)); });
  document.getElementById("pick").addEventListener("change", e => { send(Array.from(e.target.files)); e.target.value = ""; });
  document.addEventListener("paste", e => {
    const files = Array.from(e.clipboardData.items).filter(i => i.kind === "file").map(i => i.getAsFile());
    if (files.length) send(files);
  });
  }
})();
