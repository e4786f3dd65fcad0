// Numbers as the API gives them, formatted for people: money always with its currency and two decimals.

const counts = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const decimals = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percents = new Intl.NumberFormat("en-GB", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function money(value, currency) {
  if (value === null || value === undefined) return "–";
  return currency ? `${decimals.format(Number(value))} ${currency}` : decimals.format(Number(value));
}

export const count = (value) => (value === null || value === undefined ? "–" : counts.format(Number(value)));

export const ratio = (value) => (value === null || value === undefined ? "–" : percents.format(Number(value)));

export function change(value) {
  if (value === null || value === undefined) return "";
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  return `${sign}${percents.format(Math.abs(Number(value)))}`;
}

/** One cell of a query result by its column type (money needs the row's currency). */
export function cell(value, type, currency) {
  switch (type) {
    case "money": return money(value, currency);
    case "count": return count(value);
    case "ratio": return ratio(value);
    case "quantity": return value === null || value === undefined ? "–" : Number.isInteger(Number(value)) ? count(value) : decimals.format(Number(value));
    default: return value === null || value === undefined ? "–" : String(value);
  }
}

export function dateTime(iso, zone) {
  return new Intl.DateTimeFormat("en-GB", { timeZone: zone, dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

const NAMES = { aov: "average order value", order_count: "orders", distinct_customers: "customers", net_revenue: "net revenue" };

/** A catalogue name in words: `payment_method` → "payment method", `aov` → "average order value". */
export function words(name) { return NAMES[name] || String(name).replaceAll("_", " "); }
