/**
 * The small text assets shared by every page, kept as strings so that the built package needs no
 * copy step. Served from `/static/` with gzip and a one-year immutable cache lifetime.
 */

/** Shared stylesheet, `/static/app.css`. Light and dark themes via `html[data-theme]`. */
export const APP_CSS = `@font-face {
  font-family: "Inter";
  font-style: normal;
  font-weight: 400;
  font-display: swap;
  src: url(/static/fonts/inter-400.woff2) format("woff2");
}

:root {
  --bg: #f4f7f9;
  --surface: #ffffff;
  --text: #1e293b;
  --muted: #64748b;
  --border: #e2e8f0;
  --primary: #0f766e;
  --primary-soft: #ccfbf1;
  --danger: #b91c1c;
  --danger-soft: #fee2e2;
  --warn-soft: #fef3c7;
  --ok-soft: #dcfce7;
}

html[data-theme="dark"] {
  --bg: #0f172a;
  --surface: #1e293b;
  --text: #e2e8f0;
  --muted: #94a3b8;
  --border: #334155;
  --primary: #2dd4bf;
  --primary-soft: #134e4a;
  --danger: #fca5a5;
  --danger-soft: #450a0a;
  --warn-soft: #422006;
  --ok-soft: #052e16;
}

* { box-sizing: border-box; }

body {
  margin: 0;
  font-family: "Inter", system-ui, sans-serif;
  font-size: 16px;
  line-height: 1.5;
  color: var(--text);
  background: var(--bg);
}

a { color: var(--primary); }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.1rem; margin: 0 0 0.75rem; }
h3 { font-size: 1rem; margin: 0 0 0.5rem; }
.muted { color: var(--muted); }

.topbar {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.5rem 1.5rem;
  padding: 0.75rem 1.25rem;
  background: var(--surface);
  border-bottom: 1px solid var(--border);
}
.brand { display: flex; align-items: center; gap: 0.5rem; font-weight: 700; font-size: 1.15rem; color: var(--text); text-decoration: none; }
.brand svg { width: 28px; height: 28px; color: var(--primary); }
.topbar nav { flex: 1; min-width: 0; }
.topbar nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 0; padding: 0; list-style: none; }
.topbar nav a { display: block; white-space: nowrap; padding: 0.4rem 0.75rem; border-radius: 999px; color: var(--muted); text-decoration: none; }
.topbar nav a:hover, .topbar nav a[aria-current="page"] { background: var(--primary-soft); color: var(--primary); }
.logout { margin-left: auto; color: var(--muted); font-size: 0.9rem; }

.container { max-width: 960px; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
.page-head { display: flex; flex-wrap: wrap; align-items: end; justify-content: space-between; gap: 1rem; margin-bottom: 1.25rem; }
.page-head p { margin: 0; }

.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 1rem; margin-bottom: 1.25rem; }
.doctors { grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: 12px; padding: 1rem 1.25rem; }
.card-title { display: flex; align-items: center; gap: 0.5rem; margin: 0 0 0.5rem; color: var(--muted); font-size: 0.9rem; font-weight: 600; }
.card-title svg { width: 20px; height: 20px; color: var(--primary); }
.figure { font-size: 1.8rem; font-weight: 700; margin: 0; }
.figure small { font-size: 0.9rem; font-weight: 400; color: var(--muted); }

.chart { margin: 0; }
.chart img { display: block; width: 100%; height: auto; border-radius: 8px; }
.chart figcaption { display: flex; justify-content: space-between; gap: 1rem; margin-top: 0.5rem; color: var(--muted); font-size: 0.85rem; }
.legend { display: inline-block; width: 0.75rem; height: 0.75rem; border-radius: 50%; margin-right: 0.35rem; vertical-align: middle; }
.legend-sys { background: #0f766e; }
.legend-dia { background: #6366f1; }

.button {
  display: inline-block;
  padding: 0.6rem 1.2rem;
  border: 0;
  border-radius: 8px;
  background: var(--primary);
  color: #fff;
  font: inherit;
  font-weight: 600;
  text-decoration: none;
  cursor: pointer;
}
html[data-theme="dark"] .button { color: #0f172a; }
.button-link { color: var(--muted); margin-left: 1rem; }

.table-wrap { overflow-x: auto; background: var(--surface); border: 1px solid var(--border); border-radius: 12px; }
table { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
caption { text-align: left; padding: 0.75rem 1rem; color: var(--muted); }
th, td { padding: 0.55rem 1rem; text-align: left; border-top: 1px solid var(--border); white-space: nowrap; }
th { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
td.num { font-variant-numeric: tabular-nums; }
td.comment { white-space: normal; min-width: 10rem; color: var(--muted); }

.badge { display: inline-block; padding: 0.1rem 0.55rem; border-radius: 999px; font-size: 0.8rem; font-weight: 600; }
.badge-good, .badge-ok { background: var(--ok-soft); color: #15803d; }
.badge-warn { background: var(--warn-soft); color: #b45309; }
.badge-high { background: var(--danger-soft); color: var(--danger); }
html[data-theme="dark"] .badge-good, html[data-theme="dark"] .badge-ok { color: #86efac; }
html[data-theme="dark"] .badge-warn { color: #fcd34d; }

.form { max-width: 560px; }
.field { margin-bottom: 1rem; }
.field label { display: block; font-weight: 600; margin-bottom: 0.3rem; }
.field input {
  width: 100%;
  padding: 0.6rem 0.75rem;
  border: 1px solid var(--border);
  border-radius: 8px;
  background: var(--surface);
  color: var(--text);
  font: inherit;
}
.field input:focus { outline: 2px solid var(--primary); outline-offset: 1px; }
.field .hint { margin: 0.25rem 0 0; font-size: 0.85rem; color: var(--muted); }
.row { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.75rem; }
.alert { padding: 0.75rem 1rem; border-radius: 8px; background: var(--danger-soft); color: var(--danger); }
.success { padding: 1rem 1.25rem; border-radius: 12px; background: var(--ok-soft); }

.login { max-width: 420px; margin: 3rem auto; }
.login .card { padding: 1.75rem; }

.list { list-style: none; margin: 0; padding: 0; }
.list li { padding: 0.85rem 0; border-top: 1px solid var(--border); }
.list p { margin: 0.15rem 0; }
.list .badge { margin-left: 0.5rem; }
.list li:first-child { border-top: 0; }
.doctor { display: flex; align-items: center; gap: 1rem; }
.doctor img { flex: none; width: 64px; height: 64px; border-radius: 50%; }
.doctor p { margin: 0; }

.gallery { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 1rem; margin-bottom: 1.5rem; }
.gallery figure { margin: 0; }
.gallery img { display: block; width: 100%; height: auto; border-radius: 8px; }
.gallery figcaption { margin-top: 0.5rem; font-size: 0.9rem; color: var(--muted); }
.hero { display: block; width: 100%; border-radius: 12px; margin-bottom: 1.25rem; }
.articles { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 1rem; }
.articles ul { padding-left: 1.1rem; color: var(--muted); font-size: 0.9rem; }

.footer { text-align: center; color: var(--muted); font-size: 0.85rem; padding: 1rem; }

@media (max-width: 720px) {
  .topbar nav { order: 3; flex-basis: 100%; }
  .topbar nav ul { flex-wrap: nowrap; overflow-x: auto; }
  .topbar nav a { padding: 0.35rem 0.5rem; font-size: 0.9rem; }
}

@media (max-width: 560px) {
  .row { grid-template-columns: 1fr; }
  h1 { font-size: 1.35rem; }
}
`;

/**
 * Shared script, `/static/app.js`: marks the navigation link of the current page. It only sets
 * attributes and never adds or removes elements, so element counts stay those of the HTML sent.
 */
export const APP_JS = `// Marks the current page in the main navigation.
document.querySelectorAll('.topbar nav a').forEach(function (link) {
  if (link.getAttribute('href') === location.pathname) link.setAttribute('aria-current', 'page');
});
`;

/** The app icon, `/static/favicon.svg`: a heart with a pulse line. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path fill="#0f766e" d="M16 29S3 21 3 11.5A7 7 0 0 1 16 8a7 7 0 0 1 13 3.5C29 21 16 29 16 29z"/><path fill="none" stroke="#fff" stroke-width="2" stroke-linejoin="round" d="M7 16h5l2-4 3 7 2-3h6"/></svg>
`;
