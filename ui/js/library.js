// The Library view: the documents of the selected State party, and search hits.

import { call } from "./api.js";
import { el, clear, highlighted } from "./dom.js";

const KIND_LABELS = {
  concluding_observations: "CO",
  list_of_issues: "LOI",
  list_of_issues_prior_to_reporting: "LOIPR",
  follow_up_letter: "follow-up",
  dialogue_summary: "summary",
  state_report: "report",
  other: "other",
};

function inferredValue(doc, field, value) {
  const inferred = doc.inferred.includes(field);
  return el("span", { class: inferred ? "inferred" : null, title: inferred ? "inferred from the text" : null }, value ?? "—");
}

export async function renderLibrary(panel, code, isCurrent = () => true) {
  const docs = await call("list_documents", { code });
  if (!isCurrent()) return;
  clear(panel);
  panel.append(el("h1", { class: "view-title" }, code ? `Documents` : "All documents"));
  if (!docs.length) {
    panel.append(el("p", { class: "empty" }, "No documents for this State party yet."));
    return;
  }
  const rows = docs.map((d) =>
    el(
      "tr",
      {},
      el("td", {}, el("span", { class: `badge kind-${d.kind}` }, KIND_LABELS[d.kind] ?? d.kind)),
      el("td", { class: "symbol" }, inferredValue(d, "symbol", d.symbol)),
      el("td", {}, inferredValue(d, "date", d.date)),
      el("td", { class: "num" }, inferredValue(d, "cycle", d.cycle)),
      el("td", { class: "num" }, String(d.paragraphs)),
      el("td", { class: "source" }, d.source_name),
    ),
  );
  panel.append(
    el(
      "table",
      { class: "documents" },
      el("thead", {}, el("tr", {}, ...["Kind", "Symbol", "Date", "Cycle", "Paragraphs", "Source file"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows),
    ),
    el("p", { class: "hint" }, "Values in italics were inferred from the text."),
  );
}

export async function renderSearch(panel, query, code, isCurrent = () => true) {
  const hits = await call("search", { query, code });
  if (!isCurrent()) return;
  clear(panel);
  panel.append(el("h1", { class: "view-title" }, `${hits.length} paragraph${hits.length === 1 ? "" : "s"} matching “${query}”`));
  const groups = new Map();
  for (const h of hits) {
    const key = h.document_id;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(h);
  }
  for (const [, group] of groups) {
    const first = group[0];
    panel.append(
      el(
        "section",
        { class: "hit-group" },
        el("h2", {}, first.symbol ?? "(no symbol)", " ", el("span", { class: `badge kind-${first.kind}` }, KIND_LABELS[first.kind] ?? first.kind)),
        group.map((h) =>
          el("p", { class: "hit document-text" }, h.paragraph ? el("span", { class: "para-number" }, `${h.paragraph}. `) : null, highlighted(h.snippet)),
        ),
      ),
    );
  }
}
