// Panels by a dimension: top products (each opens its page), categories and countries (each filters the view),
// status, city and payment methods. Every chart has its table, whose links work by keyboard.
import { h, panel, table } from "../dom.js";
import { cell, money, words } from "../format.js";
import { ask, records } from "../results.js";
import { bars, pie } from "../charts.js";
import { go } from "../state.js";
import { emptyState, filterNote } from "./empty.js";

const TOP = 10;

export function productsPanel(view) {
  const p = panel("Top products", { id: "top-products" });
  ask(view, "order_items", ["revenue", "units"], { groupBy: ["product"], sort: { by: "revenue", descending: true }, limit: TOP }).then((result) => {
    const rows = records(result);
    if (rows.length === 0) return p.show(emptyState(view));
    const open = (row) => go(["product", row.product]);
    p.show(
      bars(rows.map((r) => r.product_name || r.product), rows.map((r) => r.revenue), { name: "revenue", label: "Top products by revenue", onClick: (e) => open(rows[rows.length - 1 - e.dataIndex]) }),
      table(["product", "revenue", "units"], rows.map((r) => [
        h("a", { href: "#", onclick: (e) => { e.preventDefault(); open(r); }, dataset: { product: r.product } }, r.product_name || r.product),
        money(r.revenue, r.currency), cell(r.units, "quantity")]), { numeric: [1, 2] }));
  }).catch((e) => p.fail(e));
  return p.element;
}

/**
 * One dimension's breakdown by revenue (or `metric`), top 10. With `filter`, choosing a row filters the whole view by it.
 * A breakdown by the very dimension the view is filtered on would show one row, so it offers to clear the filter instead.
 */
export function breakdownPanel(view, { title, dataset, dimension, metric = "revenue", filter, pie: asPie = false }) {
  const p = panel(title, { id: `by-${dimension}` });
  if (filter && view.filters[filter]) {
    p.show(h("p", {}, `Filtered to ${words(filter)} ${view.filters[filter]}. `, h("button", { type: "button", onclick: () => go(null, { [filter]: "" }) }, `Show every ${words(filter)}`)));
    return p.element;
  }
  const metrics = metric === "revenue" ? ["revenue", "order_count"] : [metric, "revenue"];
  ask(view, dataset, metrics, { groupBy: [dimension], top: TOP, sort: { by: metric, descending: true } }).then((result) => {
    const rows = records(result).filter((r) => r[metric]);
    if (rows.length === 0) return p.show(emptyState(view));
    const label = (r) => (r[dimension] === "other" ? "other" : words(r[dimension] ?? "unknown"));
    const choose = filter ? (r) => r[dimension] !== "other" && go(null, { [filter]: r[dimension] }) : null;
    const values = rows.map((r) => r[metric]);
    p.show(
      filterNote(view, dataset),
      asPie ? pie(rows.map(label), values, { label: title })
        : bars(rows.map(label), values, { name: words(metric), label: title, onClick: choose ? (e) => choose(rows[rows.length - 1 - e.dataIndex]) : undefined }),
      table([words(dimension), ...metrics.map(words)], rows.map((r) => [
        choose && r[dimension] !== "other" ? h("a", { href: "#", onclick: (e) => { e.preventDefault(); choose(r); } }, label(r)) : label(r),
        ...metrics.map((m) => (m === "revenue" ? money(r.revenue, r.currency) : cell(r[m], "count")))]), { numeric: [1, 2] }));
  }).catch((e) => p.fail(e));
  return p.element;
}
