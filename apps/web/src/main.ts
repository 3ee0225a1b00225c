/**
 * The web app: `#/` lists the lessons, `#/lesson/N` is lesson N's page. Leaving a page stops its
 * run before the next page starts one (a run sets the global default device).
 */
import "./style.css";
import { CATALOGUE } from "./catalogue.js";
import { el } from "./dom.js";
import { indexPage } from "./index-page.js";
import { lessonPage, type OpenPage } from "./lesson-page.js";

const main = document.querySelector("main")!;
const nav = document.querySelector("nav")!;
nav.append(
  el("a", { href: "#/", className: "brand" }, "Flambeau"),
  ...CATALOGUE.map(({ lesson }) => el("a", { href: `#/lesson/${lesson.id}`, title: lesson.title }, `Lesson ${lesson.id}`)),
);

let open: OpenPage | null = null;
let routing: Promise<void> = Promise.resolve();

async function route(): Promise<void> {
  await open?.close();
  open = null;
  const id = /^#\/lesson\/(\d+)$/.exec(location.hash)?.[1];
  const entry = CATALOGUE.find((e) => String(e.lesson.id) === id);
  for (const a of nav.querySelectorAll("a")) a.classList.toggle("current", a.getAttribute("href") === (entry ? location.hash : "#/"));
  document.title = entry ? `Lesson ${entry.lesson.id}: ${entry.lesson.title} — Flambeau` : "Flambeau lessons";
  if (entry) open = await lessonPage(main, entry);
  else indexPage(main);
}

// Routes one after another: a quick second click waits for the first page to close.
const go = () => {
  routing = routing.then(route).catch((e: unknown) => console.error(e));
};
addEventListener("hashchange", go);
go();
