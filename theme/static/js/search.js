/* The site search: Pagefind's index, searched in the browser (nothing is
   sent anywhere). Loaded only by the search page. Results are links in a
   list, filters are a fieldset of checkboxes and a select: all reachable and
   usable with the keyboard; the count is announced (role=status). */
const script = document.querySelector("script[data-index]");
const form = document.querySelector(".search-form");
const field = document.getElementById("szukaj-pole");
const status = document.getElementById("szukaj-stan");
const list = document.getElementById("szukaj-wyniki");
const filtersBox = document.getElementById("szukaj-filtry");
const sectionBox = filtersBox.querySelector('[data-filter="Dział"]');
const yearSelect = document.getElementById("filtr-rok");

let pagefind;
let words = {};
let searchNumber = 0;

// A word as typed without Polish letters (the search plugin's fold()).
function fold(word) {
  return word.toLowerCase().normalize("NFD").replace(/ł/g, "l").replace(/\p{M}/gu, "");
}

// "lodz" -> "łódź": Pagefind forgives a missing accent but not a missing ł,
// a letter of its own; the build lists the site's words with ł by how they
// are typed without it (slowa.json). The last word may be half typed.
function withPolishLetters(term) {
  const parts = term.split(/(\s+)/);
  const last = parts.length - 1;
  return parts.map((part, i) => {
    const plain = fold(part);
    if (!plain.trim()) return part;
    if (words[plain]) return words[plain];
    if (i !== last || plain.length < 3) return part;
    const key = Object.keys(words).find((k) => k.startsWith(plain));
    return key ? words[key].slice(0, plain.length) : part;
  }).join("");
}

function plural(n) {
  if (n === 1) return "wynik";
  const last = n % 10;
  const lastTwo = n % 100;
  return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? "wyniki" : "wyników";
}

function chosenFilters() {
  const filters = {};
  const sections = [...sectionBox.querySelectorAll("input:checked")].map((box) => box.value);
  if (sections.length) filters["Dział"] = { any: sections };
  if (yearSelect.value) filters["Rok"] = yearSelect.value;
  return filters;
}

function remember(term) {
  const url = new URL(window.location.href);
  url.searchParams.set("q", term);
  const filters = chosenFilters();
  url.searchParams.delete("dzial");
  (filters["Dział"] ? filters["Dział"].any : []).forEach((s) => url.searchParams.append("dzial", s));
  if (filters["Rok"]) url.searchParams.set("rok", filters["Rok"]); else url.searchParams.delete("rok");
  window.history.replaceState(null, "", url);
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

// Pagefind hands back plain spaces: what must not break across lines is bound
// again, as the build binds it in pages (one-letter words, "2027 r.", "20 zł",
// "14 stycznia").
const MONTHS = "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia";
function keepTogether(text) {
  return text
    .replace(/(?<=^|[\s(„>])([aiouwzAIOUWZ]) /g, "$1\u00a0")
    .replace(/(\d) (r\.|zł|%)/g, "$1\u00a0$2")
    .replace(new RegExp("(\\d{1,2}) (" + MONTHS + ")", "g"), "$1\u00a0$2");
}

function capital(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : "";
}

function render(results, data) {
  list.replaceChildren();
  data.forEach((page) => {
    const item = element("li", "search-result");
    const heading = element("h2", "search-result__title");
    const link = element("a", null, page.meta.title || page.url);
    link.href = page.url;
    heading.append(link);
    item.append(heading);
    const meta = page.meta;
    const section = page.filters && page.filters["Dział"] ? page.filters["Dział"][0] : "";
    if (meta.termin) {
      // A training reads as a sentence: what, when, where; then its summary.
      const what = capital([meta.stan, meta.forma].filter(Boolean).join(": "));
      const when = meta.forma ? `${what}, ${meta.termin}` : `${what} ${meta.termin}`;
      const where = meta.miejsce ? `, ${meta.miejsce}` : "";
      item.append(element("p", "search-result__meta", keepTogether(`${section} · ${when}${where}`)));
    } else if (section) {
      item.append(element("p", "search-result__meta", section));
    }
    const excerpt = element("p", "search-result__excerpt");
    if (meta.termin && meta.opis) excerpt.textContent = keepTogether(meta.opis);
    else excerpt.innerHTML = keepTogether(page.excerpt); // Pagefind escapes the text and adds <mark> only
    item.append(excerpt);
    list.append(item);
  });
}

async function search() {
  const term = field.value.trim();
  const number = ++searchNumber;
  remember(term);
  if (!term) {
    status.textContent = "";
    list.replaceChildren();
    return;
  }
  status.textContent = "Szukam…";
  const found = await pagefind.search(withPolishLetters(term), { filters: chosenFilters() });
  const data = await Promise.all(found.results.slice(0, 30).map((result) => result.data()));
  if (number !== searchNumber) return; // a newer search has started
  render(found.results, data);
  const n = found.results.length;
  status.textContent = n
    ? `${n} ${plural(n)} dla „${term}”` + (n > 30 ? " (pokazujemy 30 pierwszych)" : "")
    : `Brak wyników dla „${term}”. Spróbuj innego słowa albo usuń filtry.`;
}

async function showFilters(params) {
  const available = await pagefind.filters();
  const wanted = new Set(params.getAll("dzial"));
  Object.keys(available["Dział"] || {}).sort().forEach((name, i) => {
    const id = `filtr-dzial-${i}`;
    const label = element("label", "search-filters__option");
    const box = element("input");
    box.type = "checkbox";
    box.value = name;
    box.id = id;
    box.checked = wanted.has(name);
    label.htmlFor = id;
    label.append(box, ` ${name}`);
    sectionBox.append(label);
  });
  Object.keys(available["Rok"] || {}).sort().reverse().forEach((year) => {
    const option = element("option", null, year);
    option.value = year;
    option.selected = params.get("rok") === year;
    yearSelect.append(option);
  });
  filtersBox.hidden = false;
  filtersBox.addEventListener("change", search);
}

async function start() {
  pagefind = await import(`${script.dataset.index}pagefind.js`);
  words = await fetch(script.dataset.words).then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
  await pagefind.options({ excerptLength: 24 });
  const params = new URLSearchParams(window.location.search);
  field.value = params.get("q") || "";
  await showFilters(params);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search();
  });
  let typing;
  field.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(search, 250);
  });
  if (field.value) search();
}

start().catch(() => {
  status.textContent = "Wyszukiwarka nie działa w tej przeglądarce. Zajrzyj do archiwum wpisów albo tagów.";
});
