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

function clear(form) {
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

/** Append one row to a repeating group, copied from row 1 with names renumbered. */
export function addRow(group, slug) {
  const rows = rowsOf(group);
  const number = rows.length + 1;
  const name = group.dataset.repeat;
  const label = group.dataset.rowLabel;
  const idStem = inputId(slug, `${name}.`);
  const row = rows[0].cloneNode(true);
  row.dataset.row = String(number);
  for (const node of row.querySelectorAll("*")) {
    for (const attr of ["id", "for", "aria-describedby"]) {
      const value = node.getAttribute(attr);
      if (value) node.setAttribute(attr, value.split(`${idStem}1-`).join(`${idStem}${number}-`));
    }
    for (const attr of ["name", "data-field"]) {
      const value = node.getAttribute(attr);
      if (value) node.setAttribute(attr, value.replace(`${name}.1.`, `${name}.${number}.`));
    }
    if (node.matches(".roh-error-message")) { node.hidden = true; node.textContent = ""; }
    if (node.matches(".roh-field--error")) node.classList.remove("roh-field--error");
    if (node.matches("input, textarea, select")) {
      node.removeAttribute("aria-invalid");
      if (node.type === "checkbox" || node.type === "radio") node.checked = false;
      else node.value = "";
    }
  }
  const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    text.nodeValue = text.nodeValue.replace(new RegExp(`\\b${label} 1\\b`), `${label} ${number}`);
  }
  rows[rows.length - 1].after(row);
  updateAddButton(group);
  return row;
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
