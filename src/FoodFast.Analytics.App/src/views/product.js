// A product's page: its performance over time (from its order lines), what is bought with it, and its stock.
import { h, panel, table } from "../dom.js";
import { cell, money, ratio, dateTime, words } from "../format.js";
import { get } from "../api.js";
import { ask, records, windowQuery } from "../results.js";
import { lines } from "../charts.js";
import { go } from "../state.js";
import { emptyState } from "./empty.js";

/** `view.product` is the product's id (from the route). */
export function productView(view) {
  const heading = h("h1", {}, view.product);
  return h("div", { class: "grid" },
    h("div", { class: "wide crumbs" }, h("a", { href: "#", onclick: (e) => { e.preventDefault(); go(["overview"]); } }, "← Overview"), heading),
    performance(view, heading), together(view, view.product), stock(view, view.product));
}

function performance(view, heading) {
  const p = panel("Performance over time", { wide: true, id: "product-performance" });
  const filters = [{ dimension: "product", values: [view.product] }];
  Promise.all([
    ask(view, "order_items", ["revenue", "units", "order_count"], { bucket: view.window.bucket, filters }),
    ask(view, "order_items", ["revenue", "units", "order_count", "distinct_customers"], { groupBy: ["product"], filters }),
  ]).then(([trend, total]) => {
    const sums = records(total);
    if (sums[0] && sums[0].product_name) heading.textContent = sums[0].product_name;
    if (!sums.length) return p.show(emptyState(view, "sales of this product"));
    const rows = records(trend);
    const buckets = [...new Set(rows.map((r) => r.bucket))];
    const of = (name) => buckets.map((b) => rows.filter((r) => r.bucket === b).reduce((s, r) => s + (r[name] || 0), 0));
    p.show(
      h("div", { class: "tiles" }, sums.map((s) => [
        tile("revenue", money(s.revenue, s.currency)), tile("units", cell(s.units, "quantity")),
        tile("orders", cell(s.order_count, "count")), tile("customers", cell(s.distinct_customers, "count"))])),
      lines(buckets, [{ name: "units", values: of("units"), area: true }, { name: "orders", values: of("order_count"), axis: 1 }], { label: "Units and orders per bucket" }));
  }).catch((e) => p.fail(e));
  return p.element;
}

const tile = (label, value) => h("div", { class: "tile", dataset: { metric: label } }, h("span", { class: "label" }, label), h("span", { class: "value" }, value));

function together(view, productId) {
  const p = panel("Bought together", { id: "bought-together" });
  get(`/recommendations/products/${encodeURIComponent(productId)}/bought-together`, { ...windowQuery(view), limit: 10 }).then((b) => {
    if (!b.products.length) return p.show(h("p", { class: "empty" }, `Not enough orders with this product in this range (${b.ordersWithProduct} of ${b.orders}; at least ${b.minSupport} together needed).`));
    p.show(table(["product", "category", "orders together", "confidence", "lift"], b.products.map((x) => [
      h("a", { href: "#", onclick: (e) => { e.preventDefault(); go(["product", x.productId]); } }, x.productName || x.productId),
      words(x.category || ""), cell(x.orders, "count"), ratio(x.confidence), x.lift.toFixed(2)]), { numeric: [2, 3, 4] }));
  }).catch((e) => p.fail(e));
  return p.element;
}

function stock(view, productId) {
  const p = panel("Stock", { id: "product-stock" });
  get("/analytics/products/inventory", windowQuery(view)).then((s) => {
    const level = s.products.find((x) => x.productId === productId);
    p.show(level
      ? h("p", { class: level.level <= s.threshold ? "warning" : "" }, `${cell(level.level, "count")} in stock as of ${dateTime(level.at, view.window.timeZone)}`,
        level.level <= s.threshold ? ` (at or below ${s.threshold})` : "")
      : h("p", { class: "empty" }, "No stock level reported for this product in this range."));
  }).catch((e) => p.fail(e));
  return p.element;
}
