// LOI Drafter's window: State parties on the left, views on the right.

import { call, ready } from "./api.js";
import { el, clear } from "./dom.js";
import { renderLibrary, renderSearch } from "./library.js";
import { renderRecommendations } from "./recommendations.js";

const state = { code: null, states: [], view: "library" };
// Each render takes a number; a render whose data arrives after a newer one started is dropped.
let renderSeq = 0;
function renderToken() {
  const mine = ++renderSeq;
  return () => mine === renderSeq;
}
const statusLine = document.getElementById("status");

export function setStatus(text) {
  statusLine.textContent = text;
}

export function showError(e) {
  const message = e && e.message ? e.message : String(e);
  setStatus(`Error: ${message}`);
}

function selectView(view, focus = false, render = true) {
  state.view = view;
  for (const tab of document.querySelectorAll("[role=tab]")) {
    const on = tab.dataset.view === view;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    if (on && focus) tab.focus();
  }
  for (const panel of document.querySelectorAll("[role=tabpanel]")) {
    panel.hidden = panel.id !== `view-${view}`;
  }
  if (render) refresh();
}

async function refresh() {
  const panel = document.getElementById(`view-${state.view}`);
  const current = renderToken();
  try {
    if (state.view === "library") await renderLibrary(panel, state.code, current);
    else if (state.view === "recommendations") await renderRecommendations(panel, state.code, current);
  } catch (e) {
    showError(e);
  }
}

function renderStates() {
  const list = clear(document.getElementById("states"));
  for (const s of state.states) {
    const selected = s.code === state.code;
    const item = el(
      "li",
      {
        role: "option",
        "aria-selected": String(selected),
        tabindex: selected ? 0 : -1,
        class: selected ? "state selected" : "state",
        onclick: () => selectState(s.code),
        onkeydown: (ev) => {
          const i = state.states.findIndex((x) => x.code === s.code);
          if (ev.key === "ArrowDown" && i + 1 < state.states.length) selectState(state.states[i + 1].code, true);
          if (ev.key === "ArrowUp" && i > 0) selectState(state.states[i - 1].code, true);
        },
      },
      el("span", { class: "state-name" }, s.name),
      el("span", { class: "state-meta" }, `${s.code} · ${s.documents}`),
      s.drafts > 0 ? el("span", { class: "dot", title: "draft in progress", "aria-label": "draft in progress" }) : null,
    );
    list.append(item);
  }
}

function selectState(code, focus = false) {
  state.code = code;
  renderStates();
  if (focus) document.querySelector(".state.selected")?.focus();
  refresh();
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
  document.addEventListener("keydown", (ev) => {
    const mod = ev.ctrlKey || ev.metaKey;
    if (mod && /^[1-9]$/.test(ev.key)) {
      const tab = tabs[Number(ev.key) - 1];
      if (tab) {
        ev.preventDefault();
        selectView(tab.dataset.view, true);
      }
    }
    if (mod && ev.key.toLowerCase() === "f") {
      ev.preventDefault();
      document.getElementById("search").focus();
    }
  });
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
  try {
    const info = await ready();
    state.states = await call("list_states");
    state.code = state.states.length ? state.states[0].code : null;
    renderStates();
    setStatus(`Library: ${info.library_path}`);
    await refresh();
  } catch (e) {
    showError(e);
  }
}

start();
