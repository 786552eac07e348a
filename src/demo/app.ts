import { randomUUID } from 'node:crypto';
import { findAsset, type Asset } from './assets.js';
import { MEASURES_SHOWN, seedAppointments, seedMeasures } from './data.js';
import type { Measure } from './data.js';
import { renderResources } from './heavy-page.js';
import type { DemoVariant } from './layout.js';
import {
  renderAppointments, renderDashboard, renderLogin, renderMeasureSaved, renderMeasures, renderNewMeasure, renderNotFound,
} from './pages.js';
import type { MeasureFormValues } from './pages.js';

/**
 * The password the demo app accepts by default, for any identifiant (sign-in and measure confirmation).
 * `DEMO_PASSWORD` in the environment replaces it (the demo journey types `${env:DEMO_PASSWORD}`).
 */
export const DEMO_PASSWORD = 'tensio-demo-2026';

/** Name of the HttpOnly session cookie set at sign-in. */
export const SESSION_COOKIE = 'tensio_session';

/** What the app needs to know about one HTTP request. */
export interface DemoRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Raw `Cookie` header. */
  cookie?: string;
  /** Parsed `application/x-www-form-urlencoded` body of a POST. */
  form?: URLSearchParams;
}

/** The app's answer, before content encoding. */
export interface DemoReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Gzip the body when the client accepts gzip. */
  compressible: boolean;
}

const HTML = 'text/html; charset=utf-8';

/** Paths of the server-rendered pages. */
const PAGES = new Set(['/', '/dashboard', '/measures', '/measures/new', '/appointments', '/ressources']);

function page(status: number, html: string, options: { cacheControl?: string; compressible?: boolean; headers?: Record<string, string> } = {}): DemoReply {
  return {
    status,
    headers: { 'Content-Type': HTML, 'Cache-Control': options.cacheControl ?? 'private, no-cache', ...options.headers },
    body: Buffer.from(html, 'utf8'),
    compressible: options.compressible ?? true,
  };
}

function redirect(location: string, headers: Record<string, string> = {}): DemoReply {
  return { status: 303, headers: { Location: location, 'Cache-Control': 'no-store', ...headers }, body: Buffer.alloc(0), compressible: false };
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** Parses a whole number in [min, max] typed in a form field, or returns an error message. */
function parseField(raw: string | undefined, label: string, min: number, max: number, unit: string): number | string {
  const value = (raw ?? '').trim();
  const number = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
  if (Number.isNaN(number) || number < min || number > max) return `${label} : un nombre entier entre ${min} et ${max} ${unit} est attendu.`;
  return number;
}

/** What was typed in the new-measure form, and either the reading it gives or the errors to show. */
interface MeasureForm {
  values: MeasureFormValues;
  errors: string[];
  /** Meaningful only when there are no errors. */
  reading: Pick<Measure, 'systolicMmHg' | 'diastolicMmHg' | 'pulseBpm'>;
}

/** Reads and checks the new-measure form (the confirmation password included). */
function readMeasureForm(form: URLSearchParams | undefined, password: string): MeasureForm {
  const values: MeasureFormValues = {
    systolic: form?.get('systolic') ?? '',
    diastolic: form?.get('diastolic') ?? '',
    pulse: form?.get('pulse') ?? '',
    comment: (form?.get('comment') ?? '').slice(0, 120),
  };
  const systolic = parseField(values.systolic, 'Systolique', 50, 260, 'mmHg');
  const diastolic = parseField(values.diastolic, 'Diastolique', 30, 160, 'mmHg');
  const pulse = parseField(values.pulse, 'Pouls', 30, 220, 'bpm');
  const errors = [systolic, diastolic, pulse].filter((v): v is string => typeof v === 'string');
  if (!errors.length && (systolic as number) <= (diastolic as number)) errors.push('La systolique doit être supérieure à la diastolique.');
  if (form?.get('password') !== password) errors.push('Mot de passe incorrect.');
  return { values, errors, reading: { systolicMmHg: systolic as number, diastolicMmHg: diastolic as number, pulseBpm: pulse as number } };
}

/** The reply of a static asset, with its own content type, caching and compression. */
function assetReply(asset: Asset): DemoReply {
  const headers: Record<string, string> = { 'Content-Type': asset.contentType };
  if (asset.cacheControl) headers['Cache-Control'] = asset.cacheControl;
  return { status: 200, headers, body: asset.body, compressible: asset.compressible };
}

/** One running instance of the demo app: its sessions and measures live in memory. */
export interface DemoApp {
  /** Answers one request. */
  handle(request: DemoRequest): DemoReply;
  /**
   * The HTML a signed-in user gets for a GET of `path` (no query string), or `undefined` when the
   * path is not a page.
   */
  renderPage(path: string, user?: string): string | undefined;
}

/** Creates a demo app with the seeded measures and appointments and no session. */
export function createDemoApp(variant: DemoVariant = {}, password: string = DEMO_PASSWORD): DemoApp {
  const measures: Measure[] = seedMeasures();
  const appointments = seedAppointments();
  const sessions = new Map<string, string>();

  function renderPage(path: string, user = 'Patient'): string | undefined {
    switch (path) {
      case '/': return renderLogin(variant);
      case '/dashboard': return renderDashboard(variant, user, measures, appointments);
      case '/measures': return renderMeasures(variant, measures);
      case '/measures/new': return renderNewMeasure(variant, measures[0]);
      case '/appointments': return renderAppointments(variant, appointments);
      case '/ressources': return renderResources(variant);
      default: return undefined;
    }
  }

  function signIn(form: URLSearchParams | undefined): DemoReply {
    const username = (form?.get('username') ?? '').trim();
    if (form?.get('password') !== password) {
      return page(401, renderLogin(variant, { username }), { cacheControl: 'no-cache' });
    }
    const token = randomUUID();
    sessions.set(token, username || 'Patient');
    return redirect('/dashboard', { 'Set-Cookie': `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax` });
  }

  function saveMeasure(form: URLSearchParams | undefined): DemoReply {
    const { values, errors, reading } = readMeasureForm(form, password);
    if (errors.length) return page(422, renderNewMeasure(variant, measures[0], values, errors));
    const measure: Measure = {
      id: Math.max(...measures.map((m) => m.id)) + 1,
      takenAt: new Date(),
      ...reading,
      comment: values.comment ?? '',
    };
    measures.unshift(measure);
    measures.length = Math.min(measures.length, MEASURES_SHOWN);
    return page(200, renderMeasureSaved(variant, measure));
  }

  function handle(request: DemoRequest): DemoReply {
    const path = request.path.length > 1 ? request.path.replace(/\/+$/, '') : request.path;
    const { method } = request;
    const token = readCookie(request.cookie, SESSION_COOKIE);
    const user = token ? sessions.get(token) : undefined;
    const asset = findAsset(path);
    if (!asset && !PAGES.has(path) && path !== '/logout') return page(404, renderNotFound(variant, user !== undefined), { cacheControl: 'no-cache' });
    const allowed = path === '/' || path === '/measures/new' ? ['GET', 'POST'] : ['GET'];
    if (!allowed.includes(method)) {
      return { status: 405, headers: { Allow: allowed.join(', '), 'Content-Type': 'text/plain; charset=utf-8' }, body: Buffer.from('Méthode non autorisée\n'), compressible: false };
    }
    if (asset) return assetReply(asset);
    if (path === '/') return method === 'POST' ? signIn(request.form) : page(200, renderLogin(variant), { cacheControl: 'no-cache' });
    if (path === '/logout') {
      if (token) sessions.delete(token);
      return redirect('/', { 'Set-Cookie': `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` });
    }
    if (user === undefined) return redirect('/');
    if (path === '/measures/new' && method === 'POST') return saveMeasure(request.form);
    const html = renderPage(path, user) as string;
    if (path === '/ressources') return page(200, html, { cacheControl: 'no-store', compressible: false });
    return page(200, html);
  }

  return { handle, renderPage };
}

