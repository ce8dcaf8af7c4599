// Render a tool's report blocks (tools/core/result.py) as DOM. Text only ever goes
// in through textContent, so nothing a reader typed can become markup.

const STATUS_LABELS = {
  met: "Shown", gap: "Gap", manual: "Check by hand", "not-given": "Not given in the source text",
};

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function table(block) {
  const node = el("table", "roh-table");
  if (block.caption) node.append(el("caption", "roh-table__caption", block.caption));
  const head = el("thead");
  const headRow = el("tr");
  for (const cell of block.head) {
    const th = el("th", "", cell);
    th.scope = "col";
    headRow.append(th);
  }
  head.append(headRow);
  const body = el("tbody");
  for (const row of block.rows) {
    const tr = el("tr");
    for (const cell of row) tr.append(el("td", "", cell));
    body.append(tr);
  }
  node.append(head, body);
  const wrapper = el("div", "roh-table-wrapper");
  wrapper.append(node);
  return wrapper;
}

function summary(block) {
  const list = el("dl", "roh-summary-list");
  for (const row of block.rows) {
    const item = el("div", "roh-summary-list__row");
    item.append(el("dt", "roh-summary-list__key", row.key), el("dd", "roh-summary-list__value", row.value));
    list.append(item);
  }
  return list;
}

function checks(block, level) {
  const wrapper = el("div", "roh-checks");
  wrapper.append(el(`h${Math.min(level, 6)}`, "roh-checks__caption", block.caption));
  const list = el("ul", "roh-checks__list");
  for (const item of block.items) {
    const li = el("li", `roh-check roh-check--${item.status}`);
    const title = el("p", "roh-check__title");
    title.append(el("strong", "roh-tag roh-tag--" + item.status, STATUS_LABELS[item.status] || item.status),
      " ", el("strong", "roh-check__code", item.code), " ", item.label);
    li.append(title);
    if (item.details.length) {
      const details = el("ul", "roh-check__details");
      for (const text of item.details) details.append(el("li", "", text));
      li.append(details);
    }
    list.append(li);
  }
  wrapper.append(list);
  return wrapper;
}

/** Supporting working, collapsed until the reader opens it. */
function details(block, shift) {
  const node = el("details", "roh-result__details");
  node.append(el("summary", "", block.summary), ...renderReport(block.blocks, shift));
  return node;
}

/** DOM nodes for `blocks`; report headings sit `shift` levels below an h2. */
export function renderReport(blocks, shift) {
  const nodes = [];
  for (const block of blocks) {
    if (block.type === "details") {
      nodes.push(details(block, shift));
      continue;
    }
    if (block.type === "heading") {
      nodes.push(el(`h${Math.min(block.level + shift, 6)}`, "roh-result__heading", block.text));
    } else if (block.type === "paragraph") {
      nodes.push(el("p", block.emphasis ? `roh-result__${block.emphasis}` : "", block.text));
    } else if (block.type === "list") {
      const list = el("ul");
      for (const item of block.items) list.append(el("li", "", item));
      nodes.push(list);
    } else if (block.type === "table") {
      nodes.push(table(block));
    } else if (block.type === "summary") {
      nodes.push(summary(block));
    } else if (block.type === "checks") {
      nodes.push(checks(block, 4 + shift));
    }
  }
  return nodes;
}
