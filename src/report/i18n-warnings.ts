/**
 * The message catalogue of the result's warnings (model/warning.ts), French first and English, one phrase per
 * code with the same keys in both languages (typed, and checked by test/report/i18n-warnings.test.ts). Placeholders
 * are `{name}`: a code's params, formatted by the renderer ({@link warningValues}); a few renderer-side extras are
 * noted on the phrase. Texts that come from another layer (a device check, a Playwright condition, an older
 * result's sentence) are English and are quoted as they are.
 */
import { normaliseWarning, type Result, type Warning, type WarningCode } from '../model/result.js';
import { fillLabel, type ReportLang } from './i18n.js';

const FR: Record<WarningCode, string> = {
  'step-failed': 'L’étape « {step} » a échoué ({failedIterations} itération(s) sur {iterations}).',
  'journey-unstable': 'Ecoscore du parcours instable : CV {cv} sur {n} itérations, au-delà du seuil de {cvThreshold} (de {min} à {max}).',
  'step-unstable': 'Étape « {step} » : {metric} instable d’une itération à l’autre (CV {cv}, de {min} à {max} sur {n} itérations).',
  'iterations-failed': 'Itération(s) {iterations} en échec : leurs étapes réussies restent dans les médianes, l’étape en échec est signalée ci-dessus.',
  'browser-restarted': 'Le navigateur s’est arrêté et a été relancé {restarts} fois.',
  'run-interrupted': 'La mesure a été interrompue : {completedIterations} itération(s) sur {iterations} terminée(s). Les chiffres couvrent ce qui a été mesuré.',
  'probe-unavailable': 'La sonde « {probe} » n’a pas pu mesurer (ses chiffres sont vides) : {reason}',
  'energy-modelled': 'L’énergie est modélisée, pas mesurée : {reason}',
  'energy-partly-modelled': 'L’énergie de {modelledSteps} étape(s) est modélisée, celle des autres mesurée : {reason}',
  'device-check': 'Vérification de l’appareil : {text}',
  'lighthouse-failed': 'Le passage Lighthouse a échoué : {error}',
  'calibration-failed': 'Calibration de la machine absente : le temps CPU n’est pas normalisé, l’énergie n’est pas comparable d’une machine à l’autre ({reason}).',
  'test-condition': 'Condition de mesure du test Playwright : {text}',
  'test-ended-after-steps': 'Le test a fini en « {status} » après ses étapes mesurées ({error}) ; les mesures sont complètes.',
  'legacy-text': '{text}',
};

const EN: Record<keyof typeof FR, string> = {
  'step-failed': 'Step “{step}” failed ({failedIterations} of {iterations} iteration(s)).',
  'journey-unstable': 'Unstable journey ecoscore: CV {cv} over {n} iterations, above the {cvThreshold} threshold (from {min} to {max}).',
  'step-unstable': 'Step “{step}”: {metric} varies between iterations (CV {cv}, from {min} to {max} over {n} iterations).',
  'iterations-failed': 'Iteration(s) {iterations} failed: their passed steps are kept in the medians, their failed step is reported above.',
  'browser-restarted': 'The browser crashed and was restarted {restarts} time(s).',
  'run-interrupted': 'The run was interrupted: {completedIterations} of {iterations} iteration(s) completed. The figures cover what was measured.',
  'probe-unavailable': 'Probe “{probe}” could not measure (its figures are empty): {reason}',
  'energy-modelled': 'Energy is modelled, not measured: {reason}',
  'energy-partly-modelled': 'The energy of {modelledSteps} step(s) is modelled, the others measured: {reason}',
  'device-check': 'Device check: {text}',
  'lighthouse-failed': 'The Lighthouse pass failed: {error}',
  'calibration-failed': 'Host calibration missing: CPU time is not normalised, so energy is not comparable between machines ({reason}).',
  'test-condition': 'Measuring condition of the Playwright test: {text}',
  'test-ended-after-steps': 'The test ended “{status}” after its measured steps ({error}); the measures are complete.',
  'legacy-text': '{text}',
};

/** Every warning code's phrase, per language (same keys in both). */
export const WARNING_PHRASES: Readonly<Record<ReportLang, Readonly<Record<WarningCode, string>>>> = { fr: FR, en: EN };

/** What an unknown value reads as, per language. */
const UNKNOWN: Readonly<Record<ReportLang, string>> = { fr: 'raison inconnue', en: 'unknown reason' };

/** How a renderer formats the values of a phrase. */
export interface WarningFormat {
  lang: ReportLang;
  /** A fraction as a percentage (0.052 → `5,2 %`). */
  percent(fraction: number): string;
  /** Any other number. */
  num(value: number): string;
  /** The name of a metric (`readyMs` → `page ready`). */
  metric(name: string): string;
}

/** The result's warnings as codes (a result read without its schema may still hold an older version's strings). */
export function warningsOf(result: Pick<Result, 'warnings'>): Warning[] {
  return (result.warnings as ReadonlyArray<Warning | string>).map((item) => normaliseWarning(item));
}

/** A warning's params as phrase values: fractions as percentages, metrics by name, lists joined, null as "unknown". */
export function warningValues(item: Warning, format: WarningFormat, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(item.params as Record<string, unknown>)) {
    if (value === null || value === undefined) values[name] = UNKNOWN[format.lang];
    else if (name === 'cv' || name === 'cvThreshold') values[name] = format.percent(value as number);
    else if (name === 'metric') values[name] = format.metric(String(value));
    else if (Array.isArray(value)) values[name] = value.map((entry) => (typeof entry === 'number' ? format.num(entry) : String(entry))).join(', ');
    else values[name] = typeof value === 'number' ? format.num(value) : String(value);
  }
  return { ...values, ...extra };
}

/** A warning phrased in a language, as plain text. */
export function phraseWarning(item: Warning, format: WarningFormat, extra: Readonly<Record<string, string>> = {}): string {
  return fillLabel(WARNING_PHRASES[format.lang][item.code], warningValues(item, format, extra));
}
