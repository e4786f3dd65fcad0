// The live dashboard: KPIs from /api/v1/analytics/realtime, then pushes from the WebSocket feed.
"use strict";
(function () {
  const KEY = "ff-live-key", SHOP = "ff-live-shop";
  const $ = (id) => document.getElementById(id);
  let socket = null, backoff = 1000, retryTimer = null, stopped = false;

  function credentials() { return { key: sessionStorage.getItem(KEY), shop: sessionStorage.getItem(SHOP) || "" }; }

  function money(byCurrency) {
    const parts = Object.entries(byCurrency || {}).map(([c, v]) => `${Number(v).toFixed(2)} ${c}`);
    return parts.length ? parts.join(" · ") : "no revenue";
  }

  function setStatus(text, kind) { const s = $("status"); s.textContent = text; s.className = kind || ""; }

  function showLogin(message) {
    stopped = true;
    if (socket) { socket.close(1000, "logout"); socket = null; }
    $("dashboard").hidden = true; $("logout").hidden = true; $("login").hidden = false;
    $("login-error").textContent = message || "";
    setStatus("offline", "down");
  }

  function showFigures(f) {
    $("orders-1").textContent = f.orderCountLastMinute;
    $("revenue-1").textContent = money(f.revenueLastMinute);
    $("orders-5").textContent = f.orderCountLast5Minutes;
    $("revenue-5").textContent = money(f.revenueLast5Minutes);
    $("orders-60").textContent = f.orderCountLast60Minutes;
    $("revenue-60").textContent = money(f.revenueLast60Minutes);
    $("sessions").textContent = f.activeSessionsLast5Minutes;
    $("shop").textContent = "· " + f.shopId;
    const top = $("top"); top.replaceChildren();
    for (const p of f.topProductsLastHour || []) {
      const row = document.createElement("tr");
      for (const [text, cls] of [[p.productName || p.productId, ""], [p.units + " units", "n"], [money(p.revenue), "n"]]) {
        const cell = document.createElement("td"); cell.textContent = text; cell.className = cls; row.appendChild(cell);
      }
      top.appendChild(row);
    }
    sparkline(f.perMinute || []);
  }

  // One currency per line: the first one seen in the hour (money is never summed across currencies).
  function sparkline(minutes) {
    const currency = minutes.map((m) => Object.keys(m.revenue || {})[0]).find((c) => c) || "";
    const values = minutes.map((m) => Number((m.revenue || {})[currency] || 0));
    const max = Math.max(1, ...values), step = values.length > 1 ? 600 / (values.length - 1) : 600;
    $("spark-line").setAttribute("points", values.map((v, i) => `${(i * step).toFixed(1)},${(78 - (v / max) * 74).toFixed(1)}`).join(" "));
    $("spark-currency").textContent = currency ? `(${currency})` : "";
  }

  function addOrder(message) {
    const d = message.data, item = document.createElement("li");
    const type = document.createElement("span"); type.className = "type"; type.textContent = message.type;
    item.append(type, `${new Date(message.at).toLocaleTimeString()}  ${d.orderId}  ${d.status}` + (d.total !== undefined ? `  ${Number(d.total).toFixed(2)} ${d.currency}` : ""));
    item.dataset.orderId = d.orderId;
    const feed = $("feed"); feed.prepend(item);
    while (feed.children.length > 50) feed.lastChild.remove();
  }

  async function loadFigures() {
    const { key, shop } = credentials();
    const response = await fetch("/api/v1/analytics/realtime" + (shop ? "?shopId=" + encodeURIComponent(shop) : ""), { headers: { "X-Api-Key": key } });
    if (response.status === 401 || response.status === 403) { showLogin("That key was refused (" + response.status + ")."); return false; }
    if (!response.ok) { const p = await response.json().catch(() => ({})); setStatus(p.detail || "counters unavailable", "down"); return true; }
    showFigures(await response.json());
    return true;
  }

  function connect() {
    const { key, shop } = credentials();
    const url = new URL("/api/v1/stream", location.href);
    url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
    url.searchParams.set("topics", "orders,analytics");
    if (shop) url.searchParams.set("shopId", shop);
    url.searchParams.set("api_key", key);
    socket = new WebSocket(url);
    socket.onopen = () => { backoff = 1000; setStatus("live", "live"); loadFigures(); };
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.type === "analytics.updated") showFigures(message.data);
      else if (message.type.startsWith("order.")) addOrder(message);
    };
    socket.onclose = (event) => {
      socket = null;
      if (stopped) return;
      const reason = event.reason ? ": " + event.reason : "";
      setStatus(`reconnecting in ${Math.round(backoff / 1000)} s${reason}`, "down");
      retryTimer = setTimeout(start, backoff);
      backoff = Math.min(backoff * 2, 30000) * (0.8 + Math.random() * 0.4);
    };
  }

  async function start() {
    clearTimeout(retryTimer);
    try { if (!(await loadFigures())) return; }
    catch { setStatus("server unreachable", "down"); retryTimer = setTimeout(start, backoff); backoff = Math.min(backoff * 2, 30000); return; }
    connect();
  }

  $("login-form").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY, $("key").value.trim());
    sessionStorage.setItem(SHOP, $("shop-id").value.trim());
    $("key").value = "";
    stopped = false; $("login").hidden = true; $("dashboard").hidden = false; $("logout").hidden = false;
    start();
  });
  $("logout").addEventListener("click", () => { sessionStorage.removeItem(KEY); sessionStorage.removeItem(SHOP); showLogin(); });

  if (credentials().key) { $("dashboard").hidden = false; $("logout").hidden = false; start(); } else showLogin();
})();
