// The Draft view: the list as it will print, edited in place. Every change is
// saved at once by the core (one transaction, one undo step).

import { call } from "./api.js";
import { el, clear, append } from "./dom.js";
import { history } from "./recommendations.js";
import { showInContext } from "./library.js";
import { pendingReviews } from "./review.js";

const NOTE = "[fn]";
// The text a question added by hand starts with.
const NEW_QUESTION = "Please provide information on …";
// Moving a question one place up or down in the whole list.
const moveBy = (q, index, step) => edit({ op: "reorder", question: q.id, to: Math.max(0, index + step) });
let current = null; // the DraftView shown
let onChange = () => {};
let onSaveState = () => {};
let unsaved = 0; // changes shown whose commit has not been confirmed
let notesOpenFor = null; // the question whose footnotes are being edited
let selectedQuestion = null; // the question whose sources show in the side panel
let recsCache = { code: null, list: [] }; // the State party's recommendations, for those sources
let overlapsCache = { key: null, list: [] }; // other committees' questions beside the draft's
let pending = null; // {op, start, answered}: an edit waiting to be shown, for the timings below

// How long each editor action took, from the click to the list shown again
// (read by the window test and shown in the console with ?timings).
window.loiTimings = [];

export function setDraftListener(fn) {
  onChange = fn;
}

// Told "saving", "saved" or "failed" (with the reason) as changes reach the disk.
export function setSaveListener(fn) {
  onSaveState = fn;
}

// A change is drawn as soon as the core has written it; its commit (the flush to
// disk) finishes a moment later. This follows it there: "Saving…" until every
// change shown is committed, then "Saved". If a commit failed, the draft is read
// back from the library, so what shows is what is saved.
function followToDisk() {
  unsaved += 1;
  onSaveState("saving");
  call("draft_saved").then(
    () => {
      unsaved -= 1;
      if (unsaved === 0) onSaveState("saved");
    },
    async (e) => {
      unsaved -= 1;
      onSaveState("failed", e.message);
      if (current) {
        current = await call("get_draft", { id: current.id });
        onChange(current, true);
      }
    },
  );
}

function shown(view) {
  current = view;
  onChange(current);
  followToDisk();
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

// Sends a change (edit, undo or redo) and shows the draft the core answers with.
async function change(command, args) {
  const view = await call(command, args);
  if (pending) pending.answered = performance.now();
  shown(view);
}

async function edit(op) {
  if (!current) return;
  pending = pending ?? { op: op.op, start: performance.now() };
  await change("edit_draft", { id: current.id, op });
}

// A keystroke's save: nothing is drawn again, so it is timed on its own (until
// the core has written it).
async function saveTyping(question, text) {
  if (!current) return;
  const start = performance.now();
  const view = await call("edit_draft", { id: current.id, op: { op: "edit_text", question, text } });
  window.loiTimings.push({ op: "edit_text", ms: Math.round((performance.now() - start) * 10) / 10 });
  shown(view);
}

function sectionName(path) {
  return path.length > 1 ? `${path[path.length - 2]} › ${path[path.length - 1]}` : path[0] ?? "";
}

// An undo or redo may take back (or bring back) changes accepted from a
// review: the side panel's list of changes to decide is read again.
export async function undo() {
  if (current && current.can_undo) {
    pending = { op: "undo", start: performance.now() };
    await change("undo_draft", { id: current.id });
    shell?.reloadReviews?.();
  }
}

export async function redo() {
  if (current && current.can_redo) {
    pending = { op: "redo", start: performance.now() };
    await change("redo_draft", { id: current.id });
    shell?.reloadReviews?.();
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
    ? el("ol", { class: "subparagraphs document-text" }, q.subitems.map((s) => el("li", { dir: "auto" }, el("span", { class: "label" }, `(${s.label})`), " ", s.text)))
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
          await saveTyping(q.id, text);
          saved = text;
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
  const run = async (fn) => {
    try {
      await fn();
      render();
    } catch (e) {
      report(e.message);
    }
  };
  body.addEventListener("focus", () => showQuestionDetail(q, run));
  body.addEventListener("click", () => showQuestionDetail(q, run));
  const tool = (label, title, fn) => el("button", { class: "tool", type: "button", title, "aria-label": `${title} (question ${q.number})`, onclick: (ev) => { ev.stopPropagation(); run(fn); } }, label);
  const menuButton = el("button", { class: "tool q-menu-button", type: "button", title: "More actions", "aria-label": `More actions for question ${q.number}`, "aria-haspopup": "menu", "aria-expanded": "false" }, "⋯");
  menuButton.addEventListener("click", (ev) => {
    ev.stopPropagation();
    openQuestionMenu(menuButton, q, index, run, startEdit);
  });
  const tools = el(
    "div",
    { class: "q-tools" },
    tool("↑", "Move up", () => moveBy(q, index, -1)),
    tool("↓", "Move down", () => moveBy(q, index, 1)),
    tool("¹", "Footnotes", () => { notesOpenFor = notesOpenFor === q.id ? null : q.id; }),
    menuButton,
  );
  const notes = notesOpenFor === q.id ? notesEditor(q, run, report) : null;
  const comments = q.comments?.length ? el("span", { class: "badge comment", title: q.comments.map((c) => `${c.author}: ${c.text}`).join("\n") }, `${q.comments.length} comment${q.comments.length === 1 ? "" : "s"}`) : null;
  block.append(el("div", { class: "q-row" }, number, el("div", { class: "q-main" }, body, subitems, comments, notes), tools));
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

// The per-question menu: every action on a question, reachable by keyboard
// (arrows move, Enter chooses, Esc closes and returns to the button).
function openQuestionMenu(button, q, index, run, startEdit) {
  closeMenus();
  const menu = el("div", { class: "q-menu", role: "menu", "aria-label": `Question ${q.number}` });
  // An item that replaces the menu's content (keepOpen) leaves the menu open.
  const item = (label, fn, attrs = {}, keepOpen = false) =>
    el("button", { type: "button", role: "menuitem", tabindex: -1, ...attrs, onclick: (ev) => { ev.stopPropagation(); if (!keepOpen) closeMenus(); fn(); } }, label);
  const main = () => [
    item("Edit text", startEdit),
    item("Footnotes and citations…", () => run(async () => { notesOpenFor = q.id; })),
    item("Move to section…", () => openSections(), {}, true),
    item("Move up", () => run(() => moveBy(q, index, -1))),
    item("Move down", () => run(() => moveBy(q, index, 1))),
    item("Add a question after", () => run(() => edit({ op: "add_question", after: q.id, section: null, text: NEW_QUESTION }))),
    item("Split at the cursor (Ctrl+Enter while editing)", startEdit),
    item("Merge with the next question", () => run(() => edit({ op: "merge_with_next", question: q.id }))),
    q.edited && q.generated ? item("Reset to the generated wording", () => run(() => edit({ op: "reset_to_generated", question: q.id }))) : null,
    item("Delete", () => run(() => edit({ op: "delete", question: q.id })), { class: "danger" }),
  ];
  const openSections = () => {
    append(clear(menu), [
      el("p", { class: "q-menu-title" }, `Move question ${q.number} to:`),
      sectionItems(q, (c, attrs) => item(c.path[c.path.length - 1], () => run(() => edit({ op: "move", question: q.id, section: c.path, index: 100000 })), attrs)),
    ]);
    focusFirst();
  };
  menu.addEventListener("click", (ev) => ev.stopPropagation());
  append(menu, main());
  const items = () => [...menu.querySelectorAll("[role=menuitem]:not([disabled])")];
  const focusFirst = () => items()[0]?.focus();
  menu.addEventListener("keydown", (ev) => {
    const list = items();
    const at = list.indexOf(document.activeElement);
    if (ev.key === "ArrowDown") list[(at + 1) % list.length]?.focus();
    else if (ev.key === "ArrowUp") list[(at - 1 + list.length) % list.length]?.focus();
    else if (ev.key === "Home") list[0]?.focus();
    else if (ev.key === "End") list[list.length - 1]?.focus();
    else if (ev.key === "Escape" || ev.key === "Tab") {
      closeMenus();
      button.focus();
    } else return;
    ev.preventDefault();
  });
  button.setAttribute("aria-expanded", "true");
  button.closest(".question").append(menu);
  focusFirst();
  setTimeout(() => document.addEventListener("click", closeMenus, { once: true }), 0);
}

// The committee's sections as a menu: headings that only group others are shown
// as labels, the sections themselves as items (dimmed when the draft has no
// question there yet; the question's own section disabled).
function sectionItems(q, makeItem) {
  const out = [];
  let previous = [];
  for (const c of current.section_choices) {
    const parents = c.path.slice(0, -1);
    parents.forEach((h, level) => {
      if (previous[level] !== h || parents.slice(0, level).some((x, k) => x !== previous[k])) {
        out.push(el("p", { class: `q-menu-group depth-${level}`, role: "presentation" }, h));
      }
    });
    previous = c.path;
    const here = c.path.join("\u0000") === q.section_path.join("\u0000");
    out.push(
      makeItem(c, {
        class: `section-choice depth-${c.path.length - 1}${c.used ? "" : " unused"}`,
        "aria-current": here ? "true" : null,
        disabled: here,
        title: c.path.join(" › "),
      }),
    );
  }
  return out;
}

function closeMenus() {
  for (const m of document.querySelectorAll(".q-menu")) m.remove();
  for (const b of document.querySelectorAll(".q-menu-button[aria-expanded=true]")) b.setAttribute("aria-expanded", "false");
}

// A new footnote starts as the citation of the recommendation the question asks about.
function newNoteText(q) {
  const c = q.sources[0];
  if (!c) return "Footnote text.";
  return c.paragraph ? `${c.symbol}, para. ${c.paragraph}.` : `${c.symbol}.`;
}

// The footnotes of a question as the rapporteur writes them: one line each,
// citations in full ("CMW/C/TJK/CO/2, para. 12."; the list prints "Ibid." where
// it belongs). Saved when a line is left or Enter is pressed.
function notesEditor(q, run, report) {
  const box = el("div", { class: "notes-editor", role: "group", "aria-label": `Footnotes of question ${q.number}` });
  const rows = el("ol", { class: "note-rows" });
  const inputs = [];
  const save = (extra = []) => {
    const texts = inputs.map((i) => i.value).concat(extra);
    const unchanged = extra.length === 0 && texts.length === q.notes.length && texts.every((t, i) => t === q.notes[i].written);
    if (unchanged) return;
    run(() => edit({ op: "set_note_texts", question: q.id, notes: texts })).then(() => report("Footnotes saved"));
  };
  q.notes.forEach((n, i) => {
    const input = el("input", { type: "text", class: "note-input document-text", value: n.written, "aria-label": `Footnote ${n.number}`, spellcheck: "false" });
    input.addEventListener("change", () => save());
    input.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") {
        ev.preventDefault();
        input.blur();
      }
    });
    inputs.push(input);
    rows.append(
      el(
        "li",
        { value: n.number },
        input,
        el("button", { class: "link", type: "button", "aria-label": `Remove footnote ${n.number}`, onclick: () => run(() => edit({ op: "remove_note", question: q.id, index: i })) }, "Remove"),
      ),
    );
  });
  const sources = q.sources.length
    ? el("p", { class: "muted sources" }, "Asks about: ", q.sources.map((c) => `${c.symbol}${c.paragraph ? `, para. ${c.paragraph}` : ""}`).join("; "))
    : el("p", { class: "muted sources" }, "Written by hand: not linked to a recommendation.");
  box.append(
    el("p", { class: "notes-title" }, q.notes.length ? "Footnotes (as written in full; “Ibid.” is set when the list is printed)" : "No footnotes."),
    rows,
    el(
      "div",
      { class: "form-actions" },
      el("button", { class: "button", type: "button", onclick: () => save([newNoteText(q)]) }, "Add a footnote"),
      el("button", { class: "button", type: "button", onclick: () => run(async () => { notesOpenFor = null; }) }, "Done"),
    ),
    sources,
  );
  return box;
}

// The side panel's account of the selected question: the recommendations it
// asks about with their history, and the generated wording to compare with.
async function showQuestionDetail(q, run) {
  selectedQuestion = q.id;
  if (shell) shell.detailShown = JSON.stringify(q);
  const box = document.getElementById("question-detail");
  if (!box || !current) return;
  const code = current.state.code;
  const committee = current.committee || null;
  const key = `${code}|${committee ?? ""}`;
  if (recsCache.code !== key) {
    recsCache = { code: key, list: await call("recommendations", { code, committee }) };
  }
  // What other committees asked the State party: worked out when the draft
  // opens or gains or loses a question, not at every keystroke.
  const overlapsKey = `${current.id}|${current.questions.length}`;
  if (overlapsCache.key !== overlapsKey) {
    overlapsCache = { key: overlapsKey, list: await call("draft_overlaps", { id: current.id }) };
  }
  if (selectedQuestion !== q.id) return;
  const parts = [el("h3", {}, `Question ${q.number}`)];
  const seen = new Set();
  for (const c of q.sources) {
    const number = (c.paragraph ?? "").split(" ")[0];
    const key = `${c.symbol}|${number}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const r = recsCache.list.find((x) => x.symbol === c.symbol && x.number === number);
    if (r) {
      parts.push(el("p", { class: "detail-source" }, `Asks about ${r.symbol}, para. ${r.number}`), history(r, (source) => run(() => edit({ op: "cite_source", question: q.id, source }))));
      if (r.concern) parts.push(el("details", {}, el("summary", {}, "The concern before it"), el("p", { class: "document-text" }, r.concern)));
    } else {
      parts.push(el("p", { class: "detail-source" }, `Asks about ${c.symbol}${number ? `, para. ${number}` : ""} (not in the library)`));
    }
  }
  if (!q.sources.length) parts.push(el("p", { class: "muted" }, "Written by hand: not linked to a recommendation."));
  const others = overlapsCache.list.filter((o) => o.question_id === q.id);
  if (others.length) {
    parts.push(
      el("h3", {}, "Asked by other committees"),
      el(
        "ul",
        { class: "overlaps" },
        others.map((o) => {
          const asked = o.kind === "question";
          const where = `${o.symbol ?? "a document without a symbol"}, ${asked ? "question" : "para."} ${o.paragraph ?? "?"}${o.year ? `, ${o.year}` : ""}`;
          return el(
            "li",
            { class: "overlap" },
            el("p", { class: "overlap-source" }, `${o.committee} ${asked ? "asked about this" : "recommended on this"} in ${where}`),
            el("p", { class: "document-text" }, o.text),
            el("button", { class: "link", type: "button", "aria-label": `Read ${where}`, onclick: () => showInContext({ document_id: o.document_id, seq: o.seq, paragraph: o.paragraph, label: `${asked ? "question" : "para."} ${o.paragraph ?? "?"}` }, "") }, "Read it in its document"),
          );
        }),
      ),
    );
  }
  if (q.comments?.length) {
    parts.push(
      el("h3", {}, "Comments"),
      el(
        "ul",
        { class: "question-comments" },
        q.comments.map((c, index) =>
          el("li", {}, el("strong", {}, c.author || "Someone"), ": ", el("span", { class: "comment-text" }, c.text), " ", el("button", { class: "link", type: "button", "aria-label": `Dismiss the comment of ${c.author}`, onclick: () => run(() => edit({ op: "remove_comment", question: q.id, index })) }, "Dismiss")),
        ),
      ),
    );
  }
  if (q.generated && q.edited) {
    parts.push(
      el("h3", {}, "Generated wording"),
      el("p", { class: "document-text generated" }, q.generated),
      el("button", { class: "button", type: "button", onclick: () => run(() => edit({ op: "reset_to_generated", question: q.id })) }, "Reset to generated"),
    );
  }
  clear(box).append(...parts);
  box.hidden = false;
}

// A moment stored in UTC, as the laptop's clock reads it.
function localTime(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

// The draft's page stays between renders: an edit redraws only what it changed
// (a reorder: the two questions whose numbers swapped), so the editor answers at
// once however long the list, and the keyboard focus stays where it was.
let shell = null;
// What each drawn heading or question shows, to know whether it can stay.
const shownAs = new WeakMap();

function buildShell(panel, report, render) {
  const s = { panel, id: current.id, keys: {} };
  s.symbol = el("p", { class: "doc-symbol" });
  s.title = el("h1", { class: "doc-title" });
  s.intro = el("div", { class: "intro-block" });
  s.body = el("div", { class: "questions" });
  s.addEnd = el("div", { class: "add-end" });
  s.notes = el("div", { class: "notes-block" });
  const list = el("article", { class: "page", "aria-label": "Draft list of issues" }, s.symbol, s.title, s.intro, s.body, s.addEnd, s.notes);
  s.undo = el("button", { class: "button", type: "button", onclick: async () => { await undo(); render(); } }, "Undo");
  s.redo = el("button", { class: "button", type: "button", onclick: async () => { await redo(); render(); } }, "Redo");
  s.citations = el("span", { class: "citation-slot" });
  s.toolbar = el(
    "div",
    { class: "draft-toolbar" },
    s.undo,
    s.redo,
    el("span", { class: "spacer" }),
    s.citations,
    el("button", { class: "button", type: "button", id: "copy-draft", onclick: () => copyDraft(report) }, "Copy"),
    el("button", { class: "button primary", type: "button", id: "export-draft", onclick: () => exportDraft(report) }, "Export…"),
  );
  s.coverageText = el("p", {});
  s.coverageList = el("div", {});
  s.versions = el("ol", { class: "versions" });
  s.reviews = el("ul", { class: "reviews", id: "pending-reviews" });
  s.reviewsBox = el("section", { class: "reviews-box", hidden: true }, el("h3", {}, "Changes brought in"), s.reviews);
  const name = el("input", { type: "text", placeholder: "Version name", "aria-label": "Version name", id: "version-name" });
  const side = el(
    "aside",
    { class: "side-panel", "aria-label": "Question, coverage and versions" },
    el("section", { id: "question-detail", class: "question-detail", hidden: true, "aria-live": "polite" }),
    s.reviewsBox,
    el("h3", {}, "Coverage"),
    s.coverageText,
    s.coverageList,
    el("h3", {}, "Versions"),
    el("form", { class: "version-form", onsubmit: async (ev) => { ev.preventDefault(); const named = name.value.trim(); if (!named || !current) return; await call("save_version", { id: current.id, name: named }); report(`Version “${named}” saved`); name.value = ""; loadVersions(s, report, render); } }, name, el("button", { class: "button", type: "submit" }, "Save version")),
    s.versions,
  );
  clear(panel).append(s.toolbar, el("div", { class: "split" }, list, side));
  loadVersions(s, report, render);
  s.reloadReviews = () => loadReviews(s, report, render);
  s.reloadReviews();
  return s;
}

// The named versions: read when the draft opens and when one is saved.
function loadVersions(s, report, render) {
  call("list_versions", { id: s.id }).then((list) => {
    clear(s.versions);
    for (const ver of list.slice().reverse()) {
      s.versions.append(
        el(
          "li",
          {},
          el("span", {}, ver.name),
          el("span", { class: "muted" }, ` ${localTime(ver.created_at)} · ${ver.questions} q.`),
          el("button", { class: "link", type: "button", onclick: async () => { current = await call("restore_version", { id: s.id, version: ver.id }); onChange(current); render(); report(`Restored “${ver.name}” (undo brings back the previous state)`); } }, "Restore"),
        ),
      );
    }
  }, (e) => report(e.message));
}

// The changes brought in that are still to decide: read when the draft opens
// and after changes are brought in or decided (reloadSidePanel).
function loadReviews(s, report, render) {
  const onApplied = async () => {
    current = await call("get_draft", { id: s.id });
    onChange(current);
    render();
    loadReviews(s, report, render);
  };
  pendingReviews(s.id, onApplied, report).then((items) => {
    clear(s.reviews).append(...items);
    s.reviewsBox.hidden = !items.length;
  }, (e) => report(e.message));
}

// Reads the draft, its versions and its pending reviews again (after a merge).
export async function reloadSidePanel() {
  if (!current) return;
  current = await call("get_draft", { id: current.id });
  onChange(current);
  if (shell && shell.id === current.id) {
    loadVersions(shell, () => {}, () => {});
    loadReviews(shell, () => {}, () => {});
  }
}

// Runs `draw` only when `key` differs from what the part last showed.
function whenChanged(s, part, key, draw) {
  if (s.keys[part] === key) return;
  s.keys[part] = key;
  draw();
}

// The headings and questions as the list reads, reusing every one that shows
// the same as before, in place.
function drawQuestions(s, v, render, report) {
  const want = [];
  let section = [];
  v.questions.forEach((q, i) => {
    q.section.forEach((h, level) => {
      if (section[level] !== h || q.section.slice(0, level).some((x, k) => x !== section[k])) {
        want.push({ key: `h${JSON.stringify(q.section.slice(0, level + 1))}`, make: () => el(`h${Math.min(level + 2, 4)}`, { class: `section level-${level}` }, h) });
      }
    });
    section = q.section;
    want.push({ key: `q${JSON.stringify([q, i, notesOpenFor === q.id])}`, make: () => questionBlock(q, i, render, report) });
  });
  const pool = new Map();
  for (const node of s.body.children) {
    const key = shownAs.get(node);
    if (key === undefined || node.querySelector("textarea.q-edit")) continue;
    if (!pool.has(key)) pool.set(key, []);
    pool.get(key).push(node);
  }
  let at = s.body.firstChild;
  for (const w of want) {
    let node = pool.get(w.key)?.shift();
    if (!node) {
      node = w.make();
      shownAs.set(node, w.key);
    }
    if (node === at) at = at.nextSibling;
    else s.body.insertBefore(node, at);
  }
  while (at) {
    const next = at.nextSibling;
    at.remove();
    at = next;
  }
}

// Which question control has the keyboard focus, to give it back after a redraw.
function focusedControl(s) {
  const a = document.activeElement;
  const block = a && a.closest ? a.closest(".question") : null;
  if (!block || !s.body.contains(block)) return null;
  return { id: block.dataset.id, title: a.getAttribute("title"), body: a.classList.contains("q-body") };
}

function giveFocusBack(s, f) {
  if (!f || (document.activeElement && document.activeElement !== document.body)) return;
  const block = [...s.body.querySelectorAll(".question")].find((b) => b.dataset.id === f.id);
  if (!block) return;
  const target = f.body ? block.querySelector(".q-body") : [...block.querySelectorAll("[title]")].find((x) => x.getAttribute("title") === f.title);
  target?.focus();
}

export async function renderDraft(panel, code, report, isCurrent = () => true) {
  if (!current || current.state.code !== code) {
    const drafts = await call("list_drafts", { code });
    if (!isCurrent()) return;
    if (!drafts.length) {
      shell = null;
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
  if (!shell || shell.panel !== panel || shell.id !== v.id || !panel.contains(shell.toolbar)) shell = buildShell(panel, report, render);
  const s = shell;
  const focus = focusedControl(s);
  if (s.symbol.textContent !== v.symbol) s.symbol.textContent = v.symbol;
  if (s.title.textContent !== v.title) s.title.textContent = v.title;
  whenChanged(s, "intro", JSON.stringify(v.intro), () => clear(s.intro).append(...v.intro.map((p) => el("p", { class: "document-text intro" }, p))));
  drawQuestions(s, v, render, report);
  whenChanged(s, "add", JSON.stringify(v.section_choices), () => {
    const where = el(
      "select",
      { id: "add-section", "aria-label": "Section of the new question" },
      v.section_choices.map((c, i) => el("option", { value: String(i), selected: i === v.section_choices.findLastIndex((x) => x.used) }, `${"\u00a0\u00a0\u00a0".repeat(c.path.length - 1)}${c.path[c.path.length - 1]}`)),
    );
    clear(s.addEnd).append(
      el("button", { class: "button", type: "button", id: "add-question", onclick: async () => { const c = current?.section_choices[Number(where.value)]; await edit({ op: "add_question", after: null, section: c ? c.path : null, text: NEW_QUESTION }); render(); } }, "Add a question"),
      el("span", { class: "muted" }, " in "),
      where,
    );
  });
  whenChanged(s, "notes", JSON.stringify(v.footnotes), () => {
    clear(s.notes);
    if (v.footnotes.length) s.notes.append(el("hr", { class: "notes-rule" }), el("ol", { class: "footnotes" }, v.footnotes.map((f) => el("li", { value: f.number }, f.text))));
  });
  s.undo.disabled = !v.can_undo;
  s.redo.disabled = !v.can_redo;
  const hasComments = v.questions.some((q) => q.comments?.length);
  whenChanged(s, "citations", `${v.footnotes.length > 0}|${hasComments}`, () => {
    clear(s.citations);
    if (v.footnotes.length) s.citations.append(citationChoice());
    // Comments are never exported unless asked.
    if (hasComments) s.citations.append(el("label", { class: "muted citation-choice" }, el("input", { type: "checkbox", id: "export-comments" }), " export with comments"));
  });
  whenChanged(s, "coverage", JSON.stringify(v.coverage), () => {
    const notCovered = v.coverage.not_covered;
    s.coverageText.textContent = `${v.coverage.covered.length} of ${v.coverage.covered.length + notCovered.length} recommendations asked about.`;
    clear(s.coverageList);
    if (notCovered.length) {
      s.coverageList.append(el("ul", { class: "coverage" }, notCovered.map((c) => el("li", { class: c.follow_up ? "follow-up" : null }, `para. ${c.paragraph}`, c.report_silent ? el("span", { class: "badge silent", title: "The State party's report says nothing on it" }, "report silent") : null, c.follow_up ? el("span", { class: "badge follow-up" }, "follow-up") : null))));
    }
  });
  giveFocusBack(s, focus);
  const selected = v.questions.find((q) => q.id === selectedQuestion);
  if (selected && s.detailShown !== JSON.stringify(selected)) showQuestionDetail(selected, async (fn) => { await fn(); render(); });
  if (pending) {
    // ms: from the click to the list drawn; answer: until the core's answer came.
    const round = (t) => Math.round(t * 10) / 10;
    window.loiTimings.push({ op: pending.op, ms: round(performance.now() - pending.start), answer: round((pending.answered ?? performance.now()) - pending.start) });
    pending = null;
  }
}

// How copies and exports write the draft's footnotes (the draft itself keeps them).
const CITATIONS = [
  ["footnote", "in footnotes"],
  ["inline", "in the text (see …)"],
  ["bare", "as paragraph numbers (para. …)"],
];
let exportCitations = localStorage.getItem("exportCitations") ?? "footnote";

function citationChoice() {
  const select = el(
    "select",
    {
      id: "export-citations",
      "aria-label": "How copies and exports write the citations",
      title: "How Copy and Export write the citations; the draft keeps its footnotes",
      onchange: (ev) => {
        exportCitations = ev.target.value;
        localStorage.setItem("exportCitations", exportCitations);
      },
    },
    CITATIONS.map(([value, label]) => el("option", { value, selected: value === exportCitations }, label)),
  );
  return el("label", { class: "muted citation-choice" }, "Copy and export citations ", select);
}

function citationsFor(v) {
  return v.footnotes.length ? exportCitations : "footnote";
}

export async function exportDraft(report) {
  if (!current) return;
  const dialog = window.__TAURI__?.dialog;
  const path = dialog
    ? await dialog.save({ defaultPath: `${current.symbol.replaceAll("/", "_")}.docx`, filters: [{ name: "Word", extensions: ["docx"] }, { name: "Word-friendly text", extensions: ["txt"] }, { name: "Markdown", extensions: ["md"] }, { name: "HTML", extensions: ["html"] }] })
    : null;
  if (!path) return;
  const comments = Boolean(document.getElementById("export-comments")?.checked);
  await call("export_list", { name: `draft:${current.id}`, path, citations: citationsFor(current), comments });
  report(`Exported to ${path}`);
}

export async function copyDraft(report) {
  if (!current) return;
  // The app writes the system clipboard itself: HTML for Word, plain text for the rest.
  try {
    await call("copy_list", { name: `draft:${current.id}`, citations: citationsFor(current) });
    report("Copied the list (rich text and plain text)");
  } catch (e) {
    report(`Not copied: ${e.message}`);
  }
}
