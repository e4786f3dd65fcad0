// Sign in with an API key or a JWT. The credential stays in this tab's sessionStorage and is checked at once.
import { h } from "../dom.js";
import { get, signIn, signOut } from "../api.js";

export function signInView(message, onSignedIn) {
  const error = h("p", { class: "problem", role: "alert", hidden: !message }, message || "");
  const value = h("input", { id: "credential", type: "password", autocomplete: "off", required: true, spellcheck: "false" });
  const kind = h("select", { id: "credential-kind" }, h("option", { value: "key" }, "API key"), h("option", { value: "jwt" }, "JWT (bearer token)"));
  const submit = async (event) => {
    event.preventDefault();
    signIn(kind.value, value.value.trim());
    try {
      await get("/me");
      value.value = "";
      onSignedIn();
    } catch (e) {
      signOut();
      error.hidden = false;
      error.textContent = e.status === 401 || e.status === 403 ? `That credential was refused (${e.status}): ${e.message}` : `The service could not check it: ${e.message}`;
    }
  };
  return h("main", { id: "main", class: "signin" },
    h("form", { onsubmit: submit, "aria-labelledby": "signin-title" },
      h("h1", { id: "signin-title" }, "FoodFast Analytics"),
      h("p", {}, "Sign in with an API key (scripts/start.sh prints the first one) or a JWT. It is kept in this tab only."),
      h("label", { for: "credential-kind" }, "Credential"), kind,
      h("label", { for: "credential" }, "Key or token"), value,
      h("button", { type: "submit" }, "Sign in"),
      error));
}
