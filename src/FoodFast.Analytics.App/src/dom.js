// Building DOM without innerHTML: every text is set as text, so nothing from the API is ever parsed as markup.

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(element.dataset, value);
    else if (value === true) element.setAttribute(name, "");
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A table from column headings and rows of cells (text or nodes); numeric columns are right-aligned. */
export function table(headings, rows, { numeric = [], caption } = {}) {
  return h("table", {},
    caption ? h("caption", {}, caption) : null,
    h("thead", {}, h("tr", {}, headings.map((text, i) => h("th", { scope: "col", class: numeric.includes(i) ? "n" : null }, text)))),
    h("tbody", {}, rows.map((row) => h("tr", {}, row.map((cell, i) => h("td", { class: numeric.includes(i) ? "n" : null }, cell))))));
}

let loading = 0;

/**
 * When the last loading panel has its content and the browser has drawn it, marks `ff-drawn` in the performance
 * timeline and on <html data-drawn> (milliseconds since the page's navigation): bench/app.sh reads it.
 */
function settled() {
  loading -= 1;
  if (loading === 0) {
    requestAnimationFrame(() => requestAnimationFrame(() => {
      performance.mark("ff-drawn");
      document.documentElement.dataset.drawn = performance.now().toFixed(1);
    }));
  }
}

/** A section with a heading, whose body shows progress until its content (or its problem) arrives. */
export function panel(title, { wide = false, id } = {}) {
  const body = h("div", { class: "panel-body", "aria-busy": "true" }, h("p", { class: "progress" }, "Loading…"));
  const element = h("section", { class: wide ? "panel wide" : "panel", id, "aria-label": title }, h("h2", {}, title), body);
  let done = false;
  loading += 1;
  document.documentElement.removeAttribute("data-drawn");
  const finish = () => { if (!done) { done = true; body.removeAttribute("aria-busy"); settled(); } };
  return {
    element,
    show(...children) { finish(); replace(body, ...children); },
    fail(error) { finish(); replace(body, problemBox(error)); },
    body,
  };
}

export function problemBox(error) {
  const problem = error && error.problem;
  const lines = problem && problem.errors ? Object.entries(problem.errors).map(([field, messages]) => `${field}: ${[].concat(messages).join(" ")}`) : [];
  return h("div", { class: "problem", role: "alert" },
    h("strong", {}, problem ? problem.title || `Error ${error.status}` : "The service could not be reached"),
    problem && problem.detail ? h("p", {}, problem.detail) : error && !problem ? h("p", {}, String(error.message || error)) : null,
    lines.length ? h("ul", {}, lines.map((line) => h("li", {}, line))) : null);
}
