// Hand-written baseline for the start-up benchmark: builds the same shell as the
// Leptos app (header, save state, module navigation, overview cards) with plain DOM
// calls, reads the same localStorage keys, registers the same kind of service worker
// and sets the same performance mark.
const NAV = [
  ["/", "Översikt"], ["/inspel", "Inspel & prioritering"], ["/malkonflikter", "Målkonflikter"],
  ["/intressenter", "Intressenter"], ["/insatsomraden", "Insatsområden"],
  ["/hallbarhetssakring", "Hållbarhetssäkring"], ["/dela", "Dela & importera"],
  ["/installningar", "Inställningar"],
];
const el = (tag, props = {}, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};
let ws = { name: "Påverkansagenda Jämtland Härjedalen", organisation: "Region Jämtland Härjedalen", description: "" };
try {
  const stored = JSON.parse(localStorage.getItem("vagval.workspace"));
  if (stored && stored.workspace) ws = stored.workspace;
} catch (_) { /* baseline: keep defaults */ }
const root = document.getElementById("app");
root.textContent = "";
const header = el("header", { className: "app-header" },
  el("a", { className: "brand", href: "/" }, el("span", {}, "Vägval")),
  el("p", { className: "workspace-name" }, ws.name),
  el("p", { className: "save-state" }, el("span", { className: "dot" }), "Sparat"),
  el("div", { className: "header-actions" },
    el("button", { className: "ghost", disabled: true }, "Ångra"),
    el("button", { className: "ghost", disabled: true }, "Gör om"),
    el("button", { className: "ghost", onclick: () => {} }, "English")));
const nav = el("nav", { className: "module-nav" }, el("ul", {}, ...NAV.map(([href, label]) =>
  el("li", {}, Object.assign(el("a", { href }, label), location.pathname === href ? { ariaCurrent: "page" } : {})))));
const cards = NAV.slice(1, 7).map(([href, label]) =>
  el("li", { className: "card" }, el("h3", {}, el("a", { href }, label)), el("p", {}, label)));
const main = el("main", { id: "main" }, el("article", { className: "page" },
  el("h1", {}, ws.name), el("p", { className: "organisation" }, ws.organisation),
  el("p", { className: "lead" }, ws.description), el("h2", {}, "Moduler"),
  el("ul", { className: "module-cards" }, ...cards)));
root.append(header, el("div", { className: "layout" }, nav, main));
document.documentElement.setAttribute("data-ready", "");
performance.mark("vagval-interactive");
if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js");
