/**
 * Labels of what methodology 2.0 adds to the outputs, French and English: why a journey has no grade (one
 * phrase per `summary.status` code, with its parameters), why a step has no score, the one label of the energy
 * source, response time, added charge, the EcoIndex of the step and how it differs from ecoindex.fr, the
 * method note and the thresholds used. The text outputs (CLI, Markdown, JUnit) use the English ones.
 */

/** French labels. */
export const FR_LABELS_2 = {
  // No grade without the data (summary.status)
  noGradeTitle: 'Pas de note',
  gradeGraded: 'Noté.',
  noGradeRunning: 'Pas encore de note : la mesure est en cours.',
  noGradeInterrupted: 'Pas de note : la mesure a été interrompue avant la fin de toutes les itérations.',
  noGradeNoIteration: 'Pas de note : aucune itération ne s’est terminée avec toutes ses étapes réussies.',
  noGradeNoReference: 'Pas de note : le parcours n’a pas d’étape de référence (ajoutez en premier { name: reference, type: reference, duration: 10s }).',
  noGradeNoWorkStep: 'Pas de note : le parcours n’a aucune étape qui charge une page, agit ou fait défiler.',
  noGradeStepFailed: 'Pas de note : l’étape « {step} » a échoué (itération(s) {iterations}).',
  noGradeStepFailedAny: 'Pas de note : l’étape « {step} » a échoué.',
  noGradeStepSkipped: 'Pas de note : l’étape « {step} » n’a pas été jouée.',
  noGradeInputMissing: 'Pas de note : le sous-score {subScore} de l’étape « {step} » n’a pas pu être calculé ({reason}).',
  noGradeInputMissingNoReason: 'Pas de note : le sous-score {subScore} de l’étape « {step} » n’a pas pu être calculé.',
  noGradeOther: 'Pas de note : {message}',
  noGradeNotSaid: 'Pas de note : le résultat ne dit pas pourquoi.',
  noGradeRunFailed: 'Pas de note : la mesure a échoué (voir son rapport).',
  noGradeSeeReport: 'Pas de note : la raison est dans le rapport de la mesure.',
  noGradeRule: 'Aucune note sans toutes les données qu’elle demande : les sous-scores ne sont pas donnés non plus.',
  subScoreNameEnergy: 'énergie',
  subScoreNamePerformance: 'performance',
  subScoreNameData: 'données',

  // Why a step has no score
  gapReference: 'référence : non notée',
  gapFailed: 'pas de score : étape échouée (itération(s) {iterations})',
  gapFailedAny: 'pas de score : étape échouée',
  gapSkipped: 'pas de score : étape non jouée',
  gapNotMeasured: 'pas de score : {subScores} non mesuré(es) ({probes})',
  gapNotMeasuredNoProbe: 'pas de score : {subScores} non mesuré(es)',

  // Energy source (energySourceLabel)
  energyPartlyMeasured: 'Énergie en partie mesurée',
  energyPartlyDetail: '{measured} étape(s) mesurée(s) sur l’appareil, {modelled} modélisée(s)',
  energyModelReason: 'modélisée parce que : {reason}',
  basisMeasured: 'mesurée',
  basisModel: 'modélisée',
  basisTitle: 'Énergie de l’étape mesurée sur l’appareil ou modélisée',

  // Step table (what the scores read)
  colResponse: 'Temps de réponse',
  colResponseTitle: 'Du dernier geste de l’étape à la fin de son attente et de ses requêtes : ce que note la performance',
  colAddedCharge: 'Charge ajoutée',
  colAddedChargeTitle: 'Charge que le travail de l’étape ajoute à un téléphone au repos : ce que note l’énergie',
  unitUah: 'µAh',
  totalCharge: 'total {value}',
  durationLine: 'durée {value}',
  cpuOtherThreads: 'autres fils du rendu {value}',
  cpuGpu: 'GPU {value}',
  cpuUtility: 'service réseau {value}',
  documentElements: 'document principal : {count}',
  gradeOfStep: 'note {grade}',

  // EcoIndex of the step
  ecoindexNote:
    'EcoIndex de l’étape : calculé seulement pour les premiers chargements (cache vide), avec la formule publiée par cnumr, le nombre d’éléments du document principal, les requêtes et les octets de l’étape. Ce n’est pas l’EcoIndex d’ecoindex.fr : ecoindex.fr charge la page seule dans une fenêtre de 1920 × 1080, attend, fait défiler jusqu’en bas et compte tout ce que le chargement a transféré ; ici comptent les transferts de l’étape elle-même, avec la fenêtre, le ralentissement CPU et le réseau du profil d’appareil, à la fin de l’étape.',

  // Method note (methodology 2.0)
  methodVersion: 'Méthode {version}.',
  methodScores2:
    'Chaque étape est notée de 0 à 100 sur trois axes — énergie (charge que son travail ajoute à un téléphone au repos, en µAh), performance (temps de réponse, du dernier geste à la fin de l’attente et des requêtes) et données (octets transférés) — par interpolation linéaire entre des seuils propres à son type. L’ecoscore d’une étape est la moyenne de ses sous-scores. Pour le parcours, chaque sous-score est 100 moins la somme des manques des étapes (critiques 0,7, autres 0,3) divisée par 0,3 × le nombre d’étapes qui travaillent : une pause qui ne fait rien ne change rien, une étape lente ou lourde fait baisser le score. Notes du profil par défaut, sur le score affiché (une décimale) : A > 80, B > 70, C > 55, D > 40, E > 25, F > 10, sinon G (80,0 est B).',
  methodThresholds2:
    'Les seuils officiels ne sont pas publiés : ceux du profil par défaut sont placés sur des centiles publics de pages web (HTTP Archive, Web Almanac), l’énergie de ces pages étant calculée par le modèle pour l’appareil et le réseau de la mesure. Chaque itération est notée à part ; le chiffre retenu est la médiane des itérations, qui reste donc dans sa dispersion (min–max).',
  methodEnergy2:
    'Sur le web, l’énergie du téléphone est modélisée à partir du temps CPU de chaque processus du navigateur (fil principal, autres fils du rendu, GPU, service réseau), des octets et des requêtes mesurés dans Chromium, avec les courants publiés du profil d’appareil ; sur un téléphone Android instrumenté elle est mesurée. L’empreinte suit le même modèle que le service officiel (énergie et données mesurées, réseau et serveurs modélisés).',
  methodNoGrade2: 'Une étape échouée n’a pas de score ; un parcours dont une étape a échoué ou n’a pas été jouée, dont une donnée d’un score n’a pas pu être mesurée ou qui n’a pas d’étape de référence n’a pas de note, et le rapport dit pourquoi.',
  thresholdsHeading: 'Seuils utilisés pour cette mesure',
  thresholdsCaption: 'Points (valeur → score) de chaque courbe, par type d’étape ; le score est interpolé linéairement entre deux points.',
  thresholdsType: 'Type d’étape',
  thresholdsEnergy: 'Énergie (µAh ajoutés → score)',
  thresholdsPerformance: 'Performance (ms → score)',
  thresholdsData: 'Données (octets → score)',
  thresholdsNone: 'non noté',
  envMethodologyVersion: 'Méthode',
  metricResponseMs: 'temps de réponse',
  metricExcessEnergyMah: 'charge ajoutée',
  metricRendererOtherCpuMs: 'autres fils du rendu',
  metricGpuCpuMs: 'GPU',
  metricUtilityCpuMs: 'service réseau',
  metricDocumentElements: 'DOM du document',
} as const;

/** English labels (same keys and placeholders). */
export const EN_LABELS_2: Record<keyof typeof FR_LABELS_2, string> = {
  noGradeTitle: 'No grade',
  gradeGraded: 'Graded.',
  noGradeRunning: 'No grade yet: the run is still going.',
  noGradeInterrupted: 'No grade: the run was interrupted before every iteration finished.',
  noGradeNoIteration: 'No grade: no iteration finished with every step passed.',
  noGradeNoReference: 'No grade: the journey has no reference step (add { name: reference, type: reference, duration: 10s } first).',
  noGradeNoWorkStep: 'No grade: the journey has no step that loads a page, acts or scrolls.',
  noGradeStepFailed: 'No grade: step “{step}” failed (iteration(s) {iterations}).',
  noGradeStepFailedAny: 'No grade: step “{step}” failed.',
  noGradeStepSkipped: 'No grade: step “{step}” never ran.',
  noGradeInputMissing: 'No grade: the {subScore} sub-score of step “{step}” could not be computed ({reason}).',
  noGradeInputMissingNoReason: 'No grade: the {subScore} sub-score of step “{step}” could not be computed.',
  noGradeOther: 'No grade: {message}',
  noGradeNotSaid: 'No grade: the result does not say why.',
  noGradeRunFailed: 'No grade: the run failed (see its report).',
  noGradeSeeReport: 'No grade: the reason is in the run’s report.',
  noGradeRule: 'No grade without all the data it needs: no sub-scores either.',
  subScoreNameEnergy: 'energy',
  subScoreNamePerformance: 'performance',
  subScoreNameData: 'data',

  gapReference: 'reference: not scored',
  gapFailed: 'no score: step failed (iteration(s) {iterations})',
  gapFailedAny: 'no score: step failed',
  gapSkipped: 'no score: step not run',
  gapNotMeasured: 'no score: {subScores} not measured ({probes})',
  gapNotMeasuredNoProbe: 'no score: {subScores} not measured',

  energyPartlyMeasured: 'Partly measured energy',
  energyPartlyDetail: '{measured} step(s) measured on the device, {modelled} modelled',
  energyModelReason: 'modelled because: {reason}',
  basisMeasured: 'measured',
  basisModel: 'modelled',
  basisTitle: 'Energy of the step measured on the device or modelled',

  colResponse: 'Response time',
  colResponseTitle: 'From the step’s last input to the end of its wait and of its requests: what performance is scored on',
  colAddedCharge: 'Added charge',
  colAddedChargeTitle: 'Charge the step’s work adds to an idle phone: what energy is scored on',
  unitUah: 'µAh',
  totalCharge: 'total {value}',
  durationLine: 'duration {value}',
  cpuOtherThreads: 'other renderer threads {value}',
  cpuGpu: 'GPU {value}',
  cpuUtility: 'network service {value}',
  documentElements: 'main document: {count}',
  gradeOfStep: 'grade {grade}',

  ecoindexNote:
    'EcoIndex of the step: computed for cold loads (first-load steps) only, with cnumr’s published formula, the main document’s element count, the step’s requests and bytes. It is not ecoindex.fr’s EcoIndex: ecoindex.fr loads the page alone in a 1920 × 1080 window, waits, scrolls to the bottom and counts everything the load transferred; here it counts the step’s own transfers, with the device profile’s viewport, CPU and network emulation, at the end of the step.',

  methodVersion: 'Methodology {version}.',
  methodScores2:
    'Each step is scored 0 to 100 on three axes — energy (the charge its work adds to an idle phone, µAh), performance (response time, from the last input to the end of the wait and of the requests) and data (bytes transferred) — by linear interpolation between thresholds of its own type. A step’s ecoscore is the mean of its sub-scores. For the journey, each sub-score is 100 minus the sum of the steps’ shortfalls (critical 0.7, others 0.3) divided by 0.3 × the number of steps that do work: a pause that does nothing changes nothing, a slow or heavy step lowers the score. Grades of the default profile, on the score as displayed (one decimal): A > 80, B > 70, C > 55, D > 40, E > 25, F > 10, else G (80.0 is B).',
  methodThresholds2:
    'The official thresholds are not published: the default profile places its thresholds on public percentiles of web pages (HTTP Archive, Web Almanac), the energy of those pages computed by the model for the run’s device and network. Each iteration is scored on its own; the figure shown is the median of the iterations, so it always lies within its spread (min–max).',
  methodEnergy2:
    'On the web, the phone’s energy is modelled from the CPU time of every browser process (main thread, other renderer threads, GPU, network service), the bytes and the requests measured in Chromium, with the published currents of the device profile; on an instrumented Android phone it is measured. The footprint follows the official service’s model (measured energy and data, modelled network and servers).',
  methodNoGrade2: 'A failed step has no scores; a journey with a failed or skipped step, an input of a score that could not be measured, or no reference step has no grade, and the report says why.',
  thresholdsHeading: 'Thresholds used for this run',
  thresholdsCaption: 'Points (value → score) of each curve, per step type; the score is interpolated linearly between two points.',
  thresholdsType: 'Step type',
  thresholdsEnergy: 'Energy (µAh added → score)',
  thresholdsPerformance: 'Performance (ms → score)',
  thresholdsData: 'Data (bytes → score)',
  thresholdsNone: 'not scored',
  envMethodologyVersion: 'Methodology',
  metricResponseMs: 'response time',
  metricExcessEnergyMah: 'added charge',
  metricRendererOtherCpuMs: 'other renderer threads',
  metricGpuCpuMs: 'GPU',
  metricUtilityCpuMs: 'network service',
  metricDocumentElements: 'document DOM',
};
