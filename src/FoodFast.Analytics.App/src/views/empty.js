// Why a panel is empty, in words: no data in the window (and where the shop's data is), or filters that do not apply.
import { h } from "../dom.js";
import { dateTime } from "../format.js";
import { unappliedFilters } from "../results.js";

export function emptyState(view, what = "orders") {
  const info = view.shopInfo;
  const span = info && info.hasData
    ? `; the shop's orders span ${dateTime(info.firstOrderAt, view.window.timeZone)} to ${dateTime(info.lastOrderAt, view.window.timeZone)}`
    : info ? "; this shop has no orders yet" : "";
  return h("p", { class: "empty" }, `No ${what} in this range${span}.`);
}

/** A note when the view has a filter this panel's dataset cannot apply (an order has no single category). */
export function filterNote(view, dataset) {
  const skipped = unappliedFilters(dataset, view);
  return skipped.length ? h("p", { class: "note" }, `Whole shop: the ${skipped.join(" and ")} filter does not apply here.`) : null;
}

/** The same for the named endpoints, which take no filters at all. */
export function unfilteredNote(view) {
  const names = Object.keys(view.filters);
  return names.length ? h("p", { class: "note" }, `Whole shop: the ${names.join(" and ")} filter does not apply here.`) : null;
}
