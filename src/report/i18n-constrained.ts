/**
 * Labels of the DEV.1.4 section (`ecoscore run --constrained`: the journey replayed on a constrained profile),
 * French and English. The text outputs (CLI, Markdown) use the English ones.
 */

/** French labels. */
export const FR_LABELS_CONSTRAINED = {
  constrainedHeading: 'DEV.1.4 — Faible débit et équipements anciens',
  constrainedIntro:
    'Le même parcours, rejoué {iterations} fois sur le profil « {device} » (processeur ralenti ×{slowdown}) avec le réseau « {network} » ({downKbps} kbit/s, {latencyMs} ms de latence), comparé étape par étape à la mesure ci-dessus.',
  constrainedShows:
    'Ce que cela montre : si chaque étape aboutit encore quand le processeur et le réseau sont lents, combien de temps elle prend et combien d’octets elle transfère dans les deux conditions.',
  constrainedDoesNot:
    'Ce que cela ne montre pas : un vieux téléphone réel. Le ralentissement est émulé par Chromium (ralentissement du processeur et conditions réseau des DevTools) sur la machine de mesure ; la mémoire, l’écran, le navigateur et le système d’un appareil ancien ne sont pas reproduits, et ces chiffres ne sont pas notés.',
  constrainedCompleted: '{completed} étape(s) sur {total} aboutie(s) dans ces conditions.',
  constrainedNotCompleted: 'N’aboutissent pas : {steps}.',
  constrainedSlowest: 'Étapes abouties les plus lentes dans ces conditions : {steps}.',
  constrainedError: 'Le rejeu contraint n’a pas pu être comparé : {error}',
  constrainedCaption: 'Chaque étape dans les conditions de la mesure et dans les conditions contraintes',
  constrainedColStep: 'Étape',
  constrainedColUsual: 'Mesure ({device}, {network})',
  constrainedColConstrained: 'Contraint ({device}, {network})',
  constrainedColCompleted: 'Aboutie',
  constrainedColDuration: 'Durée',
  constrainedColBytes: 'Octets',
  constrainedColSlowdown: 'Facteur',
  constrainedYes: 'oui',
  constrainedNo: 'non',
  constrainedNotRun: 'non jouée',
  constrainedIdle: 'attente fixe',
  constrainedResult: 'Résultat complet du rejeu : {file}.',
} as const;

/** English labels (same keys). */
export const EN_LABELS_CONSTRAINED: Record<keyof typeof FR_LABELS_CONSTRAINED, string> = {
  constrainedHeading: 'DEV.1.4 — Low bandwidth and older devices',
  constrainedIntro:
    'The same journey, replayed {iterations} time(s) on the “{device}” profile (CPU slowed ×{slowdown}) over the “{network}” network ({downKbps} kbit/s, {latencyMs} ms latency), compared step by step with the measure above.',
  constrainedShows:
    'What this shows: whether each step still completes when the CPU and the network are slow, how long it takes and how many bytes it transfers in both conditions.',
  constrainedDoesNot:
    'What this does not show: a real old phone. The slowdown is emulated by Chromium (CPU throttling and DevTools network conditions) on the measuring machine; an old device’s memory, screen, browser and system are not reproduced, and these figures are not scored.',
  constrainedCompleted: '{completed} of {total} step(s) completed in these conditions.',
  constrainedNotCompleted: 'Not completed: {steps}.',
  constrainedSlowest: 'Slowest completed steps in these conditions: {steps}.',
  constrainedError: 'The constrained replay could not be compared: {error}',
  constrainedCaption: 'Each step in the measure’s conditions and in the constrained ones',
  constrainedColStep: 'Step',
  constrainedColUsual: 'Measure ({device}, {network})',
  constrainedColConstrained: 'Constrained ({device}, {network})',
  constrainedColCompleted: 'Completed',
  constrainedColDuration: 'Duration',
  constrainedColBytes: 'Bytes',
  constrainedColSlowdown: 'Factor',
  constrainedYes: 'yes',
  constrainedNo: 'no',
  constrainedNotRun: 'not run',
  constrainedIdle: 'fixed wait',
  constrainedResult: 'Full result of the replay: {file}.',
};
