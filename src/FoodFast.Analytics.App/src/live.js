// The live strip: the last minute's and hour's orders and revenue, and the newest orders, from GET /analytics/realtime
// and then the WebSocket feed. It reconnects by itself (doubling waits up to 30 s) and stops when the shop changes.
import { h, replace } from "./dom.js";
import { credential, get } from "./api.js";
import { money, count } from "./format.js";

let current = null;

export function liveStrip(shop) {
  if (current && current.shop === shop) return current.element;
  if (current) current.stop();
  current = connect(shop);
  return current.element;
}

export function stopLive() {
  if (current) current.stop();
  current = null;
}

const sum = (byCurrency) => Object.entries(byCurrency || {}).map(([c, v]) => money(v, c)).join(" · ") || "no revenue";

function connect(shop) {
  const state = h("span", { class: "live-state", role: "status" }, "connecting");
  const minute = h("span", { class: "live-figure", dataset: { live: "minute" } });
  const hour = h("span", { class: "live-figure", dataset: { live: "hour" } });
  const newest = h("ol", { class: "live-orders", "aria-label": "Newest orders" });
  const element = h("aside", { class: "live", "aria-label": "Live" }, h("strong", {}, "Live"), state, minute, hour, newest);
  let socket = null, timer = null, wait = 1000, stopped = false;

  const figures = (f) => {
    replace(minute, `last minute: ${count(f.orderCountLastMinute)} orders, ${sum(f.revenueLastMinute)}`);
    replace(hour, `last hour: ${count(f.orderCountLast60Minutes)} orders, ${sum(f.revenueLast60Minutes)}`);
  };
  const order = (message) => {
    const d = message.data;
    newest.prepend(h("li", { dataset: { orderId: d.orderId } }, `${new Date(message.at).toLocaleTimeString()} ${d.orderId} ${d.status}`,
      d.total !== undefined ? ` ${money(d.total, d.currency)}` : ""));
    while (newest.children.length > 5) newest.lastChild.remove();
  };
  const retry = (why) => {
    if (stopped) return;
    replace(state, `reconnecting in ${Math.round(wait / 1000)} s${why ? ` (${why})` : ""}`);
    state.className = "live-state down";
    timer = setTimeout(open, wait);
    wait = Math.min(wait * 2, 30000);
  };
  async function open() {
    try { figures(await get("/analytics/realtime", { shopId: shop })); } catch (e) { return retry(e.message); }
    const c = credential();
    const url = new URL("/api/v1/stream", location.href);
    url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
    url.searchParams.set("topics", "orders,analytics");
    url.searchParams.set("shopId", shop);
    url.searchParams.set(c.kind === "jwt" ? "access_token" : "api_key", c.value);
    socket = new WebSocket(url);
    socket.onopen = () => { wait = 1000; replace(state, "live"); state.className = "live-state up"; };
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.type === "analytics.updated") figures(message.data);
      else if (message.type.startsWith("order.")) order(message);
    };
    socket.onclose = (event) => { socket = null; retry(event.reason); };
  }
  open();
  return {
    shop, element,
    stop() { stopped = true; clearTimeout(timer); if (socket) socket.close(1000, "left"); },
  };
}
