// Local days in an IANA time zone, and the instants where they begin (what the API's from/to take).

export const PRESETS = [
  ["today", "Today"], ["7d", "7 days"], ["30d", "30 days"], ["month", "This month"], ["last-month", "Last month"], ["custom", "Custom"],
];

export function browserZone() { return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"; }

export function zones() {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return all.includes("UTC") ? all : ["UTC", ...all];
}

/** Today's date (YYYY-MM-DD) in the zone. */
export function today(zone, now = new Date()) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function offsetMinutes(instant, zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-US", {
    timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((asUtc - instant.getTime()) / 60000);
}

/** The instant (ISO, UTC) at which the local day `date` begins in `zone`. */
export function startOfDay(date, zone) {
  const guess = new Date(`${date}T00:00:00Z`);
  let instant = new Date(guess.getTime() - offsetMinutes(guess, zone) * 60000);
  instant = new Date(guess.getTime() - offsetMinutes(instant, zone) * 60000);
  return instant.toISOString().replace(".000Z", "Z");
}

/** The local days [from, to) a preset covers; `custom` uses the given days (to inclusive as picked). */
export function rangeDays(preset, zone, custom = {}) {
  const t = today(zone);
  switch (preset) {
    case "today": return { from: t, to: addDays(t, 1) };
    case "7d": return { from: addDays(t, -6), to: addDays(t, 1) };
    case "month": return { from: `${t.slice(0, 7)}-01`, to: firstOfNextMonth(t) };
    case "last-month": {
      const first = `${t.slice(0, 7)}-01`;
      const previous = addDays(first, -1);
      return { from: `${previous.slice(0, 7)}-01`, to: first };
    }
    case "custom":
      if (custom.from && custom.to && custom.from <= custom.to) return { from: custom.from, to: addDays(custom.to, 1) };
      return { from: addDays(t, -29), to: addDays(t, 1) };
    default: return { from: addDays(t, -29), to: addDays(t, 1) };
  }
}

function firstOfNextMonth(date) {
  const [y, m] = date.split("-").map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

/** The API window for local days: instants, the zone, and the bucket that keeps a chart readable. */
export function window(days, zone) {
  const span = (Date.parse(days.to) - Date.parse(days.from)) / 86400000;
  return {
    from: startOfDay(days.from, zone),
    to: startOfDay(days.to, zone),
    timeZone: zone,
    bucket: span <= 2 ? "hour" : span <= 92 ? "day" : span <= 731 ? "week" : "month",
    days: span,
  };
}
