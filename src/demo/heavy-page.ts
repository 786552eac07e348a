import { escapeHtml } from './html.js';
import { renderShell } from './layout.js';
import type { DemoVariant } from './layout.js';
import { createPrng, pick } from './prng.js';

/** Number of article cards on `/ressources` (8 elements each). */
export const RESOURCE_ARTICLES = 240;

/** The heavy photos of `/ressources`: path, pixel size, seed and the two colours of their gradient. */
export const HEAVY_PHOTOS = [
  { path: '/heavy/photo-1.png', width: 720, height: 405, seed: 11, from: [214, 120, 80], to: [40, 90, 160], alt: 'Lever du soleil sur les collines, pour la marche du matin' },
  { path: '/heavy/photo-2.png', width: 720, height: 405, seed: 12, from: [60, 150, 90], to: [230, 210, 120], alt: 'Randonnée douce en moyenne montagne' },
  { path: '/heavy/photo-3.png', width: 720, height: 405, seed: 13, from: [90, 160, 210], to: [230, 230, 240], alt: 'Ciel d’été au-dessus de la campagne' },
  { path: '/heavy/photo-4.png', width: 720, height: 405, seed: 14, from: [200, 90, 120], to: [250, 200, 170], alt: 'Soirée d’automne en plein air' },
] as const;

const TOPICS = [
  'Hypertension', 'Sel', 'Sommeil', 'Activité physique', 'Tabac', 'Alcool', 'Stress', 'Automesure',
  'Traitement', 'Grossesse', 'Diabète', 'Cholestérol', 'Poids', 'Alimentation', 'Café', 'Chaleur',
];
const ANGLES = [
  'ce qu’il faut savoir', 'les idées reçues', 'cinq conseils pratiques', 'questions fréquentes',
  'l’avis du cardiologue', 'bien démarrer', 'le point sur les études', 'au quotidien',
];
const SENTENCES = [
  'Une fiche courte pour comprendre les mécanismes et agir simplement.',
  'Des repères validés par des soignants, à relire avant votre prochaine consultation.',
  'Ce que disent les recommandations actuelles, expliqué sans jargon.',
  'Des gestes simples qui font baisser la tension de quelques millimètres de mercure.',
  'Comment en parler avec votre médecin traitant et adapter votre suivi.',
];
const TIPS = [
  'Mesurer sa tension trois jours de suite', 'Limiter le sel à 5 g par jour', 'Marcher 30 minutes par jour',
  'Se coucher à heure régulière', 'Noter ses relevés dans l’application', 'Ne pas arrêter un traitement seul',
  'Réduire les boissons sucrées', 'Prendre le temps de se reposer avant une mesure', 'Consulter en cas de maux de tête',
];

function article(index: number, random: () => number): string {
  const title = `${pick(random, TOPICS)} : ${pick(random, ANGLES)}`;
  const tips = [0, 1, 2].map(() => `<li>${escapeHtml(pick(random, TIPS))}</li>`).join('');
  return `<article class="card" id="fiche-${index}"><h3>${escapeHtml(title)}</h3><p>${escapeHtml(pick(random, SENTENCES))}</p><ul>${tips}</ul><a href="#fiche-${index}">Lire la fiche</a></article>`;
}

/**
 * `/ressources`: the deliberately heavy page. Large photos displayed small, a render-blocking
 * unminified script that is mostly unused, and {@link RESOURCE_ARTICLES} cards (a big DOM).
 */
export function renderResources(variant: DemoVariant): string {
  const random = createPrng(4242);
  const articles = Array.from({ length: RESOURCE_ARTICLES }, (_, i) => article(i + 1, random)).join('\n');
  const photos = HEAVY_PHOTOS.map((p) => `<figure class="card"><img src="${p.path}" alt="${escapeHtml(p.alt)}"><figcaption>${escapeHtml(p.alt)}</figcaption></figure>`).join('\n');
  return renderShell({
    title: 'Ressources santé',
    variant,
    signedIn: true,
    head: '<script src="/heavy/ressources.js"></script>\n',
    main: `<div class="page-head"><div><h1>Ressources santé</h1><p class="muted">Fiches pratiques, conseils et actualités sur la tension artérielle.</p></div></div>
<section class="gallery" aria-label="À la une">
${photos}
</section>
<section><h2>Fiches pratiques</h2>
<div class="articles">
${articles}
</div>
</section>`,
  });
}
