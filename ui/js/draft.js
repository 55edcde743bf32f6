// The Draft view: the list as it will print, edited in place. Every change is
// saved at once by the core (one transaction, one undo step).

import { call } from "./api.js";
import { el, clear } from "./dom.js";

const NOTE = "[fn]";
let current = null; // the DraftView shown
let onChange = () => {};

export function setDraftListener(fn) {
  onChange = fn;
}

export function currentDraft() {
  return current;
}

// Inserts superscript footnote numbers into a question's text.
function textWithNotes(q) {
  const out = [];
  let last = 0;
  const enc = new TextEncoder();
  const bytes = enc.encode(q.text);
  const dec = new TextDecoder();
  for (const n of q.notes) {
    out.push(dec.decode(bytes.slice(last, n.offset)));
    out.push(el("sup", { class: "note-ref" }, String(n.number)));
    last = n.offset;
  }
  out.push(dec.decode(bytes.slice(last)));
  return out;
}

// The editable text: [fn] where each marker stands.
function editableText(q) {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const bytes = enc.encode(q.text);
  let out = "";
  let last = 0;
  for (const n of q.notes) {
    out += dec.decode(bytes.slice(last, n.offset)) + NOTE;
    last = n.offset;
  }
  return out + dec.decode(bytes.slice(last));
}

async function edit(op) {
  if (!current) return;
  current = await call("edit_draft", { id: current.id, op });
  onChange(current);
}

export async function undo() {
  if (current && current.can_undo) {
    current = await call("undo_draft", { id: current.id });
    onChange(current);
  }
}

export async function redo() {
  if (current && current.can_redo) {
    current = await call("redo_draft", { id: current.id });
    onChange(current);
  }
}

export async function loadDraft(id) {
  current = await call("get_draft", { id });
  return current;
}

export function clearDraft() {
  current = null;
}

function questionBlock(q, index, render, report) {
  const block = el("div", { class: "question", draggable: "true", dataset: { id: String(q.id), index: String(index) } });
  const number = el("span", { class: "q-number", "aria-hidden": "true" }, `${q.number}.`);
  const body = el("div", { class: "q-body document-text", tabindex: 0, role: "button", "aria-label": `Question ${q.number}, press Enter to edit` }, textWithNotes(q));
  const subitems = q.subitems.length
    ? el("ol", { class: "subparagraphs document-text" }, q.subitems.map((s) => el("li", {}, el("span", { class: "label" }, `(${s.label})`), " ", s.text)))
    : null;
  const startEdit = () => {
    const area = el("textarea", { class: "q-edit document-text", "aria-label": `Text of question ${q.number}` });
    area.value = editableText(q);
    body.replaceWith(area);
    area.after(el("p", { class: "hint edit-hint" }, "[fn] marks a footnote · Ctrl+Enter splits the question at the cursor · Esc closes"));
    area.style.height = `${Math.max(area.scrollHeight, 80)}px`;
    area.focus();
    let closed = false;
    let saved = editableText(q);
    // Every keystroke is saved (a crash loses at most the last one); saves run one
    // after another so an older text never lands after a newer one.
    let queue = Promise.resolve();
    const save = () => {
      queue = queue.then(async () => {
        const text = area.value;
        if (text === saved) return;
        try {
          await edit({ op: "edit_text", question: q.id, text });
          saved = text;
          report("Saved");
        } catch (e) {
          report(`Not saved: ${e.message}`);
        }
      });
      return queue;
    };
    area.addEventListener("input", () => {
      area.style.height = `${area.scrollHeight}px`;
      save();
    });
    area.addEventListener("blur", async () => {
      if (closed) return;
      closed = true;
      await save();
      render();
    });
    area.addEventListener("keydown", async (ev) => {
      if (ev.key === "Escape") area.blur();
      if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
        // Split the question at the cursor (the text is saved first).
        ev.preventDefault();
        closed = true;
        const at = new TextEncoder().encode(area.value.slice(0, area.selectionStart)).length;
        await save();
        try {
          await edit({ op: "split", question: q.id, at });
          report("Split");
        } catch (e) {
          report(e.message);
        }
        render();
      }
    });
  };
  body.addEventListener("click", startEdit);
  body.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") {
      ev.preventDefault();
      startEdit();
    }
  });
  const tool = (label, title, fn) => el("button", { class: "tool", type: "button", title, "aria-label": `${title} (question ${q.number})`, onclick: async (ev) => { ev.stopPropagation(); try { await fn(); render(); } catch (e) { report(e.message); } } }, label);
  const tools = el(
    "div",
    { class: "q-tools" },
    tool("↑", "Move up", () => edit({ op: "reorder", question: q.id, to: Math.max(0, index - 1) })),
    tool("↓", "Move down", () => edit({ op: "reorder", question: q.id, to: index + 1 })),
    tool("⤓", "Merge with next", () => edit({ op: "merge_with_next", question: q.id })),
    tool("+", "Add question after", () => edit({ op: "add_question", after: q.id, section: null, text: "Please provide information on …" })),
    q.edited && q.generated ? tool("↺", "Reset to generated", () => edit({ op: "reset_to_generated", question: q.id })) : null,
    tool("✕", "Delete", () => edit({ op: "delete", question: q.id })),
  );
  block.append(el("div", { class: "q-row" }, number, el("div", { class: "q-main" }, body, subitems), tools));
  if (q.edited) block.classList.add("edited");
  block.addEventListener("dragstart", (ev) => {
    ev.dataTransfer.setData("text/plain", String(q.id));
    block.classList.add("dragging");
  });
  block.addEventListener("dragend", () => block.classList.remove("dragging"));
  block.addEventListener("dragover", (ev) => ev.preventDefault());
  block.addEventListener("drop", async (ev) => {
    ev.preventDefault();
    const id = Number(ev.dataTransfer.getData("text/plain"));
    if (!id || id === q.id) return;
    try {
      await edit({ op: "reorder", question: id, to: index });
      render();
    } catch (e) {
      report(e.message);
    }
  });
  return block;
}

function sidePanel(v, report, render) {
  const notCovered = v.coverage.not_covered;
  const versions = el("ol", { class: "versions" });
  call("list_versions", { id: v.id }).then((list) => {
    for (const ver of list.slice().reverse()) {
      versions.append(
        el(
          "li",
          {},
          el("span", {}, ver.name),
          el("span", { class: "muted" }, ` ${ver.created_at.slice(0, 16).replace("T", " ")} · ${ver.questions} q.`),
          el("button", { class: "link", type: "button", onclick: async () => { current = await call("restore_version", { id: v.id, version: ver.id }); onChange(current); render(); report(`Restored “${ver.name}” (undo brings back the previous state)`); } }, "Restore"),
        ),
      );
    }
  });
  const name = el("input", { type: "text", placeholder: "Version name", "aria-label": "Version name", id: "version-name" });
  return el(
    "aside",
    { class: "side-panel" },
    el("h3", {}, "Coverage"),
    el("p", {}, `${v.coverage.covered.length} of ${v.coverage.covered.length + notCovered.length} recommendations asked about.`),
    notCovered.length
      ? el("ul", { class: "coverage" }, notCovered.map((c) => el("li", { class: c.follow_up ? "follow-up" : null }, `para. ${c.paragraph}`, c.follow_up ? el("span", { class: "badge follow-up" }, "follow-up") : null)))
      : null,
    el("h3", {}, "Versions"),
    el("form", { class: "version-form", onsubmit: async (ev) => { ev.preventDefault(); if (!name.value.trim()) return; await call("save_version", { id: v.id, name: name.value.trim() }); report(`Version “${name.value.trim()}” saved`); name.value = ""; render(); } }, name, el("button", { class: "button", type: "submit" }, "Save version")),
    versions,
  );
}

export async function renderDraft(panel, code, report, isCurrent = () => true) {
  if (!current || current.state.code !== code) {
    const drafts = await call("list_drafts", { code });
    if (!isCurrent()) return;
    if (!drafts.length) {
      clear(panel).append(
        el("h1", { class: "view-title" }, "Draft"),
        el("p", { class: "empty" }, "No draft for this State party yet. Choose recommendations and press “Draft list of issues” in the Recommendations view."),
      );
      return;
    }
    await loadDraft(drafts[0].id);
    if (!isCurrent()) return;
  }
  const v = current;
  const render = () => renderDraft(panel, code, report);
  clear(panel);
  const list = el("article", { class: "page", "aria-label": "Draft list of issues" });
  list.append(el("p", { class: "doc-symbol" }, v.symbol), el("h1", { class: "doc-title" }, v.title));
  for (const p of v.intro) list.append(el("p", { class: "document-text intro" }, p));
  let section = [];
  v.questions.forEach((q, i) => {
    q.section.forEach((h, level) => {
      if (section[level] !== h || q.section.slice(0, level).some((x, k) => x !== section[k])) {
        list.append(el(`h${Math.min(level + 2, 4)}`, { class: `section level-${level}` }, h));
      }
    });
    section = q.section;
    list.append(questionBlock(q, i, render, report));
  });
  list.append(el("button", { class: "button add-end", type: "button", onclick: async () => { await edit({ op: "add_question", after: null, section: null, text: "Please provide information on …" }); render(); } }, "Add a question"));
  if (v.footnotes.length) {
    list.append(el("hr", { class: "notes-rule" }), el("ol", { class: "footnotes" }, v.footnotes.map((f) => el("li", { value: f.number }, f.text))));
  }
  const toolbar = el(
    "div",
    { class: "draft-toolbar" },
    el("button", { class: "button", type: "button", disabled: !v.can_undo, onclick: async () => { await undo(); render(); } }, "Undo"),
    el("button", { class: "button", type: "button", disabled: !v.can_redo, onclick: async () => { await redo(); render(); } }, "Redo"),
    el("span", { class: "spacer" }),
    el("button", { class: "button", type: "button", id: "copy-draft", onclick: () => copyDraft(report) }, "Copy"),
    el("button", { class: "button primary", type: "button", id: "export-draft", onclick: () => exportDraft(report) }, "Export…"),
  );
  panel.append(toolbar, el("div", { class: "split" }, list, sidePanel(v, report, render)));
}

export async function exportDraft(report) {
  if (!current) return;
  const dialog = window.__TAURI__?.dialog;
  const path = dialog
    ? await dialog.save({ defaultPath: `${current.symbol.replaceAll("/", "_")}.docx`, filters: [{ name: "Word", extensions: ["docx"] }, { name: "Word-friendly text", extensions: ["txt"] }, { name: "Markdown", extensions: ["md"] }, { name: "HTML", extensions: ["html"] }] })
    : null;
  if (!path) return;
  await call("export_list", { name: `draft:${current.id}`, path });
  report(`Exported to ${path}`);
}

export async function copyDraft(report) {
  if (!current) return;
  const c = await call("list_for_clipboard", { name: `draft:${current.id}` });
  try {
    await navigator.clipboard.write([new ClipboardItem({ "text/html": new Blob([c.html], { type: "text/html" }), "text/plain": new Blob([c.text], { type: "text/plain" }) })]);
  } catch {
    await navigator.clipboard.writeText(c.text);
  }
  report("Copied the list");
}
