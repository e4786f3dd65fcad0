// The whole view lives in the URL (#/route?shop=…&range=…&tz=…&compare=…&country=…&category=…), so any view can be
// bookmarked, shared and reloaded. Navigation is a change of the hash; the router re-renders on `hashchange`.

export const VIEW_KEYS = ["shop", "range", "from", "to", "tz", "compare", "country", "category", "q", "edit"];

export function current() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, search = ""] = hash.split("?");
  const params = new URLSearchParams(search);
  const state = Object.fromEntries(VIEW_KEYS.map((key) => [key, params.get(key) || ""]));
  return { route: path.split("/").filter(Boolean).map(decodeURIComponent), state };
}

export function href(route, state) {
  const params = new URLSearchParams();
  for (const key of VIEW_KEYS) if (state[key]) params.set(key, state[key]);
  const query = params.toString();
  return `#/${route.map(encodeURIComponent).join("/")}${query ? `?${query}` : ""}`;
}

/** Goes to a route, keeping the view's state and changing only what `changes` names ("" removes a key). */
export function go(route, changes = {}) {
  const { route: here, state } = current();
  location.hash = href(route || here, { ...state, ...changes });
}
