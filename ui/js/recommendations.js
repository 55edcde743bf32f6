// The Recommendations view: the latest concluding observations' recommendations,
// grouped by cluster and theme, with badges and a history panel.

import { call } from "./api.js";
import { el, clear } from "./dom.js";

function badges(r) {
  const out = [];
  if (r.follow_up) out.push(el("span", { class: "badge follow-up" }, r.follow_up_subparagraphs.length ? `follow-up (${r.follow_up_subparagraphs.join(", ")})` : "follow-up"));
  if (r.times_recommended > 1) out.push(el("span", { class: "badge repeated" }, `repeated ${r.times_recommended}×`));
  if (r.assessment) out.push(el("span", { class: "badge assessed" }, `assessed ${(r.assessment.letter_date ?? "").slice(0, 4)}`));
  return out;
}

function history(r) {
  const steps = [];
  for (const a of [...r.ancestors].reverse()) {
    steps.push(el("li", {}, el("strong", {}, `${a.symbol}, para. ${a.paragraph}`), a.text ? el("p", { class: "document-text" }, a.text) : el("p", { class: "muted" }, "Not in the library.")));
    for (const s of r.assessments.filter((x) => x.symbol === a.symbol && x.paragraph.split(" ")[0] === a.paragraph.split(" ")[0])) {
      steps.push(el("li", {}, el("strong", {}, `Follow-up letter ${s.letter_date ?? ""}`), el("p", { class: "document-text" }, s.text)));
    }
  }
  steps.push(el("li", { class: "current" }, el("strong", {}, `${r.symbol}, para. ${r.number}`), el("p", { class: "document-text" }, r.text)));
  if (r.follow_up) steps.push(el("li", {}, el("strong", {}, "Marked for follow-up"), r.follow_up_due ? el("p", {}, `due ${r.follow_up_due}`) : null));
  return el("ol", { class: "timeline" }, steps);
}

function showPanel(aside, r) {
  clear(aside);
  aside.append(el("h2", {}, `Paragraph ${r.number}`), el("h3", {}, "History"), history(r));
  if (r.concern) aside.append(el("h3", {}, "Concern"), el("p", { class: "document-text" }, r.concern));
}

export async function renderRecommendations(panel, code, isCurrent = () => true) {
  if (!code) {
    clear(panel).append(el("p", { class: "empty" }, "Choose a State party."));
    return;
  }
  const recs = await call("recommendations", { code });
  if (!isCurrent()) return;
  clear(panel);
  if (!recs.length) {
    panel.append(el("p", { class: "empty" }, "No concluding observations for this State party in the library."));
    return;
  }
  const list = el("div", { class: "rec-list" });
  const aside = el("aside", { class: "side-panel", "aria-label": "History" }, el("p", { class: "muted" }, "Select a recommendation to see its history."));
  panel.append(el("h1", { class: "view-title" }, `Recommendations of ${recs[0].symbol}`), el("div", { class: "split" }, list, aside));
  let cluster = undefined;
  let theme = undefined;
  for (const r of recs) {
    if (r.cluster !== cluster) {
      cluster = r.cluster;
      theme = undefined;
      list.append(el("h2", { class: "cluster" }, cluster ?? ""));
    }
    if (r.theme !== theme) {
      theme = r.theme;
      list.append(el("h3", { class: "theme" }, theme ?? ""));
    }
    const card = el(
      "article",
      { class: "rec-card", tabindex: 0, "aria-label": `Paragraph ${r.number}` },
      el("div", { class: "rec-head" }, el("span", { class: "para-number" }, r.number), badges(r)),
      el("p", { class: "document-text" }, r.text),
      r.subparagraphs.length ? el("ol", { class: "subparagraphs document-text" }, r.subparagraphs.map((s) => el("li", {}, el("span", { class: "label" }, `(${s.label})`), " ", s.text))) : null,
    );
    const select = () => {
      for (const c of list.querySelectorAll(".rec-card.selected")) c.classList.remove("selected");
      card.classList.add("selected");
      showPanel(aside, r);
    };
    card.addEventListener("click", select);
    card.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        select();
      }
    });
    list.append(card);
  }
}
