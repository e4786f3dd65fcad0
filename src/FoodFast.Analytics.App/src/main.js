// The app: sign in, then one view at a time from the URL (state.js). Every figure comes from the public API.
import "./style.css";
import { h, replace, problemBox } from "./dom.js";
import { credential, get, signOut, whenUnauthorized } from "./api.js";
import { current, href } from "./state.js";
import { browserZone, rangeDays, window as windowOf } from "./time.js";
import { disposeAll } from "./charts.js";
import { liveStrip, stopLive } from "./live.js";
import { signInView } from "./views/signin.js";
import { shell } from "./views/shell.js";
import { overview } from "./views/overview.js";
import { productView } from "./views/product.js";
import { dashboardsView } from "./views/dashboards.js";
import { searchView } from "./views/search.js";

const root = document.getElementById("root");
let shops = null;

whenUnauthorized((error) => showSignIn(`Signed out: ${error.message}`));

function showSignIn(message) {
  signOut();
  stopLive();
  disposeAll();
  shops = null;
  replace(root, signInView(message, render));
}

/** The shops this credential may read (GET /shops): one for a shop-bound key, all for an admin. */
async function readableShops() {
  if (!shops) shops = (await get("/shops")).shops;
  return shops;
}

/**
 * Fills in what the URL leaves out (first shop with data, 30 days, the shop's zone from the service's settings) without
 * a history entry. The browser's zone stands in only for a shop the list gives no zone (a service older than the setting).
 */
function completed(state, list) {
  const shop = list.find((s) => s.shopId === state.shop) ? state.shop : (list.find((s) => s.hasData) || list[0] || {}).shopId;
  const zone = list.find((s) => s.shopId === shop)?.timeZone;
  const defaults = { shop, range: state.range || "30d", tz: state.tz || zone || browserZone() };
  return Object.entries(defaults).some(([key, value]) => value && state[key] !== value) ? { ...state, ...defaults } : null;
}

function viewOf(state, list) {
  const days = rangeDays(state.range, state.tz, { from: state.from, to: state.to });
  return {
    shop: state.shop, shops: list, shopInfo: list.find((s) => s.shopId === state.shop), range: state.range, days, customTo: state.to,
    window: windowOf(days, state.tz), compare: state.compare, q: state.q, edit: state.edit,
    filters: Object.fromEntries(["country", "category"].filter((k) => state[k]).map((k) => [k, state[k]])),
  };
}

let renders = 0;

async function render() {
  if (!credential()) return showSignIn();
  // A newer navigation may start while this one waits for the shops: only the newest one draws.
  const mine = ++renders;
  const { route, state } = current();
  let list;
  try {
    list = await readableShops();
  } catch (e) {
    return mine === renders && replace(root, h("main", { id: "main" }, problemBox(e)));
  }
  if (mine !== renders) return;
  if (!list.length) return replace(root, h("main", { id: "main" }, h("p", { class: "empty" }, "This credential may not read any shop.")));
  const fixed = completed(state, list);
  if (fixed) return location.replace(href(route.length ? route : ["overview"], fixed));
  const [name = "overview", id] = route;
  const view = { ...viewOf(state, list), product: name === "product" ? id : undefined };
  disposeAll();
  const content = name === "product" ? productView(view)
    : name === "dashboards" ? dashboardsView(view, id)
    : name === "search" ? searchView(view)
    : overview(view);
  replace(root, shell(view, name, () => showSignIn()), liveStrip(view.shop), h("main", { id: "main", tabindex: "-1" }, content));
}

addEventListener("hashchange", render);
render();

