// Panels from the family endpoints, which read the whole shop: the conversion funnel, retention cohorts (a heat map),
// RFM segments, search terms and stock warnings.
import { h, panel, table } from "../dom.js";
import { cell, money, ratio, words, dateTime } from "../format.js";
import { get } from "../api.js";
import { records, windowQuery } from "../results.js";
import { bars, heat } from "../charts.js";
import { go } from "../state.js";
import { unfilteredNote } from "./empty.js";

function family(view, title, id, path, query, render) {
  const p = panel(title, { id });
  get(path, { ...windowQuery(view), ...query }).then((body) => p.show(unfilteredNote(view), render(body))).catch((e) => p.fail(e));
  return p.element;
}

export const funnelPanel = (view) => family(view, "Conversion funnel", "funnel", "/analytics/users/conversion", {}, (f) => {
  if (!f.steps.length || f.steps[0].count === 0) return h("p", { class: "empty" }, "No sessions in this range.");
  return [
    bars(f.steps.map((s) => words(s.step)), f.steps.map((s) => s.count), { name: `${f.unit}s`, label: "Conversion funnel" }),
    table(["step", `${f.unit}s`, "from previous", "overall"], f.steps.map((s) => [words(s.step), cell(s.count, "count"), ratio(s.stepConversion), ratio(s.overallConversion)]), { numeric: [1, 2, 3] }),
  ];
});

export const retentionPanel = (view) => family(view, "Retention by cohort", "retention", "/analytics/users/retention", { period: "month", periods: 6 }, (r) => {
  if (!r.cohorts.length) return h("p", { class: "empty" }, "No first orders in this range.");
  const width = Math.max(...r.cohorts.map((c) => c.rates.length));
  const columns = Array.from({ length: width }, (_, i) => `${r.period} ${i}`);
  const cells = r.cohorts.flatMap((c, row) => c.rates.map((rate, column) => [column, row, rate]));
  return [
    heat(r.cohorts.map((c) => `${c.cohort} (${c.size})`), columns, cells, { label: "Share of each cohort ordering again, by period" }),
    h("details", {}, h("summary", {}, "Show as table"),
      table(["cohort", "customers", ...columns], r.cohorts.map((c) => [c.cohort, cell(c.size, "count"), ...columns.map((_, i) => (i < c.rates.length ? ratio(c.rates[i]) : ""))]),
        { numeric: columns.map((_, i) => i + 1).concat(width + 1) })),
  ];
});

export const segmentsPanel = (view) => family(view, "Customer segments (RFM)", "segments", "/analytics/users/segments", {}, (s) => {
  if (!s.segments.some((x) => x.customers)) return h("p", { class: "empty" }, "No customers in this range.");
  return table(["segment", "customers", "orders each", "days since last order", "spent"], s.segments.map((x) => [
    words(x.name), cell(x.customers, "count"), x.averageOrders.toFixed(2), x.averageRecencyDays.toFixed(1),
    Object.entries(x.monetary || {}).map(([currency, value]) => money(value, currency)).join(", ") || "–"]), { numeric: [1, 2, 3, 4] });
});

export const searchTermsPanel = (view) => family(view, "Search terms", "search-terms", "/analytics/products/search", { limit: 10 }, (s) => {
  const top = records(s.topQueries), zero = records(s.zeroResultQueries);
  if (!top.length) return h("p", { class: "empty" }, "No searches in this range.");
  return [
    table(["search", "searches", "sessions"], top.map((q) => [q.query, cell(q.event_count, "count"), cell(q.unique_sessions, "count")]), { numeric: [1, 2], caption: "Most searched" }),
    zero.length ? table(["search", "searches"], zero.map((q) => [q.query, cell(q.event_count, "count")]), { numeric: [1], caption: "Searches that found nothing" }) : null,
  ];
});

export const stockPanel = (view) => family(view, "Stock warnings", "stock", "/analytics/products/inventory", {}, (s) => {
  if (!s.lowStock.length) return h("p", { class: "empty" }, `No product at or below ${s.threshold} in stock.`);
  return table(["product", "in stock", "as of"], [...s.lowStock].sort((a, b) => a.level - b.level).map((x) => [
    h("a", { href: "#", onclick: (e) => { e.preventDefault(); go(["product", x.productId]); } }, x.productName || x.productId),
    cell(x.level, "count"), dateTime(x.at, view.window.timeZone)]), { numeric: [1], caption: `At or below ${s.threshold}` });
});
