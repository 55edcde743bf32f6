// The review of changes brought back in (a returned Word file, a shared
// draft): every proposal with its author, conflicts first, each to accept or
// reject; "accept all" and "accept all from" one person; the comments that
// came back. Nothing changes in the draft until a button is pressed; each
// decision is one undo step, with a version saved just before.

import { call } from "./api.js";
import { el, clear } from "./dom.js";

const OPS = {
  changed: "changed",
  added: "new question",
  removed: "removed",
  moved: "moved",
  split: "split in two",
  merged: "joined with another",
};

// Words inserted and deleted, as text (never HTML).
function words(diff, side) {
  return diff
    .filter((seg) => (side === "old" ? seg.op !== "insert" : side === "new" ? seg.op !== "delete" : true))
    .map((seg) => (seg.op === "equal" ? seg.text : el(seg.op === "insert" ? "ins" : "del", {}, seg.text)));
}

function where(item) {
  if (item.op === "added") return item.question ? `New question (would be ${item.question})` : "New question";
  return item.question ? `Question ${item.question}` : "A question no longer in the draft";
}

function itemBlock(item, decide, comments = []) {
  const decided = item.decision !== "pending";
  const head = el(
    "p",
    { class: "review-head" },
    el("strong", {}, where(item)),
    ` — ${OPS[item.op] ?? item.op} by ${item.author}`,
    item.conflict ? el("span", { class: "badge conflict" }, "you changed it too") : null,
    decided ? el("span", { class: `badge ${item.decision}` }, item.decision) : null,
  );
  let body;
  if (item.conflict) {
    body = el(
      "div",
      { class: "review-sides" },
      el("div", {}, el("p", { class: "muted" }, "Yours"), el("p", { class: "document-text" }, item.ours ?? "(you removed it)")),
      el("div", {}, el("p", { class: "muted" }, `${item.author}’s`), el("p", { class: "document-text" }, item.theirs ?? "(removed)")),
      el("div", { class: "review-words" }, el("p", { class: "muted" }, "Word by word, from yours to theirs"), el("p", { class: "document-text" }, words(item.diff, "both"))),
    );
  } else if (item.op === "removed") {
    body = el("p", { class: "document-text" }, el("del", {}, item.base ?? ""));
  } else if (item.op === "added") {
    body = el("p", { class: "document-text" }, el("ins", {}, item.theirs ?? ""));
  } else {
    // Rewritten more than kept: the two texts side by side read better than the words crossed out.
    const kept = item.diff.filter((seg) => seg.op === "equal").reduce((n, seg) => n + seg.text.length, 0);
    const all = item.diff.reduce((n, seg) => n + seg.text.length, 0);
    body =
      all && kept / all < 0.5
        ? el(
            "div",
            { class: "review-sides" },
            el("div", {}, el("p", { class: "muted" }, "As sent"), el("p", { class: "document-text" }, item.base ?? "")),
            el("div", {}, el("p", { class: "muted" }, `${item.author}’s`), el("p", { class: "document-text" }, item.theirs ?? "")),
          )
        : el("p", { class: "document-text" }, words(item.diff, "both"));
  }
  const buttons = decided
    ? null
    : el(
        "div",
        { class: "review-buttons" },
        el("button", { class: "button primary", type: "button", "data-accept": String(item.n), onclick: () => decide({ kind: "items", value: [item.n] }, []) }, item.conflict ? `Take ${item.author}’s` : "Accept"),
        el("button", { class: "button", type: "button", "data-reject": String(item.n), onclick: () => decide({ kind: "none" }, [item.n]) }, item.conflict ? "Keep yours" : "Reject"),
      );
  // Their comments on the same question, beside the change.
  const said = item.op === "added" ? [] : comments.filter((c) => c.question && c.question === item.question);
  const notes = said.length ? el("ul", { class: "review-comments beside" }, said.map((c) => el("li", {}, el("strong", {}, `${c.author}: `), el("span", { class: "comment-text" }, c.text)))) : null;
  return el("li", { class: `review-item${item.conflict ? " conflict" : ""}${decided ? " decided" : ""}`, dataset: { n: String(item.n), op: item.op } }, head, body, notes, buttons);
}

// When the file did not say which version it was made on: the rapporteur
// may compare it with another one (the best match by content is proposed).
async function versionChoice(v, path, draw, report) {
  const versions = await call("list_versions", { id: v.draft_id });
  const select = el(
    "select",
    { id: "review-version", "aria-label": "The version the file was made on" },
    versions.slice().reverse().map((ver) => el("option", { value: String(ver.id), selected: ver.id === v.base_version }, ver.name)),
  );
  const again = el(
    "button",
    {
      class: "button",
      type: "button",
      onclick: async () => {
        try {
          const next = await call("bring_in_changes", { id: v.draft_id, path, version: Number(select.value) });
          await call("discard_review", { id: v.id }).catch(() => {});
          draw(next);
        } catch (e) {
          report(e.message);
        }
      },
    },
    "Compare with this version",
  );
  return el("p", { class: "review-version" }, el("label", {}, "Made on ", select), " ", again);
}

// Shows review `view` in the sheet; `onApplied` redraws the draft after a
// decision; `path`, when known, lets the rapporteur choose another version.
export function showReview(view, onApplied, report, path = null) {
  const sheet = document.getElementById("sheet");
  const draw = (v) => {
    clear(sheet);
    sheet.classList.add("wide");
    const decide = async (accept, reject) => {
      try {
        const next = await call("decide_review", { id: v.id, accept, reject });
        draw(next);
        await onApplied();
        report(next.pending ? `${next.pending} change${next.pending === 1 ? "" : "s"} still to decide` : "All the changes are decided (Undo takes the last decision back)");
      } catch (e) {
        report(e.message);
      }
    };
    const pending = v.items.filter((i) => i.decision === "pending");
    const conflicts = v.items.filter((i) => i.conflict);
    const others = v.items.filter((i) => !i.conflict);
    const against = v.recognised ? `made on the version “${v.base_version_name}”` : `compared with the version “${v.base_version_name}”, the one its questions match best (the file does not say which was sent)`;
    sheet.append(
      el("h2", { id: "review-title" }, `Changes from ${v.source}`),
      el("p", { class: "muted" }, `${v.items.length} change${v.items.length === 1 ? "" : "s"}, ${against}. Nothing is applied until you accept it.`),
      el(
        "div",
        { class: "review-toolbar" },
        el("button", { class: "button primary", type: "button", id: "review-accept-all", disabled: !pending.length, onclick: () => decide({ kind: "all" }, []) }, "Accept all"),
        v.authors.map((a) => el("button", { class: "button", type: "button", disabled: !pending.some((i) => i.author === a), onclick: () => decide({ kind: "author", value: a }, []) }, `Accept all from ${a}`)),
        el("span", { class: "spacer" }),
        el("button", { class: "button", type: "button", id: "review-close", onclick: () => { sheet.hidden = true; sheet.classList.remove("wide"); } }, "Close"),
      ),
      el(
        "div",
        { class: "review-list" },
        conflicts.length ? [el("h3", {}, "Changed on both sides"), el("ol", { class: "review-items" }, conflicts.map((i) => itemBlock(i, decide, v.comments)))] : null,
        others.length ? [el("h3", {}, "Their changes"), el("ol", { class: "review-items" }, others.map((i) => itemBlock(i, decide, v.comments)))] : null,
        v.items.length ? null : el("p", { class: "empty" }, "Nothing to bring in: the file has no change that is not already in the draft."),
        v.comments.length
          ? [
              el("h3", {}, "Comments"),
              el(
                "ul",
                { class: "review-comments" },
                v.comments.map((c) => el("li", {}, el("strong", {}, c.question ? `On question ${c.question}` : "On the list"), ` — ${c.author}: `, el("span", { class: "comment-text" }, c.text))),
              ),
              el("p", { class: "muted" }, "Comments are kept with their questions (shown beside them, never exported) once you decide on a change."),
            ]
          : null,
      ),
    );
    if (!v.recognised && path) {
      const slot = el("div", {});
      sheet.querySelector(".review-toolbar").before(slot);
      versionChoice(v, path, draw, report).then((node) => slot.append(node), (e) => report(e.message));
    }
    sheet.hidden = false;
  };
  draw(view);
}

// The reviews of a draft with changes still to decide, for the side panel.
export async function pendingReviews(draftId, onApplied, report) {
  const list = await call("list_reviews", { id: draftId });
  return list
    .filter((r) => r.pending > 0)
    .map((r) =>
      el(
        "li",
        {},
        el("button", { class: "link", type: "button", onclick: async () => showReview(await call("get_review", { id: r.id }), onApplied, report) }, `${r.source}: ${r.pending} change${r.pending === 1 ? "" : "s"} to decide`),
      ),
    );
}
