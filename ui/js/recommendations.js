// The Recommendations view: the latest concluding observations' recommendations,
// grouped by cluster and theme, with badges, filters, a history panel, and the
// selection a draft is made from.

import { call } from "./api.js";
import { el, clear } from "./dom.js";

// Per State party: the ticked recommendations ("12") and sub-paragraphs ("35 (a)").
const selections = new Map();
const filters = { cluster: "", followUp: false, repeated: false, text: "" };

function badges(r) {
  const out = [];
  if (r.follow_up) out.push(el("span", { class: "badge follow-up" }, r.follow_up_subparagraphs.length ? `follow-up (${r.follow_up_subparagraphs.join(", ")})` : "follow-up"));
  if (r.times_recommended > 1) out.push(el("span", { class: "badge repeated" }, `repeated ${r.times_recommended}×`));
  if (r.assessment) out.push(el("span", { class: "badge assessed" }, `assessed ${(r.assessment.letter_date ?? "").slice(0, 4)}`));
  return out;
}

// A recommendation's thread across cycles, oldest first (also shown in the Draft
// view, where `onCite` adds a sentence further to the State's report, reply or
// follow-up information to the question).
// A recommendation's story, oldest first: a picture of its cycles (each
// source a dot that opens it) above the same steps in full.
export function history(r, onCite = null) {
  const steps = [];
  // The picture's columns: each earlier cycle, this one, and what came since.
  const stages = [];
  const dot = (stage, kind, label, step) => stage.dots.push({ kind, label, step });
  for (const a of [...r.ancestors].reverse()) {
    const stage = { label: a.symbol, dots: [] };
    stages.push(stage);
    dot(stage, "recommendation", `${a.symbol}, para. ${a.paragraph}`, steps.length);
    steps.push(el("li", {}, el("strong", {}, `${a.symbol}, para. ${a.paragraph}`), a.text ? el("p", { class: "document-text" }, a.text) : el("p", { class: "muted" }, "Not in the library.")));
    for (const s of r.assessments.filter((x) => x.symbol === a.symbol && x.paragraph.split(" ")[0] === a.paragraph.split(" ")[0])) {
      dot(stage, "assessment", `Follow-up letter ${s.letter_date ?? ""}`, steps.length);
      steps.push(el("li", {}, el("strong", {}, `Follow-up letter ${s.letter_date ?? ""}`), el("p", { class: "document-text" }, s.text)));
    }
  }
  const now = { label: r.symbol, dots: [] };
  stages.push(now);
  // What came after: each source a step that opens on its text.
  const source = (kind, title, text, note, cite = null) =>
    el(
      "li",
      { class: `source ${kind}` },
      el("details", {}, el("summary", {}, el("strong", {}, title), note ? el("span", { class: "muted" }, ` ${note}`) : null), el("p", { class: "document-text" }, text)),
      onCite && cite?.symbol ? el("button", { class: "link cite-source", type: "button", "aria-label": `Add to the question: further to ${title}`, onclick: () => onCite(cite) }, "Add to this question") : null,
    );
  dot(now, "current", `${r.symbol}, para. ${r.number}`, steps.length);
  steps.push(el("li", { class: "current" }, el("strong", {}, `${r.symbol}, para. ${r.number}`), el("p", { class: "document-text" }, r.text)));
  if (r.follow_up) {
    dot(now, "follow-up", "Marked for follow-up", steps.length);
    steps.push(el("li", {}, el("strong", {}, "Marked for follow-up"), r.follow_up_due ? el("p", {}, `due ${r.follow_up_due}`) : null));
  }
  for (const q of r.dialogue_questions ?? []) {
    const title = `Asked in the dialogue${q.speaker ? ` by ${q.speaker}` : ""}`;
    dot(now, "dialogue", title, steps.length);
    steps.push(source("dialogue", title, q.text, q.led_to_recommendation ? "(then made this recommendation)" : null));
  }
  const since = { label: "Since then", dots: [] };
  for (const f of r.follow_up_information ?? []) {
    const title = `Follow-up information ${f.symbol ?? ""}${f.paragraph ? `, para. ${f.paragraph}` : ""}`;
    dot(since, "follow-up-information", title, steps.length);
    steps.push(source("follow-up-information", title, f.text, null, { kind: "follow_up", symbol: f.symbol, paragraph: null }));
  }
  if (r.addressed_in_report === false) {
    dot(since, "silent", "The State party's report says nothing on this", steps.length);
    steps.push(el("li", { class: "source report silent" }, el("strong", {}, "The State party's report says nothing on this")));
  }
  for (const p of r.report_paragraphs ?? []) {
    const title = `Report ${p.symbol ?? ""}${p.paragraph ? `, para. ${p.paragraph}` : ""}`;
    dot(since, "report", title, steps.length);
    steps.push(source("report", title, p.text, p.explicit ? "(says it answers this)" : `(similarity ${p.score.toFixed(2)})`, p.paragraph ? { kind: "report", symbol: p.symbol, paragraph: p.paragraph } : null));
  }
  for (const q of r.replies ?? []) {
    const title = `Reply ${q.symbol ?? ""} to question ${q.question}`;
    dot(since, "reply", title, steps.length);
    steps.push(source("reply", title, q.text, q.numbered_as ? `(numbered ${q.numbered_as} in the replies, which number their answers off from the questions)` : null, { kind: "replies", symbol: q.symbol, paragraph: q.question }));
  }
  for (const q of r.submissions ?? []) {
    const title = `Proposed by ${q.source ?? "a submission"}`;
    dot(since, "submission", title, steps.length);
    steps.push(source("submission", title, q.text, q.symbol ? `(${q.symbol})` : null));
  }
  if (since.dots.length) stages.push(since);
  const list = el("ol", { class: "timeline" }, steps);
  // A dot opens its step below (its text, when it has one) and shows it.
  const open = (i) => {
    const step = list.children[i];
    if (!step) return;
    const details = step.querySelector("details");
    if (details) details.open = true;
    step.classList.add("flash");
    setTimeout(() => step.classList.remove("flash"), 1200);
    step.scrollIntoView({ block: "nearest" });
  };
  const picture = el(
    "div",
    { class: "cycle-picture", role: "group", "aria-label": `The cycles of paragraph ${r.number}` },
    stages.map((stage) =>
      el(
        "div",
        { class: `cycle-stage${stage === now ? " now" : ""}` },
        el("div", { class: "cycle-dots" }, stage.dots.map((d) => el("button", { class: `cycle-dot ${d.kind}`, type: "button", title: d.label, "aria-label": d.label, dataset: { step: String(d.step) }, onclick: () => open(d.step) }))),
        el("div", { class: "cycle-label" }, stage.label),
      ),
    ),
  );
  return el("div", { class: "history" }, picture, list);
}

function showPanel(aside, r) {
  clear(aside);
  aside.append(el("h2", {}, `Paragraph ${r.number}`), el("h3", {}, "History"), history(r));
  if (r.concern) aside.append(el("h3", {}, "Concern"), el("p", { class: "document-text" }, r.concern));
}

function selectionFor(code, recs) {
  if (!selections.has(code)) selections.set(code, new Set(recs.map((r) => r.number)));
  return selections.get(code);
}

/// The references to draft from: whole recommendations, or ticked sub-paragraphs.
export function selectedRefs(code) {
  return [...(selections.get(code) ?? [])];
}

function matches(r) {
  if (filters.cluster && r.cluster !== filters.cluster) return false;
  if (filters.followUp && !r.follow_up) return false;
  if (filters.repeated && r.times_recommended < 2) return false;
  if (filters.text) {
    const hay = `${r.theme ?? ""} ${r.text} ${r.subparagraphs.map((s) => s.text).join(" ")}`.toLowerCase();
    if (!hay.includes(filters.text.toLowerCase())) return false;
  }
  return true;
}

// The names the window gives the kinds of list (the committee's profile says which it adopts).
const KIND_NAMES = { list_of_issues_prior_to_reporting: "List of issues prior to reporting", list_of_issues: "List of issues" };
const STYLE_NAMES = { footnote: "Citations in footnotes", inline: "Inline (see …)", bare: "Bare (para. …)" };

export async function renderRecommendations(panel, code, committee = null, isCurrent = () => true, onDraft = () => {}) {
  if (!code) {
    clear(panel).append(el("p", { class: "empty" }, "Choose a State party."));
    return;
  }
  const recs = await call("recommendations", { code, committee });
  if (!isCurrent()) return;
  if (!recs.length) {
    clear(panel).append(el("p", { class: "empty" }, `No concluding observations${committee ? ` of ${committee}` : ""} for this State party in the library.`));
    return;
  }
  // The committee's own kinds of list, limits and citation style (read
  // before the view is cleared, so that it is redrawn in one go).
  const choices = await call("draft_choices", { code, committee });
  if (!isCurrent()) return;
  clear(panel);
  const key = `${code}|${choices.committee ?? ""}`;
  const selected = selectionFor(key, recs);
  const rerender = () => renderRecommendations(panel, code, committee, () => true, onDraft);
  // The clusters the recommendations stand under (none when the document has none).
  const clusters = [...new Set(recs.map((r) => r.cluster).filter(Boolean))];
  if (!clusters.includes(filters.cluster)) filters.cluster = "";

  const clusterSelect = el("select", { "aria-label": "Cluster", id: "filter-cluster" }, el("option", { value: "" }, "All clusters"), clusters.map((c) => el("option", { value: c, selected: c === filters.cluster }, c)));
  clusterSelect.addEventListener("change", () => { filters.cluster = clusterSelect.value; rerender(); });
  const followUp = el("input", { type: "checkbox", id: "filter-follow-up", checked: filters.followUp });
  followUp.addEventListener("change", () => { filters.followUp = followUp.checked; rerender(); });
  const repeated = el("input", { type: "checkbox", id: "filter-repeated", checked: filters.repeated });
  repeated.addEventListener("change", () => { filters.repeated = repeated.checked; rerender(); });
  const text = el("input", { type: "search", placeholder: "Filter by words", "aria-label": "Filter by words", value: filters.text, id: "filter-text" });
  text.addEventListener("change", () => { filters.text = text.value; rerender(); });
  const visible = recs.filter(matches);
  const setAll = (on, among = visible) => {
    for (const r of among) {
      for (const s of r.subparagraphs) selected.delete(`${r.number} (${s.label})`);
      if (on) selected.add(r.number);
      else selected.delete(r.number);
    }
    rerender();
  };
  const kind = el(
    "select",
    { id: "draft-kind", "aria-label": "Kind of list" },
    choices.kinds.map((k) => el("option", { value: k.kind }, `${KIND_NAMES[k.kind] ?? k.kind}${k.question_limit ? ` (at most ${k.question_limit} questions)` : ""}`)),
  );
  const style = el(
    "select",
    { id: "draft-style", "aria-label": "Citation style" },
    Object.entries(STYLE_NAMES).map(([value, name]) => el("option", { value, selected: value === choices.style }, `${name}${value === choices.style && choices.committee ? ` (${choices.committee}'s)` : ""}`)),
  );
  const split = el("input", { type: "checkbox", id: "draft-split" });
  const draftButton = el("button", { class: "button primary", type: "button", id: "draft-button", onclick: () => onDraft({ state: code, committee: choices.committee, kind: kind.value, style: style.value, split_subparagraphs: split.checked, include: selectedRefs(key), from: recs[0].symbol }) }, `Draft list of issues (${selected.size})`);

  panel.append(
    el("h1", { class: "view-title" }, `Recommendations of ${recs[0].symbol}`),
    el("p", { class: "muted committee-name", id: "committee-name" }, choices.name ?? "The committee of these concluding observations is not known: correct their symbol in the Library to draft from them."),
    el(
      "div",
      { class: "filters" },
      clusters.length ? clusterSelect : null,
      el("label", {}, followUp, " follow-up only"),
      el("label", {}, repeated, " repeated only"),
      text,
      el("button", { class: "link", type: "button", id: "select-all", "aria-label": "Select all recommendations shown", onclick: () => setAll(true) }, "Select all"),
      el("button", { class: "link", type: "button", id: "select-none", "aria-label": "Select none of the recommendations shown", onclick: () => setAll(false) }, "none"),
    ),
    el("div", { class: "draft-controls" }, kind, style, el("label", {}, split, " one question per sub-paragraph"), draftButton),
  );
  const list = el("div", { class: "rec-list" });
  const aside = el("aside", { class: "side-panel", "aria-label": "History" }, el("p", { class: "muted" }, "Select a recommendation to see its history."));
  panel.append(el("div", { class: "split" }, list, aside));

  let cluster;
  let theme;
  for (const r of visible) {
    if (r.cluster !== cluster) {
      cluster = r.cluster;
      theme = undefined;
      const inCluster = recs.filter((x) => x.cluster === cluster);
      const asked = inCluster.filter((x) => selected.has(x.number) || x.subparagraphs.some((s) => selected.has(`${x.number} (${s.label})`))).length;
      list.append(
        el(
          "h2",
          { class: "cluster" },
          cluster ?? "",
          " ",
          el("button", { class: "link cluster-select", type: "button", "aria-label": `Select all of ${cluster ?? "this cluster"}`, onclick: () => setAll(asked < inCluster.length, inCluster) }, asked < inCluster.length ? "select all" : "select none"),
          " ",
          el("span", { class: "coverage-bar", title: `${asked} of ${inCluster.length} selected`, role: "img", "aria-label": `${asked} of ${inCluster.length} selected` }, el("span", { class: "coverage-fill", dataset: { pct: String(Math.round((100 * asked) / inCluster.length)) } })),
        ),
      );
    }
    if (r.theme !== theme) {
      theme = r.theme;
      list.append(el("h3", { class: "theme" }, theme ?? ""));
    }
    const whole = el("input", { type: "checkbox", checked: selected.has(r.number), "aria-label": `Include paragraph ${r.number}`, class: "pick" });
    whole.addEventListener("click", (ev) => ev.stopPropagation());
    whole.addEventListener("change", () => {
      for (const s of r.subparagraphs) selected.delete(`${r.number} (${s.label})`);
      if (whole.checked) selected.add(r.number);
      else selected.delete(r.number);
      rerender();
    });
    const card = el(
      "article",
      { class: "rec-card", tabindex: 0, "aria-label": `Paragraph ${r.number}` },
      el("div", { class: "rec-head" }, whole, el("span", { class: "para-number" }, r.number), badges(r)),
      el("p", { class: "document-text" }, r.text),
      r.subparagraphs.length
        ? el(
            "ol",
            { class: "subparagraphs document-text" },
            r.subparagraphs.map((s) => {
              const ref = `${r.number} (${s.label})`;
              const box = el("input", { type: "checkbox", checked: selected.has(r.number) || selected.has(ref), "aria-label": `Include ${ref}`, class: "pick" });
              box.addEventListener("click", (ev) => ev.stopPropagation());
              box.addEventListener("change", () => {
                if (selected.has(r.number)) {
                  selected.delete(r.number);
                  for (const x of r.subparagraphs) selected.add(`${r.number} (${x.label})`);
                }
                if (box.checked) selected.add(ref);
                else selected.delete(ref);
                if (r.subparagraphs.every((x) => selected.has(`${r.number} (${x.label})`))) {
                  for (const x of r.subparagraphs) selected.delete(`${r.number} (${x.label})`);
                  selected.add(r.number);
                }
                rerender();
              });
              return el("li", { dir: "auto" }, box, el("span", { class: "label" }, `(${s.label})`), " ", s.text);
            }),
          )
        : null,
    );
    const select = () => {
      for (const c of list.querySelectorAll(".rec-card.selected")) c.classList.remove("selected");
      card.classList.add("selected");
      showPanel(aside, r);
    };
    card.addEventListener("click", select);
    card.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") {
        ev.preventDefault();
        select();
      }
    });
    list.append(card);
  }
  // Coverage bars are sized from their data attribute (no inline styles under the CSP).
  for (const fill of list.querySelectorAll(".coverage-fill")) fill.style.setProperty("width", `${fill.dataset.pct}%`);
}
