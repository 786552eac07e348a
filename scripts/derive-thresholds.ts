/**
 * Derives the default scoring profile (src/profiles/scoring/default.json) from the cited distributions of
 * src/profiles/scoring/distributions.json: `npm run derive:thresholds` rewrites the profile, and
 * test/profiles/derive-thresholds.test.ts fails when the committed profile differs from what this script makes.
 *
 * Rule (docs/methodology.md, "Thresholds"): a step whose figure equals the p-th percentile of its distribution scores
 * 100 − p; linear in between; 100 at 0; down to 0 along the slope of the last two percentiles. Energy thresholds are
 * percentile pages (bytes, requests, main-thread time at the same percentile) that the energy model turns into µAh for
 * the run's device and network.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pointsFromPercentiles } from '../src/methodology/thresholds.js';

interface Distribution {
  what: string;
  unit: string;
  scale: number;
  percentiles: Record<string, number>;
  source: { title: string; url?: string };
}

interface Inputs {
  distributions: Record<string, Distribution>;
  labDevice: { cpuSlowdownFactor: number; source: { title: string; url?: string } };
  idleActivity: { pages: { percentile: number; bytes: number; requests: number; mainThreadMs: number }[]; justification: string };
  interactionScale: { factor: number; justification: string };
}

const PROFILE_FILE = fileURLToPath(new URL('../src/profiles/scoring/default.json', import.meta.url));
const INPUTS_FILE = fileURLToPath(new URL('../src/profiles/scoring/distributions.json', import.meta.url));

/** What the official method is known to do, with the page that says it, and what is reported but not found. */
const METHOD_SOURCE = {
  title:
    "Greenspector Studio wiki, '09 - How to read a dashboard' (update 29 Aug 2024): 'Specific threshold by step type are applied to rate each step with a mark out of 5'. The rule that 'very good' sits at the 20th percentile and 'good' at the 40th percentile of the official measurement base, interpolated linearly, is reported, unverified (no public page found); this profile extends it to the whole distribution: score = 100 − percentile.",
  url: 'https://greenspectorstudio.atlassian.net/wiki/spaces/DPP/pages/120389639/09+-+How+to+read+a+dashboard',
};

/** Why a load step is read on the image bytes of inner pages rather than their whole weight. */
const WARM_LOAD =
  'A load runs after the first load in the same browser profile: the app\u2019s scripts, styles and fonts are cached, and what a navigation must download is mostly what is specific to the new page, chiefly its images (the largest resource type of a page, Web Almanac 2025 Page Weight). HTTP Archive measures cold loads only, so the load curve reads the image bytes of mobile inner pages, the closest published figure of page-specific bytes. Inferred.';

const RULE = 'A step whose figure equals the p-th percentile scores 100 − p (80 at the 20th, 60 at the 40th), linearly in between, 100 at 0, and 0 where the slope of the last two percentiles reaches it.';

function valuesOf(distribution: Distribution, factor = 1): { percentile: number; value: number }[] {
  return Object.entries(distribution.percentiles).map(([percentile, value]) => ({ percentile: Number(percentile), value: value * distribution.scale * factor }));
}

function curve(distribution: Distribution, justification: string, factor = 1) {
  return { points: pointsFromPercentiles(valuesOf(distribution, factor)), justification: `${justification} ${RULE}`, source: [distribution.source, METHOD_SOURCE] };
}

function pages(bytes: Distribution, requests: Distribution, mainThread: Distribution, factor = 1) {
  const percentiles = Object.keys(bytes.percentiles).map(Number).sort((a, b) => a - b);
  return percentiles.map((percentile) => ({
    percentile,
    bytes: Math.round(bytes.percentiles[String(percentile)]! * bytes.scale * factor),
    requests: Math.round(requests.percentiles[String(percentile)]! * requests.scale * factor * 10) / 10,
    mainThreadMs: Math.round(mainThread.percentiles[String(percentile)]! * mainThread.scale),
    otherThreadMs: 0,
  }));
}

/** The default scoring profile made from the inputs (pure). */
export function deriveDefaultProfile(inputs: Inputs): Record<string, unknown> {
  const d = inputs.distributions;
  const need = (id: string) => {
    const distribution = d[id];
    if (!distribution) throw new Error(`distributions.json has no distribution "${id}"`);
    return distribution;
  };
  const lab = inputs.labDevice;
  const energy = (justification: string, pageList: ReturnType<typeof pages>, sources: { title: string; url?: string }[]) => ({
    pages: pageList,
    cpuSlowdownFactor: lab.cpuSlowdownFactor,
    justification: `${justification} Each page's excess charge on the run's device and network (energy model 2.0) is the value at which a step scores 100 − its percentile. Pages count main-thread work only (no public distribution of off-main-thread work exists): a step's compositor, raster, GPU and network-service work adds to its charge.`,
    source: [...sources, lab.source, METHOD_SOURCE],
  });
  const idlePages = inputs.idleActivity.pages.map((page) => ({ ...page, otherThreadMs: 0 }));
  const idleData = { points: pointsFromPercentiles(idlePages.map((page) => ({ percentile: page.percentile, value: page.bytes }))), justification: inputs.idleActivity.justification, source: [METHOD_SOURCE] };
  const idleEnergy = { pages: idlePages, cpuSlowdownFactor: lab.cpuSlowdownFactor, justification: inputs.idleActivity.justification, source: [METHOD_SOURCE] };
  const factor = inputs.interactionScale.factor;
  const both = <T>(set: T) => ({ web: set, mobile: set });
  const [home, inner, reqHome, reqInner, images, tbtHome, tbtAll, lcp, inp] = [
    'page-weight-home',
    'page-weight-inner',
    'requests-home',
    'requests-inner',
    'image-bytes-inner-mobile',
    'tbt-mobile-home',
    'tbt-mobile-all',
    'lcp-lab-mobile',
    'inp-field-mobile',
  ].map(need) as Distribution[];
  const nativeNote = 'Native apps get the same curve (no public distribution of native apps\u2019 transfers exists; inferred).';
  return {
    id: 'ecoscore-default',
    version: '2.0.0',
    description:
      'Default thresholds of this toolkit (methodology 2.0), derived by scripts/derive-thresholds.ts from the public distributions in src/profiles/scoring/distributions.json (HTTP Archive / Web Almanac 2025). Energy is the excess charge a step adds to an idle phone (µAh), read on percentile pages the energy model turns into µAh for the run\u2019s device and network; performance is the response time (ms); data is transferred bytes. The official thresholds are not published. See docs/methodology.md, \u2018Thresholds\u2019.',
    energyMetric: 'excessEnergyUah',
    aggregation: 'deficit-sum',
    weights: {
      critical: 0.7,
      normal: 0.3,
      justification:
        'The official method weighs critical steps 0.7 and the others 0.3. Here the weight multiplies a step\u2019s shortfall from 100 (deficit-sum aggregation, docs/methodology.md): flagging a step critical can only lower the journey score.',
      source: [
        {
          title: "Greenspector Studio wiki, '09 - How to read a dashboard': 'Global score are calculated with a weighted average : 0.7 for critical scores, 0.3 for non-critical scores'",
          url: 'https://greenspectorstudio.atlassian.net/wiki/spaces/DPP/pages/120389639/09+-+How+to+read+a+dashboard',
        },
      ],
    },
    grades: {
      bounds: [
        { grade: 'A', min: 80 },
        { grade: 'B', min: 70 },
        { grade: 'C', min: 55 },
        { grade: 'D', min: 40 },
        { grade: 'E', min: 25 },
        { grade: 'F', min: 10 },
      ],
      lowestGrade: 'G',
      justification:
        'The official ecoscore grade bounds are not published. We reuse the EcoIndex bounds and semantics (a score strictly greater than the bound gets the grade: 80.0 is B, 80.1 is A), applied to the score as displayed (one decimal).',
      source: [
        {
          title: "cnumr ecoindex grades (A=80, B=70, C=55, D=40, E=25, F=10, G=0) and get_grade ('if ecoindex > threshold'), components/ecoindex/data/grades.py @ f441e630feb5d1f70f95de2fcc5a0c833d6793de",
          url: 'https://github.com/cnumr/ecoindex_python_fullstack/blob/f441e630feb5d1f70f95de2fcc5a0c833d6793de/components/ecoindex/data/grades.py',
        },
      ],
    },
    steps: {
      reference: { energy: null, performance: null, data: both(idleData) },
      pause: { energy: idleEnergy, performance: null, data: both(idleData) },
      background: { energy: idleEnergy, performance: null, data: both(idleData) },
      'first-load': {
        energy: energy('A first load is a home page loaded with an empty cache: home-page bytes and requests, mobile home-page Total Blocking Time as main-thread work (a lower bound).', pages(home, reqHome, tbtHome), [home.source, reqHome.source, tbtHome.source]),
        performance: curve(lcp, 'Response time of a first load against lab Largest Contentful Paint of mobile pages (HTTP Archive\u2019s lab network is slower than Wi-Fi: lenient on fast networks).'),
        data: both(curve(home, `Transferred bytes of a first load against home pages. ${nativeNote}`)),
      },
      load: {
        energy: energy(`${WARM_LOAD} Pages: the image bytes of mobile inner pages, inner-page requests (an upper bound: cached requests cost no round trip), mobile Total Blocking Time of all pages as main-thread work.`, pages(images, reqInner, tbtAll), [images.source, reqInner.source, tbtAll.source]),
        performance: curve(lcp, 'Response time of a load against lab Largest Contentful Paint of mobile pages.'),
        data: both(curve(images, `${WARM_LOAD} ${nativeNote}`)),
      },
      action: {
        energy: energy(`${inputs.interactionScale.justification} Pages: a tenth of an inner page's bytes and requests, and the interaction latency (INP) as its main-thread work.`, pages(inner, reqInner, inp, factor), [inner.source, reqInner.source, inp.source]),
        performance: curve(inp, 'Response time of an action (from its last input to the end of its wait and of its requests) against field Interaction to Next Paint of mobile pages; an action that waits for a server answer includes the round trip, INP does not.'),
        data: both(curve(inner, `${inputs.interactionScale.justification} ${nativeNote}`, factor)),
      },
      scroll: {
        energy: energy('Scrolling loads what lazy loading deferred: the image bytes of mobile inner pages (measured without scrolling, so an upper bound of what a scroll can fetch), a tenth of inner-page requests, and the interaction latency (INP) as main-thread work. Inferred.', pages(images, reqInner, inp).map((page) => ({ ...page, requests: Math.round(page.requests * factor * 10) / 10 })), [images.source, reqInner.source, inp.source]),
        performance: curve(inp, 'Response time of a scroll gesture (the reader\u2019s pauses between gestures left out) against field Interaction to Next Paint of mobile pages. Inferred: INP leaves scrolling out.'),
        data: both(curve(images, `Bytes a scroll fetches against the image bytes of mobile inner pages. Inferred. ${nativeNote}`)),
      },
    },
  };
}

/** The profile as the JSON text the script writes. */
export function deriveDefaultProfileJson(): string {
  const inputs = JSON.parse(readFileSync(INPUTS_FILE, 'utf8')) as Inputs;
  return `${JSON.stringify(deriveDefaultProfile(inputs), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(PROFILE_FILE, deriveDefaultProfileJson());
  console.log(`wrote ${PROFILE_FILE}`);
}
