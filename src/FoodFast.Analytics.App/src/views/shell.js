// The bar above every view: where you are, the shop, the window, the zone, the comparison and the active filters.
import { h } from "../dom.js";
import { go } from "../state.js";
import { PRESETS, zones } from "../time.js";
import { words } from "../format.js";
import { exportButton } from "../exporter.js";

export function shell(view, route, onSignOut) {
  const control = (label, element) => h("label", { class: "control" }, h("span", {}, label), element);
  const select = (id, value, options, key, also = {}) => h("select", { id, onchange: (e) => go(null, { [key]: e.target.value, ...also }) },
    options.map(([v, text]) => h("option", { value: v, selected: v === value }, text)));

  // Another shop opens in its own zone: the zone is left out of the URL, and the router fills in the shop's.
  const shopControl = view.shops.length > 1
    ? control("Shop", select("shop", view.shop, view.shops.map((s) => [s.shopId, s.hasData ? s.shopId : `${s.shopId} (no orders)`]), "shop", { tz: "" }))
    : h("span", { class: "control shop-name" }, view.shop);
  // A zone the browser does not list (an older alias) is still shown as the one in use.
  const zoneList = zones().includes(view.window.timeZone) ? zones() : [view.window.timeZone, ...zones()];
  const custom = view.range === "custom" ? [
    control("From", h("input", { type: "date", id: "from", value: view.days.from, onchange: (e) => go(null, { from: e.target.value }) })),
    control("To", h("input", { type: "date", id: "to", value: view.customTo, onchange: (e) => go(null, { to: e.target.value }) })),
  ] : [];
  const chips = Object.entries(view.filters).map(([name, value]) =>
    h("button", { type: "button", class: "chip", title: `Remove the ${words(name)} filter`, onclick: () => go(null, { [name]: "" }) }, `${words(name)}: ${value} ✕`));

  return h("header", { class: "bar" },
    h("nav", { "aria-label": "Views" },
      h("a", { href: "#/overview", class: "brand" }, "FoodFast Analytics"),
      h("a", { href: "#", "aria-current": route === "overview" ? "page" : null, onclick: (e) => { e.preventDefault(); go(["overview"]); } }, "Overview"),
      h("a", { href: "#", "aria-current": route === "dashboards" ? "page" : null, onclick: (e) => { e.preventDefault(); go(["dashboards"]); } }, "Dashboards"),
      h("form", { role: "search", class: "search", onsubmit: (e) => { e.preventDefault(); go(["search"], { q: e.target.elements.q.value.trim() }); } },
        h("input", { name: "q", type: "search", placeholder: "Search orders and events", "aria-label": "Search orders and events", value: view.q }))),
    h("div", { class: "controls" },
      shopControl,
      control("Range", select("range", view.range, PRESETS, "range")),
      ...custom,
      control("Time zone", select("tz", view.window.timeZone, zoneList.map((z) => [z, z]), "tz")),
      control("Compare", select("compare", view.compare, [["", "off"], ["previous_period", "previous period"], ["previous_year", "previous year"]], "compare")),
      ...chips,
      route === "dashboards" ? null : exportButton(view, route),
      h("button", { type: "button", class: "quiet", onclick: onSignOut }, "Sign out")));
}
