// The Compare view: any two of the State party's lists (stored lists, drafts,
// versions), aligned question by question, words inserted and deleted.

import { call } from "./api.js";
import { el, clear } from "./dom.js";

let chosen = { old: null, new: null };
// Files chosen to compare (read on the fly, not added to the library).
const files = [];

// Adds a file as a list to compare and puts it on the left.
export function compareWithFile(path) {
  if (!path) return;
  const name = path.split(/[\\/]/).pop();
  if (!files.some((f) => f.name === path)) files.push({ name: path, label: `File: ${name}` });
  chosen.old = path;
}

function row(item) {
  const side = (which) => {
    const s = item[which];
    if (!s) return el("td", { class: "empty-side" });
    const parts = item.inline
      .filter((seg) => (which === "old" ? seg.op !== "insert" : seg.op !== "delete"))
      .map((seg) => (seg.op === "equal" ? seg.text : el(seg.op === "insert" ? "ins" : "del", {}, seg.text)));
    return el("td", { class: "document-text" }, el("span", { class: "para-number" }, `${s.number}. `), parts);
  };
  let label = item.op;
  if (item.op === "moved") label = `moved (was ${item.old.number})`;
  if (item.split_from) label += ` · split from ${item.split_from}`;
  if (item.merged_into) label += ` · merged into ${item.merged_into}`;
  return el("tr", { class: `op-${item.op}` }, side("old"), el("td", { class: "op" }, label), side("new"));
}

export async function renderCompare(panel, code, report, isCurrent = () => true) {
  const lists = (await call("comparable_lists", { code })).concat(files);
  if (!isCurrent()) return;
  clear(panel);
  panel.append(el("h1", { class: "view-title" }, "Compare"));
  const fileButton = el("button", { class: "button", type: "button", id: "compare-file", onclick: async () => { const path = await chooseFile(); if (path) { compareWithFile(path); renderCompare(panel, code, report); } } }, "Compare with a file…");
  if (lists.length < 2) {
    panel.append(
      el("p", { class: "empty" }, "Compare needs two lists: a list of issues in the library, a draft, a saved version or a file."),
      fileButton,
    );
    return;
  }
  const names = lists.map((l) => l.name);
  if (!names.includes(chosen.old)) chosen.old = lists[0].name;
  if (!names.includes(chosen.new)) chosen.new = lists.find((l) => l.name.startsWith("draft:") && !l.name.includes("@"))?.name ?? lists[lists.length - 1].name;
  const select = (which, label) => {
    const s = el("select", { id: `compare-${which}`, "aria-label": label }, lists.map((l) => el("option", { value: l.name, selected: l.name === chosen[which] }, l.label)));
    s.addEventListener("change", () => {
      chosen[which] = s.value;
      renderCompare(panel, code, report);
    });
    return s;
  };
  panel.append(
    el(
      "div",
      { class: "compare-pickers" },
      el("label", {}, "Left ", select("old", "Left list")),
      el("label", {}, "Right ", select("new", "Right list")),
      fileButton,
      el("button", { class: "button", type: "button", id: "export-comparison", onclick: () => exportComparison(report) }, "Export as tracked changes…"),
    ),
  );
  const d = await call("compare", { old: chosen.old, new: chosen.new });
  if (!isCurrent()) return;
  const s = d.summary;
  panel.append(
    el("p", { class: "compare-summary", id: "compare-summary" }, `kept ${s.kept} · changed ${s.changed} · added ${s.added} · removed ${s.removed} · moved ${s.moved}`),
    el("table", { class: "compare" }, el("tbody", {}, d.items.map(row))),
  );
}

async function chooseFile() {
  const dialog = window.__TAURI__?.dialog;
  if (!dialog) return null;
  const picked = await dialog.open({ multiple: false, filters: [{ name: "Lists of issues", extensions: ["docx", "pdf", "txt", "md"] }] });
  return Array.isArray(picked) ? picked[0] : picked;
}

async function exportComparison(report) {
  const dialog = window.__TAURI__?.dialog;
  const path = dialog ? await dialog.save({ defaultPath: "comparison.docx", filters: [{ name: "Word (tracked changes)", extensions: ["docx"] }, { name: "HTML", extensions: ["html"] }] }) : null;
  if (!path) return;
  await call("export_comparison", { old: chosen.old, new: chosen.new, path, author: null });
  report(`Exported the comparison to ${path}`);
}
