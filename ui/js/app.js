// LOI Drafter's window: State parties on the left, views on the right.

import { call, ready } from "./api.js";
import { el, clear } from "./dom.js";
import { renderLibrary, renderSearch } from "./library.js";
import { renderRecommendations } from "./recommendations.js";
import { renderDraft, loadDraft, undo, redo, setDraftListener, setSaveListener, currentDraft, clearDraft, exportDraft, reloadSidePanel } from "./draft.js";
import { showReview } from "./review.js";
import { renderCompare, compareWithFile } from "./compare.js";

// The State party chosen and, when the library holds several committees' documents,
// the committee chosen with it (the rail groups State parties by committee).
const state = { code: null, committee: null, states: [], view: "library" };
const VIEWS = ["library", "recommendations", "draft", "compare"];
// Each render takes a number; a render whose data arrives after a newer one started is dropped.
let renderSeq = 0;
function renderToken() {
  const mine = ++renderSeq;
  return () => mine === renderSeq;
}

const statusLine = document.getElementById("status");
const countsLine = document.getElementById("counts");
let savedAt = null;

export function setStatus(text) {
  statusLine.textContent = text;
}

function report(text) {
  if (text === "Saved") savedAt = Date.now();
  setStatus(text);
}

setInterval(() => {
  if (savedAt && statusLine.textContent.startsWith("Saved")) {
    const s = Math.round((Date.now() - savedAt) / 1000);
    statusLine.textContent = s < 2 ? "Saved" : `Saved ${s} s ago`;
  }
}, 1000);

export function showError(e) {
  const message = e && e.message ? e.message : String(e);
  setStatus(`Error: ${message}`);
}

function showCounts(v) {
  if (!v || state.view !== "draft") {
    countsLine.textContent = "";
    countsLine.className = "counts";
    return;
  }
  const c = v.counts;
  countsLine.textContent = `${c.questions}${c.limit ? ` / ${c.limit}` : ""} questions · ${c.words.toLocaleString("en")} words`;
  countsLine.className = c.warning ? "counts over" : "counts";
  countsLine.title = c.warning ?? "";
}

setDraftListener((v, reread) => {
  showCounts(v);
  // Read back after a failed save: draw what the library holds.
  if (reread && state.view === "draft") refresh();
});

setSaveListener((saving, reason) => {
  if (saving === "saving") setStatus("Saving…");
  else if (saving === "saved") report("Saved");
  else setStatus(`Not saved: ${reason}`);
});

function selectView(view, focus = false, render = true) {
  state.view = view;
  localStorage.setItem("view", view);
  for (const tab of document.querySelectorAll("[role=tab]")) {
    const on = tab.dataset.view === view;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    if (on && focus) tab.focus();
  }
  for (const panel of document.querySelectorAll("[role=tabpanel]")) {
    panel.hidden = panel.id !== `view-${view}`;
  }
  showCounts(view === "draft" ? currentDraft() : null);
  return render ? refresh() : Promise.resolve();
}

async function refresh() {
  const panel = document.getElementById(`view-${state.view}`);
  const current = renderToken();
  try {
    if (state.view === "library") await renderLibrary(panel, state.code, current, refreshStates);
    else if (state.view === "recommendations") await renderRecommendations(panel, state.code, state.committee, current, createDraft);
    else if (state.view === "draft") {
      await renderDraft(panel, state.code, report, current);
      showCounts(currentDraft());
    } else if (state.view === "compare") await renderCompare(panel, state.code, report, current);
  } catch (e) {
    showError(e);
  }
}

async function createDraft(request) {
  if (!request.include.length) {
    setStatus("Select at least one recommendation.");
    return;
  }
  setStatus("Drafting…");
  try {
    const v = await call("new_draft", { request });
    await loadDraft(v.id);
    await refreshStates();
    selectView("draft");
    setStatus(`Drafted ${v.counts.questions} questions`);
  } catch (e) {
    showError(e);
  }
}

// The rail's entries: a State party each, or, when the library holds documents of
// several committees, a State party under each committee that has documents on it.
function railEntries() {
  const committees = [...new Set(state.states.flatMap((s) => s.committees.map((c) => c.committee)))].sort();
  if (committees.length < 2) return state.states.map((s) => ({ ...s, committee: null }));
  const out = [];
  for (const committee of committees) {
    for (const s of state.states) {
      const mine = s.committees.find((c) => c.committee === committee);
      if (mine) out.push({ ...s, committee, documents: mine.documents, drafts: mine.drafts });
    }
  }
  for (const s of state.states) if (!s.committees.length) out.push({ ...s, committee: null });
  return out;
}

function renderStates() {
  const list = clear(document.getElementById("states"));
  const entries = railEntries();
  const grouped = entries.some((e) => e.committee);
  if (grouped && !entries.some((e) => e.code === state.code && e.committee === state.committee)) {
    state.committee = entries.find((e) => e.code === state.code)?.committee ?? null;
  }
  if (!grouped) state.committee = null;
  let heading;
  entries.forEach((s, i) => {
    if (grouped && s.committee !== heading) {
      heading = s.committee;
      list.append(el("li", { role: "presentation", class: "rail-group" }, heading ?? "Other documents"));
    }
    const selected = s.code === state.code && s.committee === state.committee;
    const item = el(
      "li",
      {
        role: "option",
        "aria-selected": String(selected),
        tabindex: selected ? 0 : -1,
        class: selected ? "state selected" : "state",
        dataset: s.committee ? { code: s.code, committee: s.committee } : { code: s.code },
        "aria-label": s.committee ? `${s.name}, ${s.committee}` : null,
        onclick: () => selectState(s.code, false, s.committee),
        onkeydown: (ev) => {
          if (ev.key === "ArrowDown" && i + 1 < entries.length) selectState(entries[i + 1].code, true, entries[i + 1].committee);
          if (ev.key === "ArrowUp" && i > 0) selectState(entries[i - 1].code, true, entries[i - 1].committee);
        },
      },
      el("span", { class: "state-name" }, s.name),
      el("span", { class: "state-meta" }, `${s.code} · ${s.documents} document${s.documents === 1 ? "" : "s"}`),
      s.drafts > 0 ? el("span", { class: "dot", title: "draft in progress", "aria-label": "draft in progress" }) : null,
    );
    list.append(item);
  });
}

async function refreshStates() {
  state.states = await call("list_states");
  if (!state.states.some((s) => s.code === state.code)) state.code = state.states[0]?.code ?? null;
  renderStates();
}

function selectState(code, focus = false, committee = null) {
  if (code !== state.code) clearDraft();
  state.code = code;
  state.committee = committee;
  localStorage.setItem("state", code);
  localStorage.setItem("committee", committee ?? "");
  renderStates();
  if (focus) document.querySelector(".state.selected")?.focus();
  refresh();
}

// Import: files from the dialog or dropped on the window; a sheet lists each result.
// Imports files one by one (each in its own transaction), showing progress and
// each file's result as it comes.
async function importPaths(chosen) {
  if (!chosen || !chosen.length) return;
  // Folders are opened: every readable file in them, in name order.
  const paths = await call("files_to_import", { paths: chosen });
  if (!paths.length) {
    setStatus("No document to import there (LOI Drafter reads .docx, .pdf, .txt and .md files).");
    return;
  }
  const results = [];
  const list = showImportSheet(results, paths.length);
  for (const [i, path] of paths.entries()) {
    if (list.cancelled()) break;
    const name = path.split(/[\\/]/).pop();
    setStatus(`Importing ${i + 1} of ${paths.length}: ${name}…`);
    list.progress(i, paths.length, name);
    try {
      const [result] = await call("import_files", { paths: [path] });
      results.push(result);
    } catch (e) {
      results.push({ file: name, error: { code: e.code ?? "error", message: e.message } });
    }
    list.add(results[results.length - 1]);
  }
  list.done(paths.length);
  try {
    await refreshStates();
    const first = results.find((r) => r.outcome)?.outcome.document;
    if (first?.state?.code) state.code = first.state.code;
    renderStates();
    refresh();
  } catch (e) {
    showError(e);
  }
  const ok = results.filter((r) => r.outcome).length;
  setStatus(results.length < paths.length ? `Import cancelled: ${ok} of ${paths.length} imported` : `Imported ${ok} of ${results.length}`);
}

// Documents read by an older version of the reader are read again in the
// background, one at a time (each its own transaction), keeping corrections.
async function rereadDocuments(all) {
  const ids = all ? (await call("list_documents", { code: null })).map((d) => d.id) : await call("documents_to_reread");
  if (!ids.length) {
    if (all) setStatus("The library has no documents.");
    return;
  }
  let failed = 0;
  for (const [i, id] of ids.entries()) {
    setStatus(`Reading documents again with the improved reader: ${i + 1} of ${ids.length}…`);
    try {
      await call("reread_document", { id });
    } catch (e) {
      failed += 1;
    }
  }
  setStatus(failed ? `${ids.length - failed} of ${ids.length} documents read again; ${failed} could not be.` : `${ids.length} documents read again.`);
  await refreshStates();
  renderStates();
  refresh();
}

function resultItem(r) {
  const status = r.error ? "error" : r.outcome.status === "imported" ? "imported" : "already in library";
  const detail = r.error ? r.error.message : `${r.outcome.document.symbol ?? "(no symbol)"} · ${r.outcome.document.kind.replaceAll("_", " ")}`;
  const warnings = r.outcome?.warnings ?? [];
  return el("li", { class: `result ${r.error ? "error" : "ok"}` }, el("strong", {}, r.file), " — ", el("span", { class: "result-status" }, status), el("div", { class: "muted" }, detail), warnings.map((w) => el("div", { class: "warning" }, w)));
}

function showImportSheet(results, total) {
  const sheet = document.getElementById("sheet");
  clear(sheet);
  const progress = el("progress", { id: "import-progress", max: String(total), value: "0", "aria-label": "Import progress" });
  const line = el("p", { class: "muted", id: "import-line", "aria-live": "polite" }, "");
  const list = el("ul", { class: "import-results" }, results.map(resultItem));
  const close = el("button", { class: "button primary", type: "button", id: "sheet-close", disabled: true, onclick: () => { sheet.hidden = true; } }, "Close");
  let cancelled = false;
  const cancel = el("button", { class: "button", type: "button", id: "import-cancel", onclick: () => { cancelled = true; cancel.disabled = true; line.textContent = "Stopping after this file…"; } }, "Cancel");
  sheet.append(el("h2", { id: "sheet-title" }, total === 1 ? "Importing 1 file" : `Importing ${total} files`), progress, line, list, el("div", { class: "sheet-buttons" }, cancel, close));
  sheet.classList.remove("wide");
  sheet.hidden = false;
  return {
    progress(i, n, name) {
      progress.value = i;
      line.textContent = `${i + 1} of ${n}: ${name}`;
    },
    add(r) {
      list.append(resultItem(r));
      progress.value = list.children.length;
    },
    cancelled: () => cancelled,
    done(total) {
      const ok = results.filter((r) => r.outcome).length;
      sheet.querySelector("#sheet-title").textContent = "Import";
      cancel.hidden = true;
      line.textContent = results.length < total ? `Cancelled: ${ok} of ${total} imported or already in the library; the others were not read.` : `${ok} of ${results.length} imported or already in the library.`;
      close.disabled = false;
      close.focus();
    },
  };
}

async function chooseFolder() {
  const dialog = window.__TAURI__?.dialog;
  if (!dialog) return;
  const picked = await dialog.open({ directory: true, multiple: false });
  if (picked) await importPaths([picked]);
}

async function chooseFiles() {
  const dialog = window.__TAURI__?.dialog;
  if (!dialog) return;
  const picked = await dialog.open({ multiple: true, filters: [{ name: "Documents", extensions: ["docx", "pdf", "txt", "md"] }] });
  const paths = Array.isArray(picked) ? picked : picked ? [picked] : [];
  await importPaths(paths);
}

// Opens draft `id` in the Draft view (its State party selected).
async function openDraft(id) {
  await loadDraft(id);
  const d = currentDraft();
  if (d && d.state.code !== state.code) {
    state.code = d.state.code;
    localStorage.setItem("state", state.code);
    renderStates();
  }
  await selectView("draft");
}

// After a decision on a review: the draft as it now reads.
async function afterDecision() {
  await reloadSidePanel();
  await refresh();
}

// A Word file (or shared draft) that came back: its changes, as a review.
async function bringInChanges(path) {
  const named = await call("draft_for_file", { path });
  const id = named ?? (state.view === "draft" ? currentDraft()?.id : null);
  if (!id) {
    setStatus("This file does not say which draft it was sent from: open that draft, then bring the changes in.");
    return;
  }
  setStatus("Reading the changes…");
  const view = await call("bring_in_changes", { id, path });
  await openDraft(id);
  await reloadSidePanel();
  showReview(view, afterDecision, report, path);
  setStatus(`${view.items.length} change${view.items.length === 1 ? "" : "s"} from ${view.source} to review`);
}

async function chooseReturnedFile() {
  const dialog = window.__TAURI__?.dialog;
  if (!dialog) return;
  const picked = await dialog.open({ multiple: false, filters: [{ name: "Word or shared draft", extensions: ["docx", "loidraft"] }] });
  if (picked) await bringInChanges(picked);
}

async function shareDraft() {
  const d = currentDraft();
  if (!d) {
    setStatus("Open a draft to share it.");
    return;
  }
  const dialog = window.__TAURI__?.dialog;
  const path = dialog ? await dialog.save({ defaultPath: `${d.symbol.replaceAll("/", "_") || "draft"}.loidraft`, filters: [{ name: "Shared draft", extensions: ["loidraft"] }] }) : null;
  if (!path) return;
  await call("share_draft", { id: d.id, path });
  await reloadSidePanel();
  setStatus(`Shared as ${path}: another LOI Drafter opens it with File → Open a shared draft`);
}

async function openShared(path) {
  const opened = await call("open_shared_draft", { path });
  await refreshStates();
  await openDraft(opened.draft_id);
  if (opened.review) showReview(opened.review, afterDecision, report);
  setStatus(opened.review ? `Changes from ${opened.review.source} to review` : "Opened as a new draft");
}

async function chooseSharedFile() {
  const dialog = window.__TAURI__?.dialog;
  if (!dialog) return;
  const picked = await dialog.open({ multiple: false, filters: [{ name: "Shared draft", extensions: ["loidraft"] }] });
  if (picked) await openShared(picked);
}

// A file dropped: a shared draft opens; a Word file sent from a draft of the
// library, or dropped on an open draft, brings its changes in; the rest is imported.
async function dropped(paths) {
  if (paths.length === 1) {
    const path = paths[0];
    const ext = path.split(".").pop().toLowerCase();
    if (ext === "loidraft") return openShared(path);
    if (ext === "docx") {
      const named = await call("draft_for_file", { path }).catch(() => null);
      if (named || (state.view === "draft" && currentDraft())) return bringInChanges(path);
    }
  }
  return importPaths(paths);
}

function wireDrop() {
  const webview = window.__TAURI__?.webview?.getCurrentWebview?.();
  if (!webview) return;
  webview.onDragDropEvent((event) => {
    const p = event.payload;
    document.body.classList.toggle("dropping", p.type === "over" || p.type === "enter");
    if (p.type === "drop") dropped(p.paths).catch(showError);
  });
}

function wireTabs() {
  const tabs = [...document.querySelectorAll("[role=tab]")];
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => selectView(tab.dataset.view));
    tab.addEventListener("keydown", (ev) => {
      if (ev.key === "ArrowRight") selectView(tabs[(i + 1) % tabs.length].dataset.view, true);
      if (ev.key === "ArrowLeft") selectView(tabs[(i + tabs.length - 1) % tabs.length].dataset.view, true);
    });
  });
  const shortcuts = { 1: "view_library", 2: "view_recommendations", 3: "view_draft", 4: "view_compare", f: "find", o: "import", e: "export", n: "new_draft", y: "redo" };
  document.addEventListener("keydown", (ev) => {
    if (!(ev.ctrlKey || ev.metaKey)) return;
    const key = ev.key.toLowerCase();
    const id = key === "z" ? (ev.shiftKey ? "redo" : "undo") : shortcuts[key];
    if (id) {
      ev.preventDefault();
      runAction(id);
    }
  });
  window.__TAURI__?.event?.listen("menu", (event) => runAction(event.payload));
}

// The menu and the keyboard may both report one key press: the second report is ignored.
const lastRun = new Map();
function runAction(id) {
  const now = Date.now();
  if (now - (lastRun.get(id) ?? 0) < 200) return;
  lastRun.set(id, now);
  const typing = ["TEXTAREA", "INPUT"].includes(document.activeElement?.tagName);
  const views = { view_library: "library", view_recommendations: "recommendations", view_draft: "draft", view_compare: "compare" };
  if (views[id]) selectView(views[id], true);
  else if (id === "find") document.getElementById("search").focus();
  else if (id === "import") chooseFiles().catch(showError);
  else if (id === "import_folder") chooseFolder().catch(showError);
  else if (id === "reread_all") rereadDocuments(true).catch(showError);
  else if (id === "export") {
    if (currentDraft()) exportDraft(report).catch(showError);
    else setStatus("Open a draft to export it.");
  } else if (id === "bring_in") chooseReturnedFile().catch(showError);
  else if (id === "share_draft") shareDraft().catch(showError);
  else if (id === "open_shared") chooseSharedFile().catch(showError);
  else if (id === "new_draft") selectView("recommendations", true);
  else if (id === "open_log_folder") {
    call("open_log_folder")
      .then((dir) => setStatus(`The log folder is ${dir}.`))
      .catch(showError);
  } else if (id === "undo" || id === "redo") {
    if (typing) document.execCommand(id);
    else if (state.view === "draft") (id === "redo" ? redo() : undo()).then(refresh).catch(showError);
  }
}

function wireSearch() {
  const form = document.getElementById("search-form");
  const input = document.getElementById("search");
  const all = document.getElementById("search-all");
  const run = async () => {
    const q = input.value.trim();
    if (!q) {
      refresh();
      return;
    }
    selectView("library", false, false);
    try {
      await renderSearch(document.getElementById("view-library"), q, all.checked ? null : state.code, renderToken());
    } catch (e) {
      showError(e);
    }
  };
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    run();
  });
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 200);
  });
}

async function start() {
  wireTabs();
  wireSearch();
  wireDrop();
  document.getElementById("add-documents").addEventListener("click", () => chooseFiles().catch(showError));
  try {
    const info = await ready();
    await refreshStates();
    const remembered = localStorage.getItem("state");
    if (state.states.some((s) => s.code === remembered)) state.code = remembered;
    state.committee = localStorage.getItem("committee") || null;
    renderStates();
    setStatus(`Library: ${info.library_path}`);
    const view = localStorage.getItem("view");
    await selectView(VIEWS.includes(view) ? view : "library");
    // The first screen is drawn: the start-up time (measured by the window test).
    window.loiInteractiveMs = await call("interactive");
    // Documents an older version read are read again, in the background.
    rereadDocuments(false).catch(showError);
  } catch (e) {
    showError(e);
  }
}

// For the end-to-end tests: what the file dialogs (or a drop) would have given.
window.loiImportPaths = importPaths;
window.loiDropped = (paths) => dropped(paths).catch(showError);
window.loiCompareFile = (path) => {
  compareWithFile(path);
  selectView("compare");
};

start();
