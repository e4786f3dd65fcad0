// Panels over time: the KPI tiles with their change, revenue and orders per bucket, new vs returning customers.
import { h, panel, table } from "../dom.js";
import { change, money, cell, words } from "../format.js";
import { ask, records, typeOf } from "../results.js";
import { lines, columns } from "../charts.js";
import { emptyState, filterNote } from "./empty.js";

const TILES = {
  orders: ["revenue", "net_revenue", "order_count", "aov", "distinct_customers", "new_customers"],
  order_items: ["revenue", "order_count", "units", "distinct_customers"],
};

/** With a category filter, order figures come from the order lines of that category. */
export const salesDataset = (view) => (view.filters.category ? "order_items" : "orders");

export function kpiPanel(view) {
  const p = panel("Key figures", { wide: true, id: "kpis" });
  const dataset = salesDataset(view);
  const compare = view.compare || undefined;
  ask(view, dataset, TILES[dataset], { compare }).then((result) => {
    if (result.rows.length === 0) return p.show(emptyState(view));
    p.show(records(result).map((row) => h("div", { class: "tiles", dataset: { currency: row.currency || "" } },
      TILES[dataset].map((metric) => tile(metric, typeOf(result, metric), row, compare)))));
  }).catch((e) => p.fail(e));
  return p.element;
}

function tile(metric, type, row, compare) {
  const delta = row[`${metric}_change`];
  const direction = delta > 0 ? "up" : delta < 0 ? "down" : "flat";
  return h("div", { class: "tile", dataset: { metric } },
    h("span", { class: "label" }, words(metric)),
    h("span", { class: "value" }, cell(row[metric], type, row.currency)),
    compare ? h("span", { class: `change ${direction}`, title: `before: ${cell(row[`${metric}_previous`], type, row.currency)}` },
      delta === null || delta === undefined ? "no earlier figure" : `${change(delta)} vs ${words(compare)}`) : null);
}

export function trendPanel(view) {
  const p = panel("Revenue and orders over time", { wide: true, id: "trend" });
  const dataset = salesDataset(view);
  ask(view, dataset, ["revenue", "order_count"], { bucket: view.window.bucket, compare: view.compare || undefined }).then((result) => {
    const rows = records(result);
    if (!rows.some((r) => r.order_count > 0)) return p.show(emptyState(view));
    const buckets = [...new Set(rows.map((r) => r.bucket))];
    const currencies = [...new Set(rows.map((r) => r.currency).filter(Boolean))];
    const series = currencies.flatMap((currency) => {
      const of = (name) => buckets.map((b) => (rows.find((r) => r.bucket === b && r.currency === currency) || {})[name] ?? 0);
      return [
        { name: `revenue ${currency}`, values: of("revenue"), area: true },
        ...(view.compare ? [{ name: `revenue ${currency}, ${words(view.compare)}`, values: of("revenue_previous") }] : []),
      ];
    });
    const orders = buckets.map((b) => rows.filter((r) => r.bucket === b).reduce((sum, r) => sum + (r.order_count || 0), 0));
    p.show(
      filterNote(view, dataset),
      lines(buckets, [...series, { name: "orders", values: orders, axis: 1 }], { label: "Revenue and orders per bucket" }),
      h("details", {}, h("summary", {}, "Show as table"),
        table(["bucket", "currency", "revenue", "orders"], rows.map((r) => [r.bucket, r.currency, money(r.revenue, r.currency), cell(r.order_count, "count")]), { numeric: [2, 3] })));
  }).catch((e) => p.fail(e));
  return p.element;
}

export function customersPanel(view) {
  const p = panel("New and returning customers", { id: "customers" });
  ask(view, "orders", ["new_customers", "returning_customers"], { bucket: view.window.bucket }).then((result) => {
    const rows = records(result);
    if (!rows.some((r) => r.new_customers || r.returning_customers)) return p.show(emptyState(view, "customers"));
    const total = (name) => rows.reduce((sum, r) => sum + (r[name] || 0), 0);
    p.show(
      filterNote(view, "orders"),
      columns(rows.map((r) => r.bucket), [{ name: "new", values: rows.map((r) => r.new_customers) }, { name: "returning", values: rows.map((r) => r.returning_customers) }],
        { stacked: true, label: "New and returning customers per bucket" }),
      h("p", { class: "summary" }, `${cell(total("new_customers"), "count")} new, ${cell(total("returning_customers"), "count")} returning (per bucket; a customer counts once per bucket).`));
  }).catch((e) => p.fail(e));
  return p.element;
}
