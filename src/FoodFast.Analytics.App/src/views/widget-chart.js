// One saved-dashboard widget's result drawn as its chart type: number (kpi), line, area, bar, stacked bar, pie, table.
import { h, table } from "../dom.js";
import { cell, words } from "../format.js";
import { columns as columnChart, lines, pie } from "../charts.js";

const METRIC_TYPES = ["money", "count", "ratio", "quantity"];

export function widgetChart(result, chartType, title) {
  const names = result.columns.map((c) => c.name);
  const typeOf = Object.fromEntries(result.columns.map((c) => [c.name, c.type]));
  const metrics = names.filter((n) => METRIC_TYPES.includes(typeOf[n]));
  const hasBucket = names.includes("bucket");
  const rows = result.rows.map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]])));
  // The currency names a group only when the answer has several; money values carry theirs anyway.
  const currencies = new Set(rows.map((r) => r.currency).filter(Boolean));
  const groups = names.filter((n) => (typeOf[n] === "dimension" || typeOf[n] === "label") && (n !== "currency" || currencies.size > 1));
  const labelled = new Set(names.filter((n) => typeOf[n] === "label").map((n) => n.replace(/_name$/, "")));
  const groupOf = (r) => groups.filter((g) => !labelled.has(g)).map((g) => r[g]).filter((v) => v !== null && v !== undefined).map(words).join(" · ");
  if (!rows.length) return h("p", { class: "empty" }, "No rows for this query.");

  if (chartType === "table" || !metrics.length) {
    return table(names.map(words), rows.map((r) => names.map((n) => cell(r[n], typeOf[n], r.currency))), { numeric: names.map((n, i) => (metrics.includes(n) ? i : -1)) });
  }
  if (chartType === "kpi") {
    return rows.slice(0, 6).map((r) => h("div", { class: "tiles" }, metrics.filter((m) => !m.endsWith("_previous") && !m.endsWith("_change")).map((m) =>
      h("div", { class: "tile", dataset: { metric: m } }, h("span", { class: "label" }, [words(m), groupOf(r)].filter(Boolean).join(", ")), h("span", { class: "value" }, cell(r[m], typeOf[m], r.currency))))));
  }
  const shown = metrics.filter((m) => !m.endsWith("_change"));
  if (chartType === "pie") {
    return pie(rows.map((r) => groupOf(r) || words(shown[0])), rows.map((r) => r[shown[0]]), { label: title });
  }
  const keys = hasBucket ? [...new Set(rows.map((r) => r.bucket))] : [...new Set(rows.map(groupOf))];
  const seriesKeys = hasBucket ? [...new Set(rows.map(groupOf))] : [""];
  const series = seriesKeys.flatMap((s) => shown.map((m) => ({
    name: [words(m), s].filter(Boolean).join(" "),
    area: chartType === "area",
    values: keys.map((k) => (rows.find((r) => (hasBucket ? r.bucket === k && groupOf(r) === s : groupOf(r) === k)) || {})[m] ?? 0),
  })));
  if (chartType === "line" || chartType === "area") return lines(keys, series, { label: title });
  return columnChart(keys, series, { stacked: chartType === "stacked_bar", label: title });
}
