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
  replies: "replies",
  follow_up_report: "follow-up information",
  submission: "submission",
  other: "other",
};

function inferredValue(doc, field, value) {
  const inferred = doc.inferred.includes(field);
  return el("span", { class: inferred ? "inferred" : null, title: inferred ? "inferred from the text" : null }, value ?? "—");
}

export async function renderLibrary(panel, code, isCurrent = () => true, onChanged = async () => {}) {
  const docs = await call("list_documents", { code });
  if (!isCurrent()) return;
  clear(panel);
  panel.append(el("h1", { class: "view-title" }, code ? `Documents` : "All documents"));
  if (!docs.length) {
    panel.append(el("p", { class: "empty" }, "No documents for this State party yet."));
    return;
  }
  const rerender = async () => {
    await onChanged();
    await renderLibrary(panel, code, () => true, onChanged);
  };
  const rows = docs.map((d) =>
    el(
      "tr",
      { dataset: { id: String(d.id) } },
      el("td", {}, el("span", { class: `badge kind-${d.kind}` }, KIND_LABELS[d.kind] ?? d.kind)),
      el("td", { class: "symbol" }, inferredValue(d, "symbol", d.symbol)),
      el("td", {}, inferredValue(d, "date", d.date)),
      el("td", { class: "num" }, inferredValue(d, "cycle", d.cycle)),
      el("td", { class: "num" }, String(d.paragraphs)),
      el("td", { class: "source" }, d.source_name),
      el(
        "td",
        { class: "actions" },
        el("button", { class: "link", type: "button", title: "Correct the metadata", "aria-label": `Correct the metadata of ${d.symbol ?? d.source_name}`, onclick: () => editMetadata(panel, d, rerender) }, "✎"),
        el("button", { class: "link danger", type: "button", title: "Delete from the library", "aria-label": `Delete ${d.symbol ?? d.source_name}`, onclick: () => confirmDelete(panel, d, rerender) }, "Delete"),
      ),
    ),
  );
  panel.append(
    el(
      "table",
      { class: "documents" },
      el("thead", {}, el("tr", {}, ...["Kind", "Symbol", "Date", "Cycle", "Paragraphs", "Source file", ""].map((h) => el("th", { scope: "col" }, h)))),
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
          el(
            "p",
            { class: "hit document-text", tabindex: 0, role: "button", "aria-label": `${first.symbol ?? "document"}${h.paragraph ? `, paragraph ${h.paragraph}` : ""}: open in context`, onclick: () => showInContext(h, query), onkeydown: (ev) => { if (ev.key === "Enter") showInContext(h, query); } },
            h.paragraph ? el("span", { class: "para-number" }, `${h.paragraph}. `) : null,
            highlighted(h.snippet),
          ),
        ),
      ),
    );
  }
}

// A search hit in its document: the whole document in a sheet, the paragraph
// marked and scrolled to, the searched words highlighted.
export async function showInContext(hit, query) {
  const doc = await call("get_document", { id: hit.document_id });
  const sheet = document.getElementById("sheet");
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
  const mark = (text) => {
    if (!words.length) return [text];
    const out = [];
    let rest = text;
    const re = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})[\\p{L}]*`, "iu");
    for (let m = rest.match(re); m; m = rest.match(re)) {
      out.push(rest.slice(0, m.index), el("mark", {}, m[0]));
      rest = rest.slice(m.index + m[0].length);
    }
    out.push(rest);
    return out;
  };
  const close = el("button", { class: "button primary", type: "button", id: "sheet-close", onclick: () => { sheet.hidden = true; } }, "Close");
  let target = null;
  const body = el(
    "div",
    { class: "context-document" },
    doc.paragraphs.map((p, seq) => {
      const here = seq === hit.seq;
      const node = el(
        "div",
        { class: `context-paragraph document-text${here ? " here" : ""}`, "aria-current": here ? "true" : null },
        p.theme && (seq === 0 || doc.paragraphs[seq - 1].theme !== p.theme) ? el("h3", { class: "theme" }, p.theme) : null,
        el("p", {}, p.number ? el("span", { class: "para-number" }, `${p.number}. `) : null, here ? mark(p.text) : p.text),
        p.subparagraphs.length ? el("ol", { class: "subparagraphs" }, p.subparagraphs.map((sp) => el("li", { dir: "auto" }, el("span", { class: "label" }, `(${sp.label})`), " ", here ? mark(sp.text) : sp.text))) : null,
      );
      if (here) target = node;
      return node;
    }),
  );
  clear(sheet).append(el("h2", { id: "sheet-title" }, `${doc.symbol ?? doc.title ?? "Document"}${hit.label ? `, ${hit.label}` : hit.paragraph ? `, para. ${hit.paragraph}` : ""}`), body, close);
  sheet.classList.add("wide");
  sheet.hidden = false;
  target?.scrollIntoView({ block: "center" });
  close.focus();
}

function editMetadata(panel, d, done) {
  const form = el("form", { class: "metadata-form" });
  const field = (label, name, value, type = "text") => el("label", {}, label, " ", el("input", { name, type, value: value ?? "" }));
  const kind = el(
    "select",
    { name: "kind" },
    Object.entries(KIND_LABELS).map(([k, label]) => el("option", { value: k, selected: k === d.kind }, label)),
  );
  form.append(
    el("h2", {}, `Correct ${d.source_name}`),
    field("Symbol", "symbol", d.symbol),
    field("State party (code or name)", "state", d.state?.code),
    el("label", {}, "Kind ", kind),
    field("Cycle", "cycle", d.cycle, "number"),
    field("Date", "date", d.date, "date"),
    el("div", { class: "form-actions" }, el("button", { class: "button primary", type: "submit" }, "Save"), el("button", { class: "button", type: "button", onclick: () => form.remove() }, "Cancel")),
  );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const val = (k) => (data.get(k) || "").toString().trim() || null;
    const overrides = {
      symbol: val("symbol") !== d.symbol ? val("symbol") : null,
      state: val("state") !== (d.state?.code ?? null) ? val("state") : null,
      kind: val("kind") !== d.kind ? val("kind") : null,
      cycle: val("cycle") && Number(val("cycle")) !== d.cycle ? Number(val("cycle")) : null,
      date: val("date") !== d.date ? val("date") : null,
    };
    try {
      await call("update_metadata", { id: d.id, overrides });
      form.remove();
      await done();
    } catch (e) {
      form.append(el("p", { class: "error" }, e.message));
    }
  });
  panel.prepend(form);
  form.querySelector("input")?.focus();
}

function confirmDelete(panel, d, done) {
  const box = el(
    "div",
    { class: "confirm", role: "alertdialog", "aria-label": "Confirm deletion" },
    el("p", {}, `Delete ${d.symbol ?? d.source_name} and everything read from it? Drafts are kept.`),
    el("button", { class: "button danger", type: "button", id: "confirm-delete", onclick: async () => { await call("delete_document", { id: d.id }); box.remove(); await done(); } }, "Delete"),
    el("button", { class: "button", type: "button", onclick: () => box.remove() }, "Cancel"),
  );
  panel.prepend(box);
  box.querySelector("button").focus();
}
