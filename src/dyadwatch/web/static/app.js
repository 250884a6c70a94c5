// dyadwatch pages: charts (Chart.js), the map (d3-geo + TopoJSON), actor suggestions and
// the lazily loaded explanation. Every text from the store is set as text, never as HTML.
"use strict";

function jsonBlock(id) {
  const el = document.getElementById(id);
  return el ? JSON.parse(el.textContent) : null;
}

function loadScripts(urls) {
  return urls.reduce((p, url) => p.then(() => new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = url; s.onload = resolve; s.onerror = () => reject(new Error("could not load " + url));
    document.head.appendChild(s);
  })), Promise.resolve());
}

const QUADS = [["verbal_cooperation", "verbal coop.", "#7fb8e6"], ["material_cooperation", "material coop.", "#1f6fb5"],
               ["verbal_conflict", "verbal conflict", "#f2a65a"], ["material_conflict", "material conflict", "#b3261e"]];
const DIRECTION_COLOURS = ["#1f5f99", "#c0392b"];

function drawDyad(data) {
  const goPeriod = (index) => {
    const url = new URL(window.location.href);
    url.searchParams.set("period", data.periods[index]);
    url.hash = "period";
    window.location.assign(url.toString());
  };
  const onClick = (event, elements) => { if (elements.length) goPeriod(elements[0].index); };
  const common = { responsive: true, maintainAspectRatio: false, animation: false, onClick,
                   interaction: { mode: "nearest", intersect: false, axis: "x" } };
  // the periods where the bulk of the events is (the page says how many fall outside)
  const span = data.window ? { min: data.window.first, max: data.window.last } : {};
  const lines = data.directions.map((d, i) => ({
    label: d, data: data.series[d].goldstein_mean, borderColor: DIRECTION_COLOURS[i], backgroundColor: DIRECTION_COLOURS[i],
    spanGaps: false, pointRadius: 3, pointHoverRadius: 6, tension: 0 }));
  window.dyadCharts = {
    goldstein: new Chart(document.getElementById("chart-goldstein"), {
      type: "line", data: { labels: data.periods, datasets: lines },
      options: { ...common, scales: { x: { ...span }, y: { suggestedMin: -10, suggestedMax: 10 } } } }),
    counts: new Chart(document.getElementById("chart-counts"), {
      type: "bar",
      data: { labels: data.periods, datasets: data.directions.flatMap((d, i) => QUADS.map(([key, name, colour]) => ({
        label: `${d}: ${name}`, data: data.series[d][key], stack: d, backgroundColor: colour,
        borderColor: DIRECTION_COLOURS[i], borderWidth: i ? 1 : 0 }))) },
      options: { ...common, scales: { x: { stacked: true, ...span }, y: { stacked: true, ticks: { precision: 0 } } },
                 plugins: { legend: { labels: { boxWidth: 10, font: { size: 11 },
                   // one legend entry per quad class: both directions' stacks share the colours
                   filter: (item) => item.datasetIndex < QUADS.length,
                   generateLabels: (chart) => QUADS.map(([, name, colour], i) => ({
                     text: name, fillStyle: colour, strokeStyle: colour, datasetIndex: i, hidden: false })) } } } } }),
  };
}

function drawMap(data) {
  const box = document.getElementById("map");
  const width = 960, height = 500;
  const svgNS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(svgNS, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "world map of event places");
  box.appendChild(svg);
  const counts = new Map(data.countries.filter((c) => c.numeric).map((c) => [c.numeric, c]));
  const most = Math.max(1, ...data.countries.map((c) => c.events));
  return fetch("/vendor/countries-110m.json").then((r) => r.json()).then((world) => {
    const land = topojson.feature(world, world.objects.countries);
    const projection = d3.geoNaturalEarth1().fitSize([width, height], land);
    const path = d3.geoPath(projection);
    for (const f of land.features) {
      const p = document.createElementNS(svgNS, "path");
      p.setAttribute("d", path(f) || "");
      p.setAttribute("class", "land");
      const hit = counts.get(String(f.id).padStart(3, "0"));
      const title = document.createElementNS(svgNS, "title");
      title.textContent = (f.properties && f.properties.name || "") + (hit ? `: ${hit.events} event reports` : "");
      p.appendChild(title);
      if (hit) {
        p.classList.add("hit");
        p.style.fill = `rgba(31, 95, 153, ${0.15 + 0.6 * hit.events / most})`;
      }
      svg.appendChild(p);
    }
    const biggest = Math.max(1, ...data.places.map((p) => p.events));
    for (const place of data.places) {
      const xy = projection([place.lon, place.lat]);
      if (!xy) continue;
      const c = document.createElementNS(svgNS, "circle");
      c.setAttribute("cx", xy[0]); c.setAttribute("cy", xy[1]);
      c.setAttribute("r", 3 + 9 * Math.sqrt(place.events / biggest));
      c.setAttribute("class", "place");
      const title = document.createElementNS(svgNS, "title");
      title.textContent = `${place.name}${place.country ? " (" + place.country + ")" : ""}: ${place.events} event reports`;
      c.appendChild(title);
      svg.appendChild(c);
    }
    box.dataset.drawn = String(data.places.length);
  });
}

function wireSuggestions() {
  const list = document.getElementById("actor-suggestions");
  if (!list) return;
  let timer = null;
  for (const input of document.querySelectorAll("input[data-suggest]")) {
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (q.length < 2) return;
      timer = setTimeout(() => {
        fetch("/api/suggest?" + new URLSearchParams({ q })).then((r) => r.ok ? r.json() : []).then((rows) => {
          list.replaceChildren(...rows.map((row) => {
            const o = document.createElement("option");
            o.value = row.id;
            o.label = `${row.name} (${row.type}${row.country ? ", " + row.country : ""})`;
            return o;
          }));
        });
      }, 150);
    });
  }
}

function wireExplain() {
  const box = document.getElementById("explain");
  if (!box) return;
  box.addEventListener("toggle", () => {
    if (!box.open || box.dataset.loaded) return;
    box.dataset.loaded = "1";
    const pre = box.querySelector("pre");
    fetch(box.dataset.url).then((r) => r.json().then((body) => ({ ok: r.ok, body })))
      .then(({ ok, body }) => { pre.textContent = ok ? body.text : (body.detail || "no explanation"); })
      .catch((e) => { pre.textContent = String(e); });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  wireSuggestions();
  wireExplain();
  const focus = document.querySelector("mark.focus");
  if (focus) focus.scrollIntoView({ block: "center" });
  const dyad = jsonBlock("dyad-data");
  if (dyad && dyad.periods.length) {
    loadScripts(["/vendor/chart.umd.min.js"]).then(() => drawDyad(dyad));
  }
  const map = jsonBlock("map-data");
  if (map) {
    loadScripts(["/vendor/d3-array.min.js", "/vendor/d3-geo.min.js", "/vendor/topojson-client.min.js"]).then(() => drawMap(map));
  }
});
