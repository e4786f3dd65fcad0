// Editing a saved dashboard: name, sharing, and widgets whose queries are built from the query model's own catalogue
// (GET /analytics/query/catalogue). The server validates; its problems are shown beside the field they name.
// Saving sends If-Match with the version read, so a save over someone else's change is refused (412) and explained.
import { h, problemBox, replace } from "../dom.js";
import { get, request } from "../api.js";
import { words } from "../format.js";
import { go } from "../state.js";
import { widgetFields } from "./widget-fields.js";

let catalogue = null;
const loadCatalogue = () => (catalogue ||= get("/analytics/query/catalogue").catch((e) => { catalogue = null; throw e; }));

export function newWidget(view) {
  return {
    title: "Revenue by day", chartType: "line",
    query: { dataset: "orders", metrics: ["revenue"], from: view.window.from, to: view.window.to, timeZone: view.window.timeZone, bucket: "day", groupBy: [], filters: [] },
  };
}

export function dashboardEditor(view, dashboard) {
  const model = dashboard
    ? { name: dashboard.name, public: dashboard.public, widgets: structuredClone(dashboard.widgets) }
    : { name: "", public: false, widgets: [newWidget(view)] };
  const root = h("main", { class: "editor" }, h("p", { class: "progress" }, "Loading the catalogue…"));
  loadCatalogue().then((c) => render(root, view, dashboard, model, c)).catch((e) => replace(root, problemBox(e)));
  return root;
}

function render(root, view, dashboard, model, catalogue) {
  const status = h("div", { class: "save-status", role: "status", "aria-live": "polite" });
  const rerender = () => render(root, view, dashboard, model, catalogue);
  const form = h("form", { class: "dashboard-form", novalidate: true, onsubmit: (e) => { e.preventDefault(); save(root, view, dashboard, model, status); } },
    h("h1", {}, dashboard ? `Edit “${dashboard.name}”` : "New dashboard"),
    field("name", "Name", h("input", { id: "dashboard-name", value: model.name, maxlength: 100, oninput: (e) => { model.name = e.target.value; } })),
    h("label", { class: "check", dataset: { path: "public" } },
      h("input", { type: "checkbox", id: "dashboard-public", checked: model.public, onchange: (e) => { model.public = e.target.checked; } }),
      " Share with everyone in the shop (otherwise only you and admins see it)"),
    model.widgets.map((widget, index) => widgetFields(view, catalogue, model, widget, index, rerender)),
    h("p", {}, h("button", { type: "button", onclick: () => { model.widgets.push(newWidget(view)); rerender(); } }, "Add a widget")),
    h("p", { class: "actions" },
      h("button", { type: "submit" }, "Save"),
      h("button", { type: "button", class: "quiet", onclick: () => go(dashboard ? ["dashboards", dashboard.id] : ["dashboards"], { edit: "" }) }, "Cancel")),
    status);
  replace(root, form);
}

function field(path, label, control) {
  const id = control.id;
  return h("div", { class: "field", dataset: { path } }, h("label", { for: id }, label), control);
}

async function save(root, view, dashboard, model, status, overwrite = false) {
  root.querySelectorAll(".field-error").forEach((e) => e.remove());
  root.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
  replace(status, "Saving…");
  const body = { name: model.name, public: model.public, widgets: model.widgets, shopId: view.shop };
  try {
    const saved = dashboard
      ? await request("PUT", `/dashboards/${dashboard.id}`, { body, headers: overwrite ? {} : { "If-Match": `"${dashboard.version}"` } })
      : await request("POST", "/dashboards", { body });
    go(["dashboards", saved.body.id], { edit: "" });
  } catch (e) {
    if (e.status === 412) {
      replace(status, h("div", { class: "problem", role: "alert" },
        h("strong", {}, "Someone changed this dashboard since you opened it."),
        h("p", {}, `You edited version ${dashboard.version}. Your changes are still here; saving now would replace theirs.`),
        h("button", { type: "button", onclick: () => save(root, view, dashboard, model, status, true) }, "Replace their version with mine"),
        h("button", { type: "button", class: "quiet", onclick: () => location.reload() }, "Discard mine and load theirs")));
      return;
    }
    showFieldErrors(root, e.fieldErrors);
    replace(status, problemBox(e));
  }
}

/** Puts each message beside the deepest field whose data-path the problem's path starts with (`widgets[1].query.metrics[0]`). */
function showFieldErrors(root, errors) {
  const fields = [...root.querySelectorAll("[data-path]")];
  for (const [path, messages] of Object.entries(errors)) {
    const target = fields.filter((f) => path === f.dataset.path || path.startsWith(`${f.dataset.path}.`) || path.startsWith(`${f.dataset.path}[`))
      .sort((a, b) => b.dataset.path.length - a.dataset.path.length)[0];
    if (!target) continue;
    const control = target.querySelector("input, select");
    if (control) control.setAttribute("aria-invalid", "true");
    target.append(h("p", { class: "field-error", role: "alert", dataset: { for: path } }, `${words(path.split(".").pop())}: ${[].concat(messages).join(" ")}`));
  }
}
