// One widget's fields: title, chart type, and its query (dataset, metrics, group-by, bucket, top-N, one filter,
// comparison, range), offered from the catalogue. Every field carries the JSON path the server's problems use.
import { h } from "../dom.js";
import { words, dateTime } from "../format.js";

const CHART_TYPES = [["kpi", "number"], ["line", "line"], ["area", "area"], ["bar", "bar"], ["stacked_bar", "stacked bar"], ["pie", "pie"], ["table", "table"]];

export function widgetFields(view, catalogue, model, widget, index, rerender) {
  const q = widget.query;
  const path = (name) => `widgets[${index}]${name ? `.${name}` : ""}`;
  const dataset = catalogue.datasets.find((d) => d.name === q.dataset) || catalogue.datasets[0];
  const id = (name) => `w${index}-${name}`;
  const labelled = (name, label, control) => h("div", { class: "field", dataset: { path: path(name) } }, h("label", { for: control.id }, label), control);
  const options = (values, selected, blank) => [blank ? h("option", { value: "" }, blank) : null,
    ...values.map(([value, text]) => h("option", { value, selected: value === selected }, text))];
  const filter = (q.filters || [])[0] || { dimension: "", values: [] };

  return h("fieldset", { class: "widget", dataset: { path: path("") } },
    h("legend", {}, `Widget ${index + 1}`),
    labelled("title", "Title", h("input", { id: id("title"), value: widget.title || "", maxlength: 100, oninput: (e) => { widget.title = e.target.value; } })),
    labelled("chartType", "Chart", h("select", { id: id("chart"), onchange: (e) => { widget.chartType = e.target.value; } }, options(CHART_TYPES, widget.chartType))),
    labelled("query.dataset", "Dataset", h("select", { id: id("dataset"), onchange: (e) => {
      q.dataset = e.target.value; q.metrics = []; q.groupBy = []; q.filters = []; rerender();
    } }, options(catalogue.datasets.map((d) => [d.name, words(d.name)]), q.dataset))),
    h("fieldset", { class: "field metrics", dataset: { path: path("query.metrics") } }, h("legend", {}, "Metrics"),
      dataset.metrics.map((m) => h("label", { class: "check", title: m.description },
        h("input", { type: "checkbox", name: id("metric"), value: m.name, checked: q.metrics.includes(m.name), onchange: (e) => {
          q.metrics = e.target.checked ? [...q.metrics, m.name] : q.metrics.filter((x) => x !== m.name);
        } }), ` ${words(m.name)}`))),
    labelled("query.groupBy", "Group by", h("select", { id: id("group"), onchange: (e) => { q.groupBy = e.target.value ? [e.target.value] : []; } },
      options(dataset.dimensions.map((d) => [d, words(d)]), q.groupBy[0] || "", "nothing"))),
    labelled("query.bucket", "Over time", h("select", { id: id("bucket"), onchange: (e) => { q.bucket = e.target.value || undefined; } },
      options(catalogue.buckets.map((b) => [b, `per ${b}`]), q.bucket || "", "no time buckets"))),
    labelled("query.top", "Top N groups", h("input", { id: id("top"), type: "number", min: 1, max: catalogue.limits.top, value: q.top ?? "",
      oninput: (e) => { q.top = e.target.value === "" ? undefined : Number(e.target.value); } })),
    h("div", { class: "field", dataset: { path: path("query.filters") } },
      h("label", { for: id("filter") }, "Only where"),
      h("select", { id: id("filter"), onchange: (e) => { setFilter(q, e.target.value, filter.values); } }, options(dataset.dimensions.map((d) => [d, words(d)]), filter.dimension, "no filter")),
      h("input", { id: id("filter-values"), "aria-label": "is one of (comma-separated)", placeholder: "is one of: a, b", value: filter.values.join(", "),
        oninput: (e) => { setFilter(q, (q.filters[0] || filter).dimension, e.target.value.split(",").map((v) => v.trim()).filter(Boolean)); } })),
    labelled("query.compare", "Compare with", h("select", { id: id("compare"), onchange: (e) => { q.compare = e.target.value || undefined; } },
      options(catalogue.comparisons.map((c) => [c, words(c)]), q.compare || "", "nothing"))),
    h("p", { class: "field", dataset: { path: path("query.from") } }, `Range: ${dateTime(q.from, q.timeZone)} to ${dateTime(q.to, q.timeZone)} (${q.timeZone}) `,
      h("button", { type: "button", class: "quiet", onclick: () => { Object.assign(q, { from: view.window.from, to: view.window.to, timeZone: view.window.timeZone }); rerender(); } }, "Use the view's range")),
    h("p", { class: "actions" },
      index > 0 ? h("button", { type: "button", class: "quiet", onclick: () => { move(model.widgets, index, -1); rerender(); } }, "Move up") : null,
      h("button", { type: "button", class: "quiet", onclick: () => { model.widgets.splice(index, 1); rerender(); } }, "Remove widget")));
}

function setFilter(query, dimension, values) {
  query.filters = dimension ? [{ dimension, values }] : [];
}

function move(list, index, by) {
  const [item] = list.splice(index, 1);
  list.splice(index + by, 0, item);
}
