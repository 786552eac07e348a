/**
 * Credentials of device farms and grids: `https://USER:KEY@hub…/wd/hub` in `appiumUrl`, and vendor secrets in
 * the capabilities (`accessKey`, `username`, the same keys inside `bstack:options`, `sauce:options`,
 * `lt:options`…). They are sent to the server (WebdriverIO `user`/`key`, i.e. HTTP Basic auth) and nowhere
 * else: every message shows the URL without them, and results get the target with them replaced.
 */
import { SECRET_PLACEHOLDER } from '../../journey/secrets.js';
import { isPlainObject, type Capabilities } from './capabilities.js';

/** Capability keys (at any depth) whose values are credentials. */
const SECRET_KEY = /^(access_?key|api_?key|key|user_?name|user|password|passwd|secret|token|auth(orization)?|testobject_api_key|browserstack\.(key|user))$/i;

/** WebdriverIO's connection options for a server URL: credentials in the URL become `user`/`key`. */
export interface ConnectionOptions {
  protocol: 'http' | 'https';
  hostname: string;
  port: number;
  path: string;
  user?: string;
  key?: string;
}

/** Splits a server URL into WebdriverIO's connection options (credentials in the URL become user/key). */
export function connectionOptions(serverUrl: string): ConnectionOptions {
  const url = new URL(serverUrl);
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  return {
    protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : protocol === 'https' ? 443 : 80,
    path: url.pathname || '/',
    ...(url.username ? { user: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { key: decodeURIComponent(url.password) } : {}),
  };
}

/** The URL without its credentials (`https://[secret]:[secret]@hub…`), for messages and results. */
export function redactUrl(serverUrl: string): string {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    // Not a URL: hide anything between a scheme and an `@`.
    return serverUrl.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, `$1${SECRET_PLACEHOLDER}@`);
  }
  if (!url.username && !url.password) return serverUrl;
  const auth = [url.username ? SECRET_PLACEHOLDER : '', url.password ? SECRET_PLACEHOLDER : ''].filter(Boolean).join(':');
  return `${url.protocol}//${auth}@${url.host}${url.pathname}${url.search}`;
}

/** The URL without credentials, and the `Authorization` header that carries them (null without). */
export function splitCredentials(serverUrl: string): { url: string; authorization: string | null } {
  const url = new URL(serverUrl);
  if (!url.username && !url.password) return { url: serverUrl, authorization: null };
  const user = decodeURIComponent(url.username);
  const key = decodeURIComponent(url.password);
  url.username = '';
  url.password = '';
  return { url: url.toString(), authorization: `Basic ${Buffer.from(`${user}:${key}`, 'utf8').toString('base64')}` };
}

/** Capabilities with every credential value replaced (vendor options objects walked), for results. */
export function redactCapabilities(capabilities: Capabilities): Capabilities {
  const walk = (value: unknown, key: string | null): unknown => {
    if (key !== null && SECRET_KEY.test(key) && (typeof value === 'string' || typeof value === 'number')) return SECRET_PLACEHOLDER;
    if (Array.isArray(value)) return value.map((item) => walk(item, null));
    if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(capabilities, null) as Capabilities;
}

/**
 * Every credential of a target, in the forms it may be written in: the URL's user and key (as written,
 * decoded, and as the base64 of a Basic `Authorization` header) and vendor secret capabilities. Used to scrub
 * results, events and messages whatever path a value took.
 */
export function credentialsOf(target: { appiumUrl?: string; capabilities?: Record<string, unknown> }): string[] {
  const found = new Set<string>();
  if (target.appiumUrl) {
    try {
      const url = new URL(target.appiumUrl);
      for (const raw of [url.username, url.password]) {
        if (!raw) continue;
        found.add(raw);
        found.add(decodeURIComponent(raw));
      }
      if (url.username || url.password) {
        const pair = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
        found.add(pair);
        found.add(Buffer.from(pair, 'utf8').toString('base64'));
      }
    } catch {
      // not a URL: the journey schema reports it
    }
  }
  const walk = (value: unknown, key: string | null) => {
    if (key !== null && SECRET_KEY.test(key) && (typeof value === 'string' || typeof value === 'number')) found.add(String(value));
    else if (Array.isArray(value)) value.forEach((item) => walk(item, null));
    else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(target.capabilities ?? {}, null);
  // Short values (a one-letter user) would mangle ordinary text; they are still redacted where they are keys' values.
  return [...found].filter((value) => value.length >= 3);
}

/** A target as results may show it: `appiumUrl` without credentials, vendor secrets replaced. */
export function redactTarget<T extends { appiumUrl?: string; capabilities?: Record<string, unknown> }>(target: T): T {
  const copy = { ...target };
  if (typeof copy.appiumUrl === 'string') copy.appiumUrl = redactUrl(copy.appiumUrl);
  if (copy.capabilities) copy.capabilities = redactCapabilities(copy.capabilities);
  return copy;
}

/** Replaces every credential (and its JSON-escaped and URL-encoded forms) in every string of a JSON-like value. */
export function scrubCredentials<T>(value: T, credentials: readonly string[]): T {
  if (credentials.length === 0) return value;
  const forms = [...new Set(credentials.flatMap((secret) => [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]))]
    .filter((form) => form.length >= 3)
    .sort((a, b) => b.length - a.length);
  const scrub = (text: string) => forms.reduce((out, form) => out.split(form).join(SECRET_PLACEHOLDER), text);
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return scrub(item);
    if (Array.isArray(item)) return item.map(walk);
    if (isPlainObject(item)) return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, walk(v)]));
    return item;
  };
  return walk(value) as T;
}
