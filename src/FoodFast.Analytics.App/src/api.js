// The public API with the caller's credential: an API key or a JWT, kept only in this tab's sessionStorage.
const STORE = "ff-app-credential";

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** Field errors of a validation problem, by JSON path (`widgets[0].query.metrics[0]`). */
  get fieldErrors() { return (this.problem && this.problem.errors) || {}; }
}

export function credential() {
  try { return JSON.parse(sessionStorage.getItem(STORE) || "null"); } catch { return null; }
}

export function signIn(kind, value) { sessionStorage.setItem(STORE, JSON.stringify({ kind, value })); }

export function signOut() { sessionStorage.removeItem(STORE); }

export function authHeaders() {
  const c = credential();
  if (!c) return {};
  return c.kind === "jwt" ? { Authorization: `Bearer ${c.value}` } : { "X-Api-Key": c.value };
}

let onUnauthorized = () => {};
export function whenUnauthorized(handler) { onUnauthorized = handler; }

/** Sends one request; answers `{ body, response }`, or throws ApiError with the problem document. */
export async function request(method, path, { query, body, headers } = {}) {
  const url = new URL(`/api/v1${path}`, location.origin);
  for (const [name, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(name, value);
  }
  const init = { method, headers: { Accept: "application/json", ...authHeaders(), ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers["Content-Type"] = "application/json";
  }
  const response = await fetchWithinBudget(url, init);
  const type = response.headers.get("Content-Type") || "";
  const parsed = response.status === 204 ? null : type.includes("json") ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const error = new ApiError(response.status, parsed);
    if (response.status === 401) onUnauthorized(error);
    throw error;
  }
  return { body: parsed, response };
}

// An overview asks about twenty questions at once, and a key's query budget holds sixty with twenty more a second:
// a few quick changes of range can run it dry. A refused read waits as long as the API says (Retry-After) and asks
// again, a few times, instead of showing "Too Many Requests" for a wait of a second. A refused request was not
// carried out, so a POST (the query endpoint's) is as safe to send again as a GET.
const BUDGET_RETRIES = 4, LONGEST_WAIT_SECONDS = 10;

async function fetchWithinBudget(url, init) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url, init);
    const wait = Number(response.headers.get("Retry-After") || "1");
    if (response.status !== 429 || attempt === BUDGET_RETRIES || !(wait <= LONGEST_WAIT_SECONDS)) return response;
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
  }
}

export const get = (path, query) => request("GET", path, { query }).then((r) => r.body);
export const post = (path, body, headers) => request("POST", path, { body, headers }).then((r) => r.body);
