// Saved dashboards: the list, one dashboard with every widget's answer, and (widget-editor.js) editing.
import { h, panel, problemBox } from "../dom.js";
import { get, request } from "../api.js";
import { dateTime } from "../format.js";
import { go } from "../state.js";
import { exportButton } from "../exporter.js";
import { widgetChart } from "./widget-chart.js";
import { dashboardEditor } from "./widget-editor.js";

export function dashboardsView(view, id) {
  if (id === "new") return dashboardEditor(view, null);
  if (id) return view.edit ? editExisting(view, id) : dashboardView(view, id);
  const p = panel("Saved dashboards", { wide: true, id: "dashboard-list" });
  get("/dashboards", { shopId: view.shop }).then((items) => {
    p.show(
      h("p", {}, h("button", { type: "button", onclick: () => go(["dashboards", "new"]) }, "New dashboard")),
      items.length ? h("ul", { class: "cards" }, items.map((d) => h("li", {},
        h("a", { href: "#", onclick: (e) => { e.preventDefault(); go(["dashboards", d.id]); } }, d.name),
        h("span", { class: "meta" }, ` ${d.public ? "shared with the shop" : "private"} · ${d.widgets.length} widgets · changed ${dateTime(d.updatedAt, view.window.timeZone)}`))))
        : h("p", { class: "empty" }, `No saved dashboards for ${view.shop} yet.`));
  }).catch((e) => p.fail(e));
  return h("div", { class: "grid" }, p.element);
}

function dashboardView(view, id) {
  const root = h("div", { class: "grid" }, h("p", { class: "progress wide" }, "Loading…"));
  Promise.all([get(`/dashboards/${id}`), get(`/dashboards/${id}/data`)]).then(([dashboard, data]) => {
    root.replaceChildren(
      h("div", { class: "wide crumbs" },
        h("a", { href: "#", onclick: (e) => { e.preventDefault(); go(["dashboards"], { edit: "" }); } }, "← Dashboards"),
        h("h1", {}, dashboard.name),
        h("span", { class: "meta" }, dashboard.public ? "shared with the shop" : "private", ` · version ${dashboard.version}`),
        h("button", { type: "button", onclick: () => go(["dashboards", id], { edit: "1" }) }, "Edit"),
        h("button", { type: "button", class: "quiet", onclick: () => remove(dashboard, root) }, "Delete")),
      ...data.widgets.map((w) => widgetPanel(view, w, dashboard.widgets[w.index])));
  }).catch((e) => root.replaceChildren(problemBox(e)));
  return root;
}

function widgetPanel(view, data, widget) {
  const p = panel(data.title || `Widget ${data.index + 1}`, { wide: data.chartType === "line" || data.chartType === "area" || data.chartType === "table" });
  p.element.dataset.widget = data.index;
  if (data.problem) p.fail({ status: data.problem.status, problem: data.problem });
  else p.show(widgetChart(data.result, data.chartType, data.title),
    exportButton(view, "widget", () => ({ kind: "custom", parameters: { from: widget.query.from, to: widget.query.to, tz: widget.query.timeZone, query: widget.query } })));
  return p.element;
}

async function remove(dashboard, root) {
  if (!confirm(`Delete the dashboard “${dashboard.name}”?`)) return;
  try {
    await request("DELETE", `/dashboards/${dashboard.id}`, { headers: { "If-Match": `"${dashboard.version}"` } });
    go(["dashboards"], { edit: "" });
  } catch (e) {
    root.prepend(problemBox(e));
  }
}

function editExisting(view, id) {
  const root = h("div", {}, h("p", { class: "progress" }, "Loading…"));
  get(`/dashboards/${id}`).then((d) => root.replaceChildren(dashboardEditor(view, d))).catch((e) => root.replaceChildren(problemBox(e)));
  return root;
}
