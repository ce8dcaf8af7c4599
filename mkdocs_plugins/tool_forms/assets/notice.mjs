// The notice at the top of a tool that says what happened to its draft. It
// lives in a role="status" region rendered with the page, so each new notice is
// announced; its buttons are handled by one listener on the region.

/**
 * Replace the notice: a title, paragraphs, and buttons given as
 * [action, label, style?] (style "secondary" unless given).
 */
export function showNotice(region, { kind, tone, title, lines, actions }) {
  const box = document.createElement("div");
  box.className = `roh-notice roh-notice--${tone}`;
  box.dataset.notice = kind;
  const heading = document.createElement("p");
  heading.className = "roh-notice__title";
  heading.textContent = title;
  box.append(heading);
  for (const line of lines) {
    const paragraph = document.createElement("p");
    paragraph.textContent = line;
    box.append(paragraph);
  }
  if (actions.length) {
    const group = document.createElement("div");
    group.className = "roh-button-group";
    for (const [action, label, style = "secondary"] of actions) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = `roh-button roh-button--${style}`;
      button.dataset.action = action;
      button.textContent = label;
      group.append(button);
    }
    box.append(group);
  }
  region.replaceChildren(box);
}

/** Remove the notice, or only a notice of one of `kinds` when any are given. */
export function clearNotice(region, kinds = []) {
  const current = region.firstElementChild;
  if (current && (!kinds.length || kinds.includes(current.dataset.notice))) region.replaceChildren();
}
