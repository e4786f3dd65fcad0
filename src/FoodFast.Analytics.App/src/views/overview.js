// The overview: every figure of a shop for a window, each panel from the public API, drawn as it arrives.
import { h } from "../dom.js";
import { kpiPanel, trendPanel, customersPanel } from "./overview-time.js";
import { breakdownPanel, productsPanel } from "./overview-breakdowns.js";
import { funnelPanel, retentionPanel, segmentsPanel, searchTermsPanel, stockPanel } from "./overview-behaviour.js";

export function overview(view) {
  const panels = [
    kpiPanel(view), trendPanel(view),
    productsPanel(view),
    breakdownPanel(view, { title: "Top categories", dataset: "order_items", dimension: "category", filter: "category" }),
    breakdownPanel(view, { title: "Orders by status", dataset: "orders", dimension: "status", metric: "order_count" }),
    breakdownPanel(view, { title: "Revenue by country", dataset: "orders", dimension: "country", filter: "country" }),
    breakdownPanel(view, { title: "Revenue by city", dataset: "orders", dimension: "city" }),
    breakdownPanel(view, { title: "Payment methods", dataset: "orders", dimension: "payment_method", metric: "order_count", pie: true }),
    customersPanel(view), funnelPanel(view), retentionPanel(view), segmentsPanel(view), searchTermsPanel(view), stockPanel(view),
  ];
  return h("div", { class: "grid" }, panels);
}

