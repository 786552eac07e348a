import { categoryOf, formatDateTime, formatLongDate, MEASURES_SHOWN } from './data.js';
import type { Appointment, Measure } from './data.js';
import { escapeHtml } from './html.js';
import { ICONS, renderShell } from './layout.js';
import type { DemoVariant } from './layout.js';

/** Text the login page shows after a wrong password. */
export const LOGIN_ERROR = 'Identifiant ou mot de passe incorrect';
/** Heading of the page shown once a measure is saved. */
export const MEASURE_SAVED = 'Mesure enregistrée';

/** Values typed in the new-measure form, as received. */
export interface MeasureFormValues {
  systolic?: string;
  diastolic?: string;
  pulse?: string;
  comment?: string;
}

function badge(measure: Measure): string {
  const category = categoryOf(measure);
  return `<span class="badge badge-${category.tone}">${category.label}</span>`;
}

function time(date: Date): string {
  return `<time datetime="${date.toISOString()}">${escapeHtml(formatDateTime(date))}</time>`;
}

/** `/`: the sign-in form, with the error message after a failed attempt. */
export function renderLogin(variant: DemoVariant, failed?: { username: string }): string {
  const alert = failed ? `<p class="alert" role="alert">${LOGIN_ERROR}</p>\n` : '';
  return renderShell({
    title: 'Connexion',
    variant,
    signedIn: false,
    main: `<div class="login"><div class="card">
<h1>Connexion</h1>
<p class="muted">Suivez votre tension artérielle et partagez-la avec vos soignants.</p>
${alert}<form action="/" method="post">
<div class="field"><label for="username">Identifiant</label><input id="username" name="username" type="text" autocomplete="username" required value="${escapeHtml(failed?.username ?? '')}"></div>
<div class="field"><label for="password">Mot de passe</label><input id="password" name="password" type="password" autocomplete="current-password" required></div>
<button class="button" type="submit">Se connecter</button>
</form>
</div></div>`,
  });
}

/** `/dashboard`: summary cards, the chart and (variant `heavyHome`) a heavy hero image. */
export function renderDashboard(variant: DemoVariant, user: string, measures: readonly Measure[], appointments: readonly Appointment[]): string {
  const latest = measures[0];
  const week = measures.slice(0, 14);
  const mean = (pick: (m: Measure) => number): number => Math.round(week.reduce((sum, m) => sum + pick(m), 0) / week.length);
  const next = appointments[0];
  const hero = variant.heavyHome
    ? '<img class="hero" src="/heavy/hero.png" alt="Sentier de randonnée au lever du soleil">\n'
    : '';
  return renderShell({
    title: 'Tableau de bord',
    variant,
    signedIn: true,
    main: `<div class="page-head"><div><h1>Tableau de bord</h1><p class="muted">Bonjour ${escapeHtml(user)}, voici le point sur votre tension.</p></div></div>
${hero}<section class="grid" aria-label="Résumé">
<article class="card"><h2 class="card-title">${ICONS.heart}Dernière mesure</h2><p class="figure">${latest.systolicMmHg}/${latest.diastolicMmHg} <small>mmHg</small></p><p class="muted">${time(latest.takenAt)} ${badge(latest)}</p></article>
<article class="card"><h2 class="card-title">${ICONS.pulse}Pouls</h2><p class="figure">${latest.pulseBpm} <small>bpm</small></p><p class="muted">Au repos, assis</p></article>
<article class="card"><h2 class="card-title">${ICONS.trend}Moyenne sur 7 jours</h2><p class="figure">${mean((m) => m.systolicMmHg)}/${mean((m) => m.diastolicMmHg)} <small>mmHg</small></p><p class="muted">${week.length} relevés</p></article>
<article class="card"><h2 class="card-title">${ICONS.calendar}Prochain rendez-vous</h2><p><strong>${escapeHtml(formatLongDate(next.startsAt))}</strong></p><p class="muted">${escapeHtml(next.doctor)}</p></article>
</section>
<section class="card">
<h2>Évolution de la tension sur 30 jours</h2>
<figure class="chart"><img src="/static/img/chart.png" width="1200" height="480" alt="Courbes des tensions systolique et diastolique sur les 30 derniers jours"><figcaption><span><span class="legend legend-sys"></span>Systolique</span><span><span class="legend legend-dia"></span>Diastolique</span><span>Seuil de 140 mmHg en pointillés</span></figcaption></figure>
<p><a href="/measures">Voir tout l’historique</a></p>
</section>`,
  });
}

/** `/measures`: the table of the most recent measures inside `#measures`, and the "Ajouter" button. */
export function renderMeasures(variant: DemoVariant, measures: readonly Measure[]): string {
  const rows = measures
    .slice(0, MEASURES_SHOWN)
    .map(
      (m) =>
        `<tr><td>${time(m.takenAt)}</td><td class="num">${m.systolicMmHg}</td><td class="num">${m.diastolicMmHg}</td><td class="num">${m.pulseBpm}</td><td>${badge(m)}</td><td class="comment">${escapeHtml(m.comment)}</td></tr>`,
    )
    .join('\n');
  return renderShell({
    title: 'Mesures',
    variant,
    signedIn: true,
    main: `<div class="page-head"><div><h1>Mesures</h1><p class="muted">Vos relevés de tension artérielle, du plus récent au plus ancien.</p></div>
<form action="/measures/new" method="get"><button class="button" type="submit">Ajouter</button></form></div>
<div id="measures" class="table-wrap"><table>
<caption>Les ${MEASURES_SHOWN} derniers relevés (mmHg, pouls en bpm)</caption>
<thead><tr><th scope="col">Date</th><th scope="col">Systolique</th><th scope="col">Diastolique</th><th scope="col">Pouls</th><th scope="col">Niveau</th><th scope="col">Commentaire</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>`,
  });
}

function numberField(id: string, label: string, min: number, max: number, value: string, hint: string): string {
  return `<div class="field"><label for="${id}">${label}</label><input id="${id}" name="${id}" type="number" inputmode="numeric" min="${min}" max="${max}" required value="${escapeHtml(value)}" aria-describedby="${id}-hint"><p class="hint" id="${id}-hint">${hint}</p></div>`;
}

/**
 * `/measures/new`: the form to record a measure. Diastolic and pulse are pre-filled with the latest
 * measure; the password confirms the user's identity. `errors` re-renders it after a rejected post.
 */
export function renderNewMeasure(variant: DemoVariant, latest: Measure, values: MeasureFormValues = {}, errors: readonly string[] = []): string {
  const alert = errors.length
    ? `<div class="alert" role="alert"><p>Le relevé n’a pas été enregistré :</p><ul>${errors.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul></div>\n`
    : '';
  return renderShell({
    title: 'Nouvelle mesure',
    variant,
    signedIn: true,
    main: `<div class="page-head"><div><h1>Nouvelle mesure</h1><p class="muted">Diastolique et pouls sont pré-remplis avec votre dernier relevé.</p></div></div>
${alert}<form class="card form" action="/measures/new" method="post">
<div class="row">
${numberField('systolic', 'Systolique', 50, 260, values.systolic ?? '', 'mmHg')}
${numberField('diastolic', 'Diastolique', 30, 160, values.diastolic ?? String(latest.diastolicMmHg), 'mmHg')}
${numberField('pulse', 'Pouls', 30, 220, values.pulse ?? String(latest.pulseBpm), 'bpm')}
</div>
<div class="field"><label for="comment">Commentaire</label><input id="comment" name="comment" type="text" maxlength="120" value="${escapeHtml(values.comment ?? '')}"></div>
<div class="field"><label for="password">Mot de passe</label><input id="password" name="password" type="password" autocomplete="current-password" required aria-describedby="password-hint"><p class="hint" id="password-hint">Confirmez votre identité pour enregistrer une donnée de santé.</p></div>
<button class="button" type="submit">Enregistrer</button><a class="button-link" href="/measures">Annuler</a>
</form>`,
  });
}

/** The page answering a successful `POST /measures/new`. */
export function renderMeasureSaved(variant: DemoVariant, measure: Measure): string {
  return renderShell({
    title: MEASURE_SAVED,
    variant,
    signedIn: true,
    main: `<div class="success" role="status"><h1>${MEASURE_SAVED}</h1>
<p>${measure.systolicMmHg}/${measure.diastolicMmHg} mmHg, pouls ${measure.pulseBpm} bpm, le ${time(measure.takenAt)}. ${badge(measure)}</p></div>
<p><a class="button" href="/measures">Voir l’historique</a><a class="button-link" href="/dashboard">Retour à l’accueil</a></p>`,
  });
}

/** `/appointments`: two doctors with their avatars, and the upcoming appointments. */
export function renderAppointments(variant: DemoVariant, appointments: readonly Appointment[]): string {
  const doctors = [
    ['/static/img/avatar-1.png', 'Dr Claire Martin', 'Médecin généraliste, médecin traitant'],
    ['/static/img/avatar-2.png', 'Dr Karim Benali', 'Cardiologue'],
  ];
  const items = appointments
    .map(
      (a) =>
        `<li><p><strong>${escapeHtml(formatLongDate(a.startsAt))}</strong><span class="badge ${a.kind === 'Cabinet' ? 'badge-ok' : 'badge-warn'}">${a.kind}</span></p><p>${escapeHtml(a.doctor)}, ${escapeHtml(a.specialty)}</p><p class="muted">${escapeHtml(a.place)}</p></li>`,
    )
    .join('\n');
  return renderShell({
    title: 'Rendez-vous',
    variant,
    signedIn: true,
    main: `<div class="page-head"><div><h1>Rendez-vous</h1><p class="muted">Vos ${appointments.length} prochains rendez-vous.</p></div></div>
<section class="grid doctors" aria-label="Vos soignants">
${doctors.map(([src, name, role]) => `<article class="card doctor"><img src="${src}" width="64" height="64" alt="Portrait de ${name}"><div><h2>${name}</h2><p class="muted">${role}</p></div></article>`).join('\n')}
</section>
<section class="card"><h2>À venir</h2>
<ul class="list">
${items}
</ul>
</section>`,
  });
}

/** The 404 page. */
export function renderNotFound(variant: DemoVariant, signedIn: boolean): string {
  return renderShell({
    title: 'Page introuvable',
    variant,
    signedIn,
    main: `<h1>Page introuvable</h1>
<p>Cette adresse ne correspond à aucune page. <a href="${signedIn ? '/dashboard' : '/'}">Revenir à l’accueil</a></p>`,
  });
}
