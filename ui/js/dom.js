// A tiny DOM helper. Text is always inserted as text (never as HTML): documents
// are untrusted input.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") {
      node.className = value;
      // A document's text takes its direction from its letters (Arabic reads
      // from the right); a paragraph's number and an item's label ("(a)") do
      // not decide it.
      if (/\bdocument-text\b/.test(value)) node.dir = "auto";
      else if (/\b(label|para-number)\b/.test(value)) node.dir = "ltr";
    }
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// Splits a search snippet on the core's highlight markers (U+0002 … U+0003)
// into text nodes and <mark> elements.
export function highlighted(snippet) {
  const out = [];
  const parts = String(snippet).split("\u0002");
  out.push(parts[0]);
  for (const part of parts.slice(1)) {
    const [marked, rest = ""] = part.split("\u0003");
    out.push(el("mark", {}, marked), rest);
  }
  return out;
}
