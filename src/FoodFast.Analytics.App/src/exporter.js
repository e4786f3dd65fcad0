// Export what is on screen as CSV, XLSX or PDF: a report job (POST /reports), its progress polled, then the file.
import { h, replace, problemBox } from "./dom.js";
import { authHeaders, get, post } from "./api.js";

/** The report that reproduces a view: the sales summary, or a custom query when the view is filtered or a product. */
export function reportFor(view, route) {
  const period = { from: view.window.from, to: view.window.to, tz: view.window.timeZone };
  const filters = Object.entries(view.filters).map(([dimension, value]) => ({ dimension, values: [value] }));
  if (route === "product") filters.push({ dimension: "product", values: [view.product] });
  if (!filters.length) return { kind: "sales_summary", parameters: period };
  return {
    kind: "custom",
    parameters: { ...period, query: { dataset: "order_items", metrics: ["revenue", "order_count", "units"], bucket: view.window.bucket, filters } },
  };
}

export function exportButton(view, route, report = () => reportFor(view, route)) {
  const status = h("div", { class: "export-status", role: "status", "aria-live": "polite" });
  const format = h("select", { "aria-label": "Export format" }, ["csv", "xlsx", "pdf"].map((f) => h("option", { value: f }, f.toUpperCase())));
  const start = h("button", { type: "button", onclick: () => run(view, report(), format.value, status, start) }, "Export");
  return h("div", { class: "export control" }, format, start, status);
}

async function run(view, report, format, status, button) {
  button.disabled = true;
  const bar = h("progress", { max: 100, value: 0 });
  replace(status, bar, " queued");
  try {
    let job = await post("/reports", { ...report, format, shopId: view.shop });
    while (job.status === "queued" || job.status === "running") {
      replace(status, h("progress", { max: 100, value: job.progress || 0 }), ` ${job.status} ${job.progress || 0}%`);
      await new Promise((resolve) => setTimeout(resolve, 700));
      job = await get(`/reports/${job.id}`);
    }
    if (job.status !== "succeeded") {
      replace(status, h("span", { class: "problem" }, `The export ${job.status}: ${job.error || "no file"}`));
      return;
    }
    replace(status, h("button", { type: "button", class: "download", onclick: () => download(job) }, `Download ${job.fileName}`));
  } catch (e) {
    replace(status, problemBox(e));
  } finally {
    button.disabled = false;
  }
}

async function download(job) {
  const response = await fetch(job.downloadUrl, { headers: authHeaders() });
  if (!response.ok) throw new Error(`download failed: ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = h("a", { href: url, download: job.fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
