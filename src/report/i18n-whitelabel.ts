/**
 * The white-label statement's prose, French and English (the methodology, `methodology/whitelabel.ts`, gives codes
 * and parameters only): the names of the indicators, a sentence per warning code, the estimation rule written out,
 * and the labels of the HTML and Markdown statements. Both languages have the same keys (typed, and a unit test
 * checks it at run time). Values are plain text; the renderers escape them.
 *
 * These sentences are also the `fr` / `en` texts of the statement's JSON ({@link publishedWhiteLabelStatement}),
 * worded as statements were published before the methodology gave codes: change one and published statements
 * change.
 */
import type {
  WhiteLabelEstimation,
  WhiteLabelIndicator,
  WhiteLabelIndicatorId,
  WhiteLabelRule,
  WhiteLabelRuleStatement,
  WhiteLabelStatement,
  WhiteLabelWarning,
  WhiteLabelWarningCode,
  WhiteLabelWarningParams,
} from '../methodology/whitelabel.js';
import type { EnergyLabelView } from './grade-view.js';
import type { ReportLang } from './i18n.js';

/** A sentence for each warning code, from its parameters. */
export type WhiteLabelWarningMessages = { [C in WhiteLabelWarningCode]: (params: WhiteLabelWarningParams[C]) => string };

/** The pieces the estimation rule is written with, in one language. */
export interface WhiteLabelRuleMessages {
  /** What a rule retains, over `count` variants listed in `list`. */
  byRule: Record<WhiteLabelRule, (count: number, list: string) => string>;
  /** Where the minimum and the maximum come from. */
  minMax: (count: number, list: string) => string;
  /** The distributor was measured: its own values are retained. */
  measured: (estimate: string, minMax: string) => string;
  /** The indicators the distributor's result lacks, and the rule their value follows. */
  fellBack: (indicators: string, estimate: string, byRule: string) => string;
  /** The distributor was not measured: a rule over the variants. */
  notMeasured: (estimate: string, byRule: string, minMax: string) => string;
}

/** The white-label prose of one language. */
export interface WhiteLabelMessages {
  indicators: Record<WhiteLabelIndicatorId, string>;
  warnings: WhiteLabelWarningMessages;
  rule: WhiteLabelRuleMessages;
}

/** `value: variant, variant; value: variant` — the groups of variants sharing one value. */
const groups = (list: ReadonlyArray<{ variants: readonly string[] }>, valueOf: (index: number) => string): string =>
  list.map((group, index) => `${valueOf(index)}: ${group.variants.join(', ')}`).join('; ');
const values = (list: ReadonlyArray<{ value: string; variants: readonly string[] }>): string => groups(list, (i) => list[i].value);

const FR_INDICATORS: Record<WhiteLabelIndicatorId, string> = {
  ecoscore: 'Écoscore',
  energyScore: 'Score énergie',
  performanceScore: 'Score performance',
  dataScore: 'Score données',
  energyMah: 'Énergie par parcours',
  bytes: 'Données échangées par parcours',
  durationMs: 'Durée du parcours',
  ghgGrams: 'Gaz à effet de serre par parcours',
  waterLitres: 'Eau par parcours',
  adpKgSbEq: 'Ressources abiotiques par parcours',
};

const EN_INDICATORS: Record<WhiteLabelIndicatorId, string> = {
  ecoscore: 'Ecoscore',
  energyScore: 'Energy score',
  performanceScore: 'Performance score',
  dataScore: 'Data score',
  energyMah: 'Energy per journey',
  bytes: 'Data transferred per journey',
  durationMs: 'Journey duration',
  ghgGrams: 'Greenhouse gases per journey',
  waterLitres: 'Water per journey',
  adpKgSbEq: 'Abiotic resources per journey',
};

/** "les variantes … sur des {plateformes différentes | appareils différents | réseaux différents}". */
const FR_DIFFERING = { 'different-platforms': 'plateformes différentes', 'different-devices': 'appareils différents', 'different-networks': 'réseaux différents' } as const;
const frDiffering = (code: keyof typeof FR_DIFFERING) => (p: { groups: Array<{ value: string; variants: string[] }> }) =>
  `Les variantes ont été mesurées sur des ${FR_DIFFERING[code]} : leurs chiffres ne sont pas comparables ; mesurez-les dans les mêmes conditions. ${values(p.groups)}`;
const EN_DIFFERING = { 'different-platforms': 'platforms', 'different-devices': 'devices', 'different-networks': 'networks' } as const;
const enDiffering = (code: keyof typeof EN_DIFFERING) => (p: { groups: Array<{ value: string; variants: string[] }> }) =>
  `The variants were measured on different ${EN_DIFFERING[code]}: their figures are not comparable; measure them under the same conditions. ${values(p.groups)}`;

const FR: WhiteLabelMessages = {
  indicators: FR_INDICATORS,
  warnings: {
    'single-variant': (p) =>
      `Une seule variante a été mesurée (« ${p.variant} ») : le minimum, le maximum et la valeur estimée sont ses propres valeurs ; ils ne disent rien de la dispersion entre distributeurs.`,
    'different-journeys': (p) =>
      `Les variantes n’ont pas été mesurées sur le même parcours (étapes différentes) : leurs chiffres ne sont pas comparables. ${groups(p.groups, (i) => `« ${p.groups[i].journey} » (${p.groups[i].steps} étapes)`)}`,
    'different-journey-files': (p) =>
      `Les variantes ont été mesurées avec des fichiers de parcours différents (sha256 différents) mais les mêmes étapes ; vérifiez qu’ils décrivent le même parcours utilisateur. ${groups(p.groups, (i) => p.groups[i].sha256Prefix)}`,
    'different-platforms': frDiffering('different-platforms'),
    'different-devices': frDiffering('different-devices'),
    'different-networks': frDiffering('different-networks'),
    'different-methodology': () =>
      'Les variantes ont été calculées avec des méthodes différentes (profil de notation, modèle d’énergie ou facteurs d’empreinte) : leurs scores ne sont pas comparables.',
    'different-energy-sources': (p) =>
      `L’énergie de certaines variantes est modélisée, celle d’autres mesurée (${p.sources.map((s) => `${s.variant} : ${s.energySource}`).join(', ')}) : les chiffres d’énergie ne sont pas comparables.`,
    'modelled-energy': (p) =>
      `L’énergie des variantes ${p.variants.join(', ')} est estimée par un modèle à partir du CPU, des données et de la durée mesurés, pas mesurée sur un téléphone.`,
    'failed-steps': (p) =>
      `« ${p.variant} » : ${p.failedSteps} étape(s) en échec et ${p.skippedSteps} non jouée(s) ; ses totaux ne couvrent que les étapes mesurées et sous-estiment le parcours. Corrigez le parcours et mesurez à nouveau.`,
    'incomplete-run': (p) => `« ${p.variant} » : ${p.completedIterations} itération(s) terminée(s) sur ${p.iterations} (statut ${p.status}).`,
    'single-iteration': (p) =>
      `« ${p.variant} » n’a été mesurée qu’une fois : la dispersion de ses chiffres n’est pas connue (3 itérations au moins sont recommandées).`,
    'estimate-not-measured-for-indicator': (p) =>
      `${FR_INDICATORS[p.indicator]} n’a pas été mesuré sur « ${p.estimate} » : la valeur retenue suit la règle « ${p.fallback} » sur les autres variantes.`,
    'indicator-not-measured': (p) => `${FR_INDICATORS[p.indicator]} : aucune variante n’a ce chiffre (${p.source}) ; il n’est pas déclaré.`,
  },
  rule: {
    byRule: {
      median: (count, list) =>
        `la médiane des valeurs mesurées sur les ${count} variante(s) (${list}) ; pour un nombre pair de variantes, la moyenne des deux valeurs centrales. La médiane est comprise entre le minimum et le maximum, n’est pas tirée par un déploiement atypique et ne suppose rien du service non mesuré sinon qu’il est un déploiement du même produit`,
      conservative: (count, list) =>
        `la valeur la moins favorable mesurée sur les ${count} variante(s) (${list}) : le score le plus bas, la consommation la plus élevée ; une estimation prudente, comprise entre le minimum et le maximum`,
    },
    minMax: (count, list) => `Le minimum et le maximum sont les valeurs extrêmes mesurées sur les ${count} variante(s) (${list}).`,
    measured: (estimate, minMax) => `Le service « ${estimate} » a été mesuré : pour chaque indicateur, la valeur estimée retenue est sa propre valeur mesurée. ${minMax}`,
    fellBack: (indicators, estimate, byRule) => ` Pour ${indicators}, non mesuré(s) sur « ${estimate} », la valeur retenue est ${byRule}.`,
    notMeasured: (estimate, byRule, minMax) => `Le service « ${estimate} » n’a pas été mesuré : pour chaque indicateur, la valeur estimée retenue est ${byRule}. ${minMax}`,
  },
};

const EN: WhiteLabelMessages = {
  indicators: EN_INDICATORS,
  warnings: {
    'single-variant': (p) =>
      `Only one variant was measured ("${p.variant}"): the minimum, maximum and estimated value are its own values; they say nothing of the spread between distributors.`,
    'different-journeys': (p) =>
      `The variants were not measured along the same journey (different steps): their figures are not comparable. ${groups(p.groups, (i) => `"${p.groups[i].journey}" (${p.groups[i].steps} steps)`)}`,
    'different-journey-files': (p) =>
      `The variants were measured with different journey files (different sha256) but the same steps; check that they describe the same user journey. ${groups(p.groups, (i) => p.groups[i].sha256Prefix)}`,
    'different-platforms': enDiffering('different-platforms'),
    'different-devices': enDiffering('different-devices'),
    'different-networks': enDiffering('different-networks'),
    'different-methodology': () =>
      'The variants were computed with different methods (scoring profile, energy model or footprint factors): their scores are not comparable.',
    'different-energy-sources': (p) =>
      `The energy of some variants is modelled and of others measured (${p.sources.map((s) => `${s.variant}: ${s.energySource}`).join(', ')}): energy figures are not comparable.`,
    'modelled-energy': (p) => `The energy of ${p.variants.join(', ')} is estimated by a model from the measured CPU time, data and duration, not measured on a phone.`,
    'failed-steps': (p) =>
      `"${p.variant}": ${p.failedSteps} failed and ${p.skippedSteps} skipped step(s); its totals cover only the measured steps and understate the journey. Fix the journey and measure again.`,
    'incomplete-run': (p) => `"${p.variant}": ${p.completedIterations} of ${p.iterations} iteration(s) completed (status ${p.status}).`,
    'single-iteration': (p) => `"${p.variant}" was measured once only: the spread of its figures is unknown (at least 3 iterations are recommended).`,
    'estimate-not-measured-for-indicator': (p) =>
      `${EN_INDICATORS[p.indicator]} was not measured on "${p.estimate}": the value retained follows the "${p.fallback}" rule over the other variants.`,
    'indicator-not-measured': (p) => `${EN_INDICATORS[p.indicator]}: no variant has this figure (${p.source}); it is not stated.`,
  },
  rule: {
    byRule: {
      median: (count, list) =>
        `the median of the values measured on the ${count} variant(s) (${list}); for an even number of variants, the mean of the two middle values. The median lies between the minimum and the maximum, is not pulled by one atypical deployment, and assumes nothing of the unmeasured service beyond its being a deployment of the same product`,
      conservative: (count, list) =>
        `the least favourable value measured on the ${count} variant(s) (${list}): the lowest score, the highest consumption; a prudent estimate, between the minimum and the maximum`,
    },
    minMax: (count, list) => `The minimum and the maximum are the extreme values measured on the ${count} variant(s) (${list}).`,
    measured: (estimate, minMax) => `The service "${estimate}" was measured: for each indicator, the estimated value retained is its own measured value. ${minMax}`,
    fellBack: (indicators, estimate, byRule) => ` For ${indicators}, not measured on "${estimate}", the value retained is ${byRule}.`,
    notMeasured: (estimate, byRule, minMax) => `The service "${estimate}" was not measured: for each indicator, the estimated value retained is ${byRule}. ${minMax}`,
  },
};

/** The white-label prose, per language (same keys in both). */
export const WHITELABEL_MESSAGES: Readonly<Record<ReportLang, WhiteLabelMessages>> = { fr: FR, en: EN };

/** The name of an indicator in a language. */
export function whiteLabelIndicatorLabel(id: WhiteLabelIndicatorId, lang: ReportLang): string {
  return WHITELABEL_MESSAGES[lang].indicators[id];
}

function phrase<C extends WhiteLabelWarningCode>(messages: WhiteLabelWarningMessages, code: C, params: WhiteLabelWarningParams[C]): string {
  return messages[code](params);
}

/** The sentence of a warning in a language. */
export function whiteLabelWarningText(warning: WhiteLabelWarning, lang: ReportLang): string {
  return phrase(WHITELABEL_MESSAGES[lang].warnings, warning.code, warning.params);
}

/** The estimation rule of a statement, written out in a language. */
export function whiteLabelRuleText(rule: WhiteLabelRuleStatement, lang: ReportLang): string {
  const m = WHITELABEL_MESSAGES[lang].rule;
  const { estimate, variants } = rule.params;
  const minMax = m.minMax(variants.length, variants.join(', '));
  const byRule = (id: WhiteLabelRule) => m.byRule[id](variants.length, variants.join(', '));
  if (rule.code === 'estimate-by-rule') return m.notMeasured(estimate, byRule(rule.id), minMax);
  const fellBack = rule.params.fellBack;
  const names = fellBack.map((id) => WHITELABEL_MESSAGES[lang].indicators[id]).join(', ');
  return m.measured(estimate, minMax) + (fellBack.length > 0 ? m.fellBack(names, estimate, byRule(rule.fallback)) : '');
}

/** A text in both languages. */
export interface BilingualText {
  fr: string;
  en: string;
}

const bilingual = (text: (lang: ReportLang) => string): BilingualText => ({ fr: text('fr'), en: text('en') });

/** The statement as `whitelabel.json` holds it: every code with its French and English sentence. */
export interface PublishedWhiteLabelStatement extends Omit<WhiteLabelStatement, 'rule' | 'indicators' | 'warnings'> {
  rule: { id: WhiteLabelEstimation; fallback: WhiteLabelRule } & BilingualText;
  indicators: Array<{ id: WhiteLabelIndicatorId; label: BilingualText } & Omit<WhiteLabelIndicator, 'id'>>;
  warnings: Array<{ code: WhiteLabelWarningCode; variants?: string[]; indicator?: WhiteLabelIndicatorId } & BilingualText>;
}

/** The statement with its sentences added from this catalogue, in the key order of the published JSON. */
export function publishedWhiteLabelStatement(statement: WhiteLabelStatement): PublishedWhiteLabelStatement {
  return {
    ...statement,
    rule: { id: statement.rule.id, fallback: statement.rule.fallback, ...bilingual((lang) => whiteLabelRuleText(statement.rule, lang)) },
    indicators: statement.indicators.map(({ id, ...rest }) => ({ id, label: bilingual((lang) => whiteLabelIndicatorLabel(id, lang)), ...rest })),
    warnings: statement.warnings.map((warning) => {
      const { code, params: _params, ...rest } = warning;
      return { code, ...bilingual((lang) => whiteLabelWarningText(warning, lang)), ...rest };
    }),
  };
}

/** The labels of the HTML and Markdown statements (headings, column names, short phrases), per language. */
export const WHITELABEL_LABELS = {
  fr: {
    title: 'Déclaration marque blanche — écoscore',
    lead: 'Service du distributeur : « {name} »',
    measured: 'mesuré',
    notMeasured: 'non mesuré : valeurs estimées à partir des variantes mesurées',
    purpose:
      'Produit en marque blanche (guide du référencement à Mon espace santé, annexe 12.1, critère DEV.1.1) : le producteur fournit pour le service du distributeur une valeur minimale, une valeur maximale et une valeur estimée ; la valeur estimée est celle retenue.',
    headline: 'Écoscore retenu : {value} /100',
    grade: 'note {grade}',
    indicatorsHeading: 'Valeurs déclarées',
    indicator: 'Indicateur',
    minimum: 'Minimum',
    maximum: 'Maximum',
    estimated: 'Valeur estimée retenue',
    unit: 'Unité',
    howEstimated: 'Obtenue par',
    ruleHeading: 'Règle d’estimation',
    variantsHeading: 'Variantes mesurées',
    variant: 'Variante',
    ecoscore: 'Écoscore',
    date: 'Mesurée le',
    device: 'Appareil',
    network: 'Réseau',
    journey: 'Parcours',
    iterations: 'Itérations',
    cv: 'Dispersion (CV)',
    energySource: 'Énergie',
    steps: 'Étapes',
    stepsValue: '{passed} réussie(s), {failed} en échec, {skipped} non jouée(s)',
    warningsHeading: 'Avertissements',
    noWarnings: 'Aucun avertissement.',
    generated: 'Déclaration produite le {date}{tool}.',
    by: ' par {tool} {version}',
    offline: 'Document autonome : il s’ouvre hors ligne et ne contacte aucun serveur.',
    rules: { measured: 'mesure du service', median: 'médiane des variantes', conservative: 'valeur la moins favorable', none: 'non mesuré' },
    sources: { modelled: 'modélisée', measured: 'mesurée', 'partly-measured': 'en partie mesurée', unknown: 'non renseignée' } satisfies Record<EnergyLabelView['label'], string>,
    noEcoscore: 'Aucun écoscore retenu : aucune variante mesurée n’a de note.',
    variantNoGrade: '« {name} » n’a pas de note — {reason}',
    of: '{done} sur {total}',
    unitScore: '/100',
  },
  en: {
    title: 'White-label statement — ecoscore',
    lead: 'Distributor’s service: "{name}"',
    measured: 'measured',
    notMeasured: 'not measured: values estimated from the variants measured',
    purpose:
      'White-label product (guide to referencing in Mon espace santé, annex 12.1, criterion DEV.1.1): the producer provides for the distributor’s service a minimum, a maximum and an estimated value; the estimated value is the one retained.',
    headline: 'Ecoscore retained: {value} /100',
    grade: 'grade {grade}',
    indicatorsHeading: 'Values stated',
    indicator: 'Indicator',
    minimum: 'Minimum',
    maximum: 'Maximum',
    estimated: 'Estimated value retained',
    unit: 'Unit',
    howEstimated: 'Obtained by',
    ruleHeading: 'Estimation rule',
    variantsHeading: 'Variants measured',
    variant: 'Variant',
    ecoscore: 'Ecoscore',
    date: 'Measured on',
    device: 'Device',
    network: 'Network',
    journey: 'Journey',
    iterations: 'Iterations',
    cv: 'Spread (CV)',
    energySource: 'Energy',
    steps: 'Steps',
    stepsValue: '{passed} passed, {failed} failed, {skipped} skipped',
    warningsHeading: 'Warnings',
    noWarnings: 'No warnings.',
    generated: 'Statement produced on {date}{tool}.',
    by: ' by {tool} {version}',
    offline: 'Self-contained document: it opens offline and contacts no server.',
    rules: { measured: 'the service’s own measure', median: 'median of the variants', conservative: 'least favourable value', none: 'not measured' },
    sources: { modelled: 'modelled', measured: 'measured', 'partly-measured': 'partly-measured', unknown: 'not recorded' } satisfies Record<EnergyLabelView['label'], string>,
    noEcoscore: 'No ecoscore retained: no measured variant has a grade.',
    variantNoGrade: '“{name}” has no grade — {reason}',
    of: '{done} of {total}',
    unitScore: '/100',
  },
} as const;
