import { escapeHtml } from './html.js';

/** Look variations of the demo app, to compare two versions of the "same" app. */
export interface DemoVariant {
  /** Colour theme (default `light`). */
  theme?: 'light' | 'dark';
  /** Adds a big, nearly incompressible hero image (about 1.2 MB, `no-store`) to the dashboard. */
  heavyHome?: boolean;
}

/** Inline SVG icons (stroke icons, 24×24, `currentColor`). Only the `<svg>` element counts in the DOM. */
export const ICONS = {
  logo: '<svg viewBox="0 0 32 32" aria-hidden="true"><path fill="currentColor" d="M16 29S3 21 3 11.5A7 7 0 0 1 16 8a7 7 0 0 1 13 3.5C29 21 16 29 16 29z"/><path fill="none" stroke="#fff" stroke-width="2" stroke-linejoin="round" d="M7 16h5l2-4 3 7 2-3h6"/></svg>',
  heart: '<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M20.8 4.6a5.5 5.5 0 0 0-7.8 0L12 5.7l-1-1.1a5.5 5.5 0 0 0-7.8 7.8l1 1.1L12 21l7.8-7.5 1-1.1a5.5 5.5 0 0 0 0-7.8z"/></svg>',
  pulse: '<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><polyline points="22 12 18 12 15 21 9 3 6 12 2 12"/></svg>',
  calendar: '<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><rect x="3" y="4" width="18" height="18" rx="2"/><line x1="16" y1="2" x2="16" y2="6"/><line x1="8" y1="2" x2="8" y2="6"/><line x1="3" y1="10" x2="21" y2="10"/></svg>',
  trend: '<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><polyline points="23 6 13.5 15.5 8.5 10.5 1 18"/><polyline points="17 6 23 6 23 12"/></svg>',
} as const;

const NAV_LINKS = [
  ['/dashboard', 'Tableau de bord'],
  ['/measures', 'Mesures'],
  ['/appointments', 'Rendez-vous'],
  ['/ressources', 'Ressources'],
] as const;

/** What {@link renderShell} needs to wrap a page body. */
export interface ShellOptions {
  title: string;
  /** HTML of the `<main>` content (already escaped). */
  main: string;
  variant: DemoVariant;
  /** Show the navigation and logout link (signed-in pages). */
  signedIn: boolean;
  /** Extra elements for `<head>` (already escaped), e.g. a render-blocking script. */
  head?: string;
}

/**
 * The HTML document around every page: explicit `<html>`, `<head>` and `<body>` so that the
 * element count of the string equals the browser's (see `countElements`).
 */
export function renderShell(options: ShellOptions): string {
  const theme = options.variant.theme ?? 'light';
  const nav = options.signedIn
    ? `<nav aria-label="Navigation principale"><ul>${NAV_LINKS.map(([href, label]) => `<li><a href="${href}">${label}</a></li>`).join('')}</ul></nav>
<a class="logout" href="/logout">Déconnexion</a>`
    : '';
  return `<!doctype html>
<html lang="fr" data-theme="${theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} · Tensio</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="preload" href="/static/fonts/inter-400.woff2" as="font" type="font/woff2" crossorigin>
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
${options.head ?? ''}</head>
<body>
<header class="topbar">
<a class="brand" href="${options.signedIn ? '/dashboard' : '/'}">${ICONS.logo}<span>Tensio</span></a>
${nav}
</header>
<main class="container">
${options.main}
</main>
<footer class="footer"><p>Tensio, application de démonstration de l’outil ecoscore. Données fictives.</p></footer>
</body>
</html>
`;
}
