// Read and write a tool form's answers as the flat name → string map that
// tools.core.runtime expects: rows of repeating groups are `<group>.<row>.<field>`,
// a set of checkboxes is its keys joined by ",". Empty answers are left out.

/** The element id of an input, as tools.schema.input_id() makes it. */
export function inputId(slug, name) {
  return `${slug}-${name.replace(/[^A-Za-z0-9]/g, "-")}`;
}

export function collect(form) {
  const answers = {};
  for (const control of form.elements) {
    const name = control.name;
    if (!name || control.disabled) continue;
    if (control.type === "checkbox") {
      if (!control.checked) continue;
      answers[name] = answers[name] ? `${answers[name]},${control.value}` : control.value;
    } else if (control.type === "radio") {
      if (control.checked) answers[name] = control.value;
    } else if (control.value !== "") {
      answers[name] = control.value;
    }
  }
  return answers;
}

export function clear(form) {
  for (const control of form.elements) {
    if (!control.name) continue;
    if (control.type === "checkbox" || control.type === "radio") control.checked = false;
    else control.value = "";
  }
}

/** Replace every answer in the form with `answers`, adding rows as needed. */
export function fill(form, slug, answers) {
  clear(form);
  for (const [name, value] of Object.entries(answers)) {
    const row = /^([^.]+)\.(\d+)\.[^.]+$/.exec(name);
    if (row) ensureRows(form, slug, row[1], Number(row[2]));
    const controls = [...form.elements].filter((control) => control.name === name);
    for (const control of controls) {
      if (control.type === "checkbox") control.checked = value.split(",").includes(control.value);
      else if (control.type === "radio") control.checked = control.value === value;
      else control.value = value;
    }
  }
}

function rowsOf(group) {
  return group.querySelectorAll(":scope > .roh-repeat__row");
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Give `row` of `group` the number `to` in place of `from`: names, ids, labels, legend. */
function renumber(row, group, slug, from, to) {
  const name = group.dataset.repeat;
  const label = group.dataset.rowLabel;
  const idStem = inputId(slug, `${name}.`);
  row.dataset.row = String(to);
  for (const node of row.querySelectorAll("*")) {
    for (const attr of ["id", "for", "aria-describedby"]) {
      const value = node.getAttribute(attr);
      if (value) node.setAttribute(attr, value.split(`${idStem}${from}-`).join(`${idStem}${to}-`));
    }
    for (const attr of ["name", "data-field"]) {
      const value = node.getAttribute(attr);
      if (value) node.setAttribute(attr, value.replace(`${name}.${from}.`, `${name}.${to}.`));
    }
  }
  const pattern = new RegExp(`\\b${escapeRegExp(label)} ${from}\\b`, "i");
  const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    text.nodeValue = text.nodeValue.replace(pattern, (found) => `${found.slice(0, label.length)} ${to}`);
  }
}

/** The "Remove" button of an added row; its name says which row ("Remove Action 2"). */
function removeButton(label, number) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "roh-button roh-button--secondary roh-repeat__remove";
  button.dataset.action = "remove-row";
  const hidden = document.createElement("span");
  hidden.className = "roh-visually-hidden";
  hidden.textContent = ` ${label} ${number}`;
  button.append("Remove", hidden);
  return button;
}

/** Append one row to a repeating group, copied from row 1 with names renumbered. */
export function addRow(group, slug) {
  const rows = rowsOf(group);
  const number = rows.length + 1;
  const row = rows[0].cloneNode(true);
  for (const node of row.querySelectorAll('[data-action="remove-row"]')) node.remove();
  renumber(row, group, slug, 1, number);
  for (const node of row.querySelectorAll("*")) {
    if (node.matches(".roh-error-message")) { node.hidden = true; node.textContent = ""; }
    if (node.matches(".roh-field--error")) node.classList.remove("roh-field--error");
    if (node.matches("input, textarea, select")) {
      node.removeAttribute("aria-invalid");
      if (node.type === "checkbox" || node.type === "radio") node.checked = false;
      else node.value = "";
    }
  }
  row.append(removeButton(group.dataset.rowLabel, number));
  rows[rows.length - 1].after(row);
  updateAddButton(group);
  return row;
}

/**
 * Remove an added row; the rows after it move up one number (the form sends
 * rows by number). Returns the element that should take focus next.
 */
export function removeRow(group, row, slug) {
  const rows = [...rowsOf(group)];
  const at = rows.indexOf(row);
  row.remove();
  for (let index = at + 1; index < rows.length; index += 1) {
    renumber(rows[index], group, slug, index + 1, index);
  }
  updateAddButton(group);
  const next = rows[at + 1];
  if (next) return next.querySelector("input, textarea, select");
  const button = group.querySelector(':scope > [data-action="add-row"]');
  return button && !button.hidden ? button : rows[at - 1].querySelector("input, textarea, select");
}

/** Back to the rows the page was built with: every added row goes. */
export function resetRows(form) {
  for (const group of form.querySelectorAll("[data-repeat]")) {
    const initial = group.querySelectorAll(':scope > .roh-repeat__row:not(:has([data-action="remove-row"]))').length;
    for (const row of [...rowsOf(group)].slice(Math.max(initial, 1))) row.remove();
    updateAddButton(group);
  }
}

export function updateAddButton(group) {
  const button = group.querySelector(':scope > [data-action="add-row"]');
  if (button) button.hidden = rowsOf(group).length >= Number(group.dataset.maxRows || 20);
}

function ensureRows(form, slug, name, count) {
  const group = form.querySelector(`[data-repeat="${CSS.escape(name)}"]`);
  if (!group) return;
  const max = Number(group.dataset.maxRows || 20);
  while (rowsOf(group).length < Math.min(count, max)) addRow(group, slug);
}
