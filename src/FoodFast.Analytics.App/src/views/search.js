// Full-text search over the shop's orders and events (GET /analytics/search), paged.
import { h, panel, table } from "../dom.js";
import { get } from "../api.js";
import { dateTime, count } from "../format.js";


const SIZE = 20;

export function searchView(view, page = 0) {
  const p = panel(view.q ? `Search: ${view.q}` : "Search", { wide: true, id: "search-results" });
  if (!view.q) {
    p.show(h("p", { class: "empty" }, "Type words in the search box: order ids, products, customers, search terms."));
    return h("div", { class: "grid" }, p.element);
  }
  get("/analytics/search", { shopId: view.shop, query: view.q, page, size: SIZE }).then((r) => {
    if (!r.hits.length) return p.show(h("p", { class: "empty" }, `Nothing matches “${view.q}” in ${view.shop}.`));
    const pages = Math.ceil(r.total / SIZE);
    const more = (to) => { const next = searchView(view, to); p.element.replaceWith(next.firstChild); };
    p.show(
      h("p", {}, `${count(r.total)} matches; page ${page + 1} of ${pages}.`),
      table(["when", "type", "what", "id"], r.hits.map((x) => [dateTime(x.at, view.window.timeZone), x.type, x.summary, h("code", {}, x.id)])),
      h("nav", { class: "pager", "aria-label": "Pages" },
        page > 0 ? h("button", { type: "button", onclick: () => more(page - 1) }, "Previous") : null,
        page + 1 < pages ? h("button", { type: "button", onclick: () => more(page + 1) }, "Next") : null));
  }).catch((e) => p.fail(e));
  return h("div", { class: "grid" }, p.element);
}

