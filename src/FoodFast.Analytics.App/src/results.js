// Query results ({ columns: [{ name, type }], rows: [[…]] }) as objects, and the queries the views ask.
import { post } from "./api.js";

export function records(result) {
  const names = result.columns.map((c) => c.name);
  return result.rows.map((row) => Object.fromEntries(names.map((name, i) => [name, row[i]])));
}

export const typeOf = (result, name) => (result.columns.find((c) => c.name === name) || {}).type;

/** Which of the view's filters a dataset can apply: every dataset has country; orders have no category. */
const FILTERABLE = { orders: ["country"], order_items: ["country", "category"], events: ["country", "category"] };

export function unappliedFilters(dataset, view) {
  return Object.keys(view.filters).filter((name) => !FILTERABLE[dataset].includes(name));
}

/** Runs an AnalyticsQuery on the view's shop, window, zone and filters (`extra` adds bucket, groupBy, sort, …). */
export function ask(view, dataset, metrics, extra = {}) {
  const filters = FILTERABLE[dataset].filter((name) => view.filters[name]).map((name) => ({ dimension: name, values: [view.filters[name]] }));
  return post("/analytics/query", {
    dataset, metrics, shopId: view.shop, from: view.window.from, to: view.window.to, timeZone: view.window.timeZone,
    filters: [...filters, ...(extra.filters || [])], ...withoutFilters(extra),
  });
}

function withoutFilters({ filters, ...rest }) { return rest; }

/** The window's parameters for the named endpoints. */
export const windowQuery = (view) => ({ shopId: view.shop, from: view.window.from, to: view.window.to, timeZone: view.window.timeZone });
