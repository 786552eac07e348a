/**
 * The white-label catalogue: French and English have a sentence for every warning code and a name for every
 * indicator, and phrase the codes and parameters of statements computed from the recorded demo result (variants
 * made by changing its figures in memory, test/helpers/whitelabel-variants.ts) as the published statements
 * word them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { variantMaker } from '../helpers/whitelabel-variants.js';
import {
  WHITELABEL_INDICATOR_IDS,
  WHITELABEL_WARNING_CODES,
  whiteLabelStatement,
  type WhiteLabelInput,
  type WhiteLabelStatement,
  type WhiteLabelWarning,
} from '../../src/methodology/whitelabel.js';
import { publishedWhiteLabelStatement, WHITELABEL_LABELS, WHITELABEL_MESSAGES, whiteLabelIndicatorLabel, whiteLabelRuleText, whiteLabelWarningText } from '../../src/report/i18n-whitelabel.js';
import type { Result } from '../../src/model/result.js';

const AT = '2026-11-22T10:00:00.000Z';

let variant: Awaited<ReturnType<typeof variantMaker>>;
beforeAll(async () => {
  variant = await variantMaker();
});

const three = () => [variant('acme', 86, 1), variant('beta', 70, 1.5), variant('gamma', 92, 0.8)];
const warning = (statement: WhiteLabelStatement, code: WhiteLabelWarning['code']) => statement.warnings.find((w) => w.code === code)!;

/** Keys of an object, nested objects' keys as `key.sub` (functions are leaves). */
const keysOf = (value: object, prefix = ''): string[] =>
  Object.entries(value).flatMap(([key, entry]) => (entry !== null && typeof entry === 'object' ? keysOf(entry as object, `${prefix}${key}.`) : [`${prefix}${key}`])).sort();

/** Statements that, together, raise every warning code. */
function everyWarning(): WhiteLabelStatement[] {
  const noEnergy = (r: Result) => delete (r.summary.totals as Record<string, unknown>).energyMah;
  return [
    whiteLabelStatement([variant('acme', 86, 1)], { estimate: 'x', generatedAt: AT }),
    whiteLabelStatement([variant('acme', 86, 1), variant('beta', 70, 1, (r) => r.steps.pop())], { estimate: 'x', generatedAt: AT }),
    whiteLabelStatement([variant('acme', 86, 1), variant('beta', 70, 1, (r) => (r.journey.sha256 = 'f'.repeat(64)))], { estimate: 'x', generatedAt: AT }),
    whiteLabelStatement(
      [
        variant('acme', 86, 1, (r) => Object.assign(r, { status: 'failed', summary: { ...r.summary, failedSteps: 1 } })),
        variant('beta', 70, 1.5, (r) => {
          r.environment.device = { ...r.environment.device, id: 'high-end-phone' };
          r.environment.network = { ...r.environment.network, id: '4g' };
          r.target = { platform: 'android', appPackage: 'org.example.beta' };
          (r.environment.methodology as { scoring: unknown }).scoring = { id: 'official', version: '2' };
          r.environment.energySource = { kind: 'device-counter', counter: 'android-charge-counter' };
          Object.assign(r, { status: 'interrupted', completedIterations: 1 });
        }),
      ],
      { estimate: 'x', generatedAt: AT },
    ),
    whiteLabelStatement([variant('acme', 80, 1, noEnergy), variant('beta', 60, 2, (r) => (noEnergy(r), (r.summary.footprint = null)))], { estimate: 'beta', generatedAt: AT }),
  ];
}

describe('the white-label catalogue', () => {
  it('has, in French and in English, a sentence for every warning code, a name for every indicator and the same keys', () => {
    for (const lang of ['fr', 'en'] as const) {
      expect(Object.keys(WHITELABEL_MESSAGES[lang].warnings).sort(), lang).toEqual([...WHITELABEL_WARNING_CODES].sort());
      expect(Object.keys(WHITELABEL_MESSAGES[lang].indicators).sort(), lang).toEqual([...WHITELABEL_INDICATOR_IDS].sort());
    }
    expect(keysOf(WHITELABEL_MESSAGES.en)).toEqual(keysOf(WHITELABEL_MESSAGES.fr));
    expect(keysOf(WHITELABEL_LABELS.en)).toEqual(keysOf(WHITELABEL_LABELS.fr));
  });

  it('phrases every warning code raised by the methodology, differently in each language, naming its variants', () => {
    const warnings = everyWarning().flatMap((statement) => statement.warnings);
    expect(new Set(warnings.map((w) => w.code))).toEqual(new Set(WHITELABEL_WARNING_CODES));
    for (const w of warnings) {
      const fr = whiteLabelWarningText(w, 'fr');
      const en = whiteLabelWarningText(w, 'en');
      expect(fr, w.code).not.toBe(en);
      for (const name of w.variants ?? []) {
        if (w.code === 'different-methodology' || w.code === 'estimate-not-measured-for-indicator') continue;
        expect(fr, w.code).toContain(name);
        expect(en, w.code).toContain(name);
      }
      if (w.indicator) expect(en, w.code).toContain(whiteLabelIndicatorLabel(w.indicator, 'en'));
    }
  });

  it('words the warnings as the published statements do', () => {
    const [single, , , mixed, missing] = everyWarning();
    expect(whiteLabelWarningText(warning(single, 'modelled-energy'), 'en')).toBe('The energy of acme is estimated by a model from the measured CPU time, data and duration, not measured on a phone.');
    expect(whiteLabelWarningText(warning(single, 'modelled-energy'), 'fr')).toBe('L’énergie des variantes acme est estimée par un modèle à partir du CPU, des données et de la durée mesurés, pas mesurée sur un téléphone.');
    expect(whiteLabelWarningText(warning(mixed, 'different-devices'), 'en')).toContain('mid-range-phone: acme; high-end-phone: beta');
    expect(whiteLabelWarningText(warning(mixed, 'different-devices'), 'fr')).toContain('appareils différents');
    expect(whiteLabelWarningText({ code: 'different-platforms', params: { groups: [{ value: 'web', variants: ['acme'] }, { value: 'android', variants: ['beta'] }] } }, 'fr')).toContain(
      'sur des plateformes différentes :',
    );
    expect(whiteLabelWarningText(warning(mixed, 'failed-steps'), 'en')).toContain('understate the journey');
    expect(whiteLabelWarningText(warning(mixed, 'incomplete-run'), 'en')).toBe('"beta": 1 of 3 iteration(s) completed (status interrupted).');
    expect(whiteLabelWarningText(warning(mixed, 'different-energy-sources'), 'fr')).toContain('(acme : model, beta : device-counter)');
    expect(whiteLabelWarningText(warning(missing, 'indicator-not-measured'), 'fr')).toBe('Énergie par parcours : aucune variante n’a ce chiffre (summary.totals.energyMah) ; il n’est pas déclaré.');
    expect(whiteLabelWarningText(warning(missing, 'estimate-not-measured-for-indicator'), 'en')).toBe(
      'Greenhouse gases per journey was not measured on "beta": the value retained follows the "median" rule over the other variants.',
    );
  });

  it('writes the rule out: the distributor’s own values, or the median or least favourable value of the variants', () => {
    const measured = whiteLabelStatement(three(), { estimate: 'beta', generatedAt: AT });
    expect(whiteLabelRuleText(measured.rule, 'en')).toContain('"beta" was measured');
    expect(whiteLabelRuleText(measured.rule, 'fr')).toContain('« beta » a été mesuré');
    const median = whiteLabelStatement(three(), { estimate: 'delta', generatedAt: AT });
    expect(whiteLabelRuleText(median.rule, 'en')).toContain('"delta" was not measured');
    expect(whiteLabelRuleText(median.rule, 'en')).toContain('median of the values measured on the 3 variant(s) (acme, beta, gamma)');
    expect(whiteLabelRuleText(median.rule, 'fr')).toContain('la médiane des valeurs mesurées sur les 3 variante(s)');
    const conservative = whiteLabelStatement(three(), { estimate: 'delta', rule: 'conservative', generatedAt: AT });
    expect(whiteLabelRuleText(conservative.rule, 'en')).toContain('least favourable value');
    expect(whiteLabelRuleText(conservative.rule, 'en')).toBe(
      'The service "delta" was not measured: for each indicator, the estimated value retained is the least favourable value measured on the 3 variant(s) (acme, beta, gamma): the lowest score, the highest consumption; a prudent estimate, between the minimum and the maximum. The minimum and the maximum are the extreme values measured on the 3 variant(s) (acme, beta, gamma).',
    );
  });

  it('names the indicators the distributor lacks in the rule, with the fallback rule', () => {
    const statement = whiteLabelStatement([variant('acme', 80, 1), variant('beta', 60, 2, (r) => (r.summary.footprint = null)), variant('gamma', 90, 3)], { estimate: 'beta', generatedAt: AT });
    expect(whiteLabelRuleText(statement.rule, 'en')).toContain('For Greenhouse gases per journey, Water per journey, Abiotic resources per journey, not measured on "beta"');
    expect(whiteLabelRuleText(statement.rule, 'fr')).toContain('non mesuré(s) sur « beta », la valeur retenue est la médiane');
    // Each language names them in its own words.
    expect(whiteLabelRuleText(statement.rule, 'fr')).toContain(`Pour ${WHITELABEL_MESSAGES.fr.indicators.ghgGrams}, ${WHITELABEL_MESSAGES.fr.indicators.waterLitres}`);
    expect(whiteLabelRuleText(statement.rule, 'fr')).not.toContain('Greenhouse');
  });
});

describe('publishedWhiteLabelStatement (what whitelabel.json holds)', () => {
  it('gives each warning, the rule and each indicator its French and English text, in the published key order', () => {
    for (const statement of everyWarning()) {
      const published = publishedWhiteLabelStatement(statement);
      expect(Object.keys(published)).toEqual(['kind', 'version', 'generatedAt', 'tool', 'estimate', 'rule', 'indicators', 'ecoscoreGrade', 'variants', 'warnings']);
      expect(published.rule).toEqual({ id: statement.rule.id, fallback: statement.rule.fallback, fr: whiteLabelRuleText(statement.rule, 'fr'), en: whiteLabelRuleText(statement.rule, 'en') });
      published.indicators.forEach((indicator, i) => {
        expect(Object.keys(indicator).slice(0, 3)).toEqual(['id', 'label', 'unit']);
        expect(indicator.label).toEqual({ fr: whiteLabelIndicatorLabel(indicator.id, 'fr'), en: whiteLabelIndicatorLabel(indicator.id, 'en') });
        expect({ ...indicator, label: undefined }).toEqual({ ...statement.indicators[i], label: undefined });
      });
      published.warnings.forEach((w, i) => {
        const source = statement.warnings[i];
        expect(Object.keys(w)).toEqual(['code', 'fr', 'en', ...(source.variants ? ['variants'] : []), ...(source.indicator ? ['indicator'] : [])]);
        expect(w).toEqual({ code: source.code, fr: whiteLabelWarningText(source, 'fr'), en: whiteLabelWarningText(source, 'en'), variants: source.variants, indicator: source.indicator });
      });
      expect(published.variants).toEqual(statement.variants);
    }
  });
});
