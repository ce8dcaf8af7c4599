// GOV.UK-style errors: a summary at the top that takes focus and links to each
// field, and a message above each field. Answers are never cleared.
import { inputId } from "./form-state.mjs";

export function clearErrors(root) {
  const summary = root.querySelector('[data-role="error-summary"]');
  summary.hidden = true;
  summary.querySelector('[data-role="error-list"]').replaceChildren();
  for (const field of root.querySelectorAll(".roh-field--error")) {
    field.classList.remove("roh-field--error");
    const message = field.querySelector(':scope [data-role="field-error"]');
    if (message) { message.hidden = true; message.textContent = ""; }
  }
  for (const control of root.querySelectorAll('[aria-invalid="true"]')) {
    control.removeAttribute("aria-invalid");
  }
  for (const node of root.querySelectorAll("[aria-describedby]")) {
    const ids = node.getAttribute("aria-describedby").split(" ")
      .filter((id) => id && !id.endsWith("-error"));
    if (ids.length) node.setAttribute("aria-describedby", ids.join(" "));
    else node.removeAttribute("aria-describedby");
  }
  if (document.title.startsWith("Error: ")) document.title = document.title.slice(7);
}

function focusTarget(root, slug, fieldName) {
  return root.querySelector(`#${CSS.escape(inputId(slug, fieldName))}`);
}

function markField(root, slug, error) {
  const field = root.querySelector(`[data-field="${CSS.escape(error.field)}"]`);
  if (!field) return;
  field.classList.add("roh-field--error");
  const message = field.querySelector('[data-role="field-error"]');
  if (message && !message.textContent) {
    const prefix = document.createElement("span");
    prefix.className = "roh-visually-hidden";
    prefix.textContent = "Error: ";
    message.append(prefix, error.message);
    message.hidden = false;
  }
  const controls = [...field.querySelectorAll("input, textarea, select")];
  for (const control of controls) control.setAttribute("aria-invalid", "true");
  // A group of radios or checkboxes is described once, on its fieldset.
  const fieldset = field.querySelector("fieldset");
  for (const node of fieldset ? [fieldset] : controls) {
    const ids = (node.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    if (message && !ids.includes(message.id)) ids.push(message.id);
    node.setAttribute("aria-describedby", ids.join(" "));
  }
}

/** Show `errors` ([{field, message}]), move focus to the summary. */
export function showErrors(root, slug, errors) {
  clearErrors(root);
  const summary = root.querySelector('[data-role="error-summary"]');
  const list = summary.querySelector('[data-role="error-list"]');
  for (const error of errors) {
    const item = document.createElement("li");
    const target = error.field ? focusTarget(root, slug, error.field) : null;
    if (target) {
      const link = document.createElement("a");
      link.href = `#${target.id}`;
      link.textContent = error.message;
      link.addEventListener("click", (event) => {
        // Keep Material's instant navigation from treating this as a page visit.
        event.preventDefault();
        event.stopPropagation();
        const field = target.closest(".roh-field");
        const legendOrLabel = field && field.querySelector("legend, label");
        (legendOrLabel || target).scrollIntoView({ block: "start" });
        target.focus({ preventScroll: true });
      });
      item.append(link);
      markField(root, slug, error);
    } else {
      item.textContent = error.message;
    }
    list.append(item);
  }
  summary.hidden = false;
  if (!document.title.startsWith("Error: ")) document.title = `Error: ${document.title}`;
  summary.focus();
}
