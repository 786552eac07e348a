/**
 * Conventions of ecoscore's GDSL (sources in docs/gdsl.md): step-name prefixes, how many swipes stand for
 * a scroll, the round-trip comments, and what a target means for GDSL. Pure.
 */
import type { FileJourney } from '../file-form.js';
import type { Journey, StepType } from '../schema.js';
import { type Rec } from './tokenize.js';

/** Step-name prefix per step type. CHRGT_/ACTION_/SCROLL_/PAUSE_ are Greenspector's; PAUSE_BACKGROUND_ is ours. */
export const GDSL_STEP_PREFIX: Readonly<Record<StepType, string>> = {
  reference: 'PAUSE_',
  pause: 'PAUSE_',
  'first-load': 'CHRGT_',
  load: 'CHRGT_',
  action: 'ACTION_',
  scroll: 'SCROLL_',
  background: 'PAUSE_BACKGROUND_',
};

/** A word already said by the prefix, dropped from the start of a step name (`scroll measures` → `SCROLL_MEASURES`). */
const REDUNDANT_WORD: Readonly<Record<StepType, string>> = {
  reference: 'PAUSE',
  pause: 'PAUSE',
  'first-load': 'CHRGT',
  load: 'CHRGT',
  action: 'ACTION',
  scroll: 'SCROLL',
  background: 'BACKGROUND',
};

/** Browser package used by `setBrowser` (Greenspector's benches are Android phones running Chrome). */
export const CHROME_PACKAGE = 'com.android.chrome';
/** GDSL has no loop or condition: `scroll: { to: bottom|top }` becomes this many swipes. */
export const SWIPES_TO_EDGE = 5;
/** Pixels one swipe is taken to scroll (half of an 800 px tall phone viewport) for `scroll: { by }`. */
export const SWIPE_PX = 400;
/** `waitFor` with no GDSL equivalent (network idle, CSS selector, XPath) becomes a pause this long. */
export const SETTLE_PAUSE_MS = 1000;
/** Placeholder for an Android/iOS application id the journey does not give (`app: path.apk`). */
export const APP_ID_VARIABLE = '${APP_PACKAGE}';

/** Commands that prepare the browser: ecoscore does it itself. */
export const SETUP_COMMANDS = new Set(['setBrowser', 'browserPrepareAndOpenForReference', 'browserReset']);

/** The action keys of a journey file. */
export const ACTION_KEYS = ['goto', 'click', 'fill', 'press', 'scroll', 'swipe', 'waitFor', 'pause', 'back', 'launchApp', 'closeApp', 'background'] as const;

/** Comment prefixes of the round trip (`# ecoscore journey: {…}`). */
export const COMMENT_JOURNEY = 'ecoscore journey:';
export const COMMENT_STEP = 'ecoscore step:';
export const COMMENT_ACTION = 'ecoscore action:';

/** Upper snake case ASCII: `Connexion réussie!` → `CONNEXION_REUSSIE`. */
export function gdslStepName(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const snake = ascii.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toUpperCase();
  return snake || 'STEP';
}

/** `measureStart` name of a step, before the uniqueness suffix: prefix + upper snake name. */
export function measureBase(name: string, type: StepType): string {
  let snake = gdslStepName(name);
  const word = REDUNDANT_WORD[type];
  if (snake.startsWith(`${word}_`)) snake = snake.slice(word.length + 1);
  return GDSL_STEP_PREFIX[type] + snake;
}
/** One comment line: line breaks made spaces. */
export const commentText = (text: string): string => text.replace(/[\r\n]+/g, ' ');

/** What the target means for GDSL: web or app, the app id, the base URL, the browser package. */
export function targetContext(target: FileJourney['target'] | Journey['target']): { web: boolean; appId?: string; baseUrl?: string; browserPackage: string } {
  const t = target as Rec;
  const web = t.platform === 'web' || typeof t.browser === 'string';
  const appId = typeof t.appPackage === 'string' ? t.appPackage : typeof t.bundleId === 'string' ? t.bundleId : undefined;
  const url = typeof t.url === 'string' ? t.url : undefined;
  return {
    web,
    appId: web ? undefined : appId ?? APP_ID_VARIABLE,
    baseUrl: url && /^https?:\/\//i.test(url) ? url : undefined,
    browserPackage: t.platform === 'ios' ? 'com.apple.mobilesafari' : CHROME_PACKAGE,
  };
}

