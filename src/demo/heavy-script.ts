import { createPrng, pick, randomInt } from './prng.js';

const THEMES = ['sel', 'sommeil', 'sport', 'tabac', 'alcool', 'stress', 'automesure', 'traitement', 'diabete', 'poids', 'alimentation', 'grossesse'];
const WORDS = [
  'tension', 'artérielle', 'conseil', 'mesure', 'cœur', 'artère', 'régime', 'potassium', 'marche', 'repos',
  'consultation', 'médecin', 'pharmacien', 'ordonnance', 'relevé', 'matin', 'soir', 'semaine', 'objectif', 'suivi',
];

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function catalogueEntry(index: number, random: () => number): string {
  const title = Array.from({ length: randomInt(random, 3, 6) }, () => pick(random, WORDS)).join(' ');
  const keywords = Array.from({ length: 4 }, () => `'${pick(random, WORDS)}'`).join(', ');
  return `    {
      code: 'RS-${String(index).padStart(4, '0')}',
      titre: '${capitalise(title)}',
      theme: '${pick(random, THEMES)}',
      niveau: ${randomInt(random, 1, 5)},
      dureeLectureMinutes: ${randomInt(random, 2, 15)},
      motsCles: [${keywords}],
      publieLe: '2023-${String(randomInt(random, 1, 12)).padStart(2, '0')}-${String(randomInt(random, 1, 28)).padStart(2, '0')}'
    }`;
}

const FUNCTION_TEMPLATES: Array<(name: string, theme: string, a: number, b: number) => string> = [
  (name, theme, a, b) => `  /**
   * Vérifie qu'une fiche du thème « ${theme} » peut être affichée.
   * @param {Object} fiche - la fiche à contrôler
   * @returns {boolean} vrai si la fiche est complète et de niveau ${a} à ${b}
   */
  function ${name}(fiche) {
    if (!fiche || typeof fiche !== 'object') {
      return false;
    }
    var champs = ['code', 'titre', 'theme', 'niveau', 'motsCles'];
    for (var i = 0; i < champs.length; i++) {
      if (fiche[champs[i]] === undefined || fiche[champs[i]] === null) {
        return false;
      }
    }
    return fiche.theme === '${theme}' && fiche.niveau >= ${a} && fiche.niveau <= ${b};
  }
`,
  (name, theme, a, b) => `  /**
   * Formate le temps de lecture d'une fiche « ${theme} » pour l'affichage.
   * @param {number} minutes
   * @returns {string}
   */
  function ${name}(minutes) {
    var arrondi = Math.max(1, Math.round(minutes * ${a} / ${b}));
    if (arrondi < 2) {
      return 'moins de 2 minutes de lecture';
    }
    if (arrondi > 60) {
      var heures = Math.floor(arrondi / 60);
      return heures + ' h ' + (arrondi % 60) + ' min de lecture';
    }
    return arrondi + ' minutes de lecture';
  }
`,
  (name, theme, a, b) => `  /**
   * Calcule un score de pertinence entre une fiche et le profil du patient (thème « ${theme} »).
   * @param {Object} fiche
   * @param {Object} profil - { age, tensionMoyenne, objectifs: string[] }
   * @returns {number} score entre 0 et 100
   */
  function ${name}(fiche, profil) {
    var score = 0;
    if (fiche.theme === '${theme}') {
      score += ${a};
    }
    if (profil && profil.tensionMoyenne > ${120 + b}) {
      score += fiche.niveau * ${(a % 7) + 2};
    }
    if (profil && Array.isArray(profil.objectifs)) {
      profil.objectifs.forEach(function (objectif) {
        if (fiche.motsCles.indexOf(objectif) !== -1) {
          score += ${b % 11 + 3};
        }
      });
    }
    return Math.min(100, Math.max(0, score));
  }
`,
  (name, theme, a, b) => `  /**
   * Crée le gestionnaire de clic du bouton « Partager » des fiches « ${theme} ».
   * @param {string} canal - 'courriel' ou 'messagerie'
   * @returns {Function}
   */
  function ${name}(canal) {
    var tentatives = 0;
    return function (evenement) {
      tentatives += 1;
      if (evenement && typeof evenement.preventDefault === 'function') {
        evenement.preventDefault();
      }
      var lien = '/partage?canal=' + encodeURIComponent(canal) + '&theme=${theme}&essai=' + tentatives;
      if (tentatives > ${a % 5 + 1}) {
        return { statut: 'limite', lien: lien, delai: ${b * 10} };
      }
      return { statut: 'ok', lien: lien, delai: 0 };
    };
  }
`,
];

/**
 * The deliberately heavy, unminified script of `/ressources` (about 400 KB): a large catalogue and
 * hundreds of plausible helper functions that are never called. At load it only builds a
 * recommendation index (a few tens of milliseconds of CPU) and stores it on `window`; it never
 * touches the DOM, so the page's element count is unchanged. Deterministic: same text every time.
 */
export function renderHeavyScript(): string {
  const random = createPrng(777);
  const entries = Array.from({ length: 800 }, (_, i) => catalogueEntry(i + 1, random)).join(',\n');
  const functions = Array.from({ length: 300 }, (_, i) => {
    const theme = pick(random, THEMES);
    const template = FUNCTION_TEMPLATES[i % FUNCTION_TEMPLATES.length];
    const verb = ['verifierFiche', 'formaterDuree', 'scorerPertinence', 'creerPartage'][i % FUNCTION_TEMPLATES.length];
    return template(`${verb}${capitalise(theme)}${i}`, theme, randomInt(random, 1, 3), randomInt(random, 3, 5));
  }).join('\n');
  return `/*!
 * Ressources santé — script de la page (non minifié).
 * Démonstration ecoscore : ce fichier est volontairement lourd, bloquant et presque entièrement inutilisé.
 */
(function (global) {
  'use strict';

  var CATALOGUE = [
${entries}
  ];

${functions}
  /**
   * Construit l'index de recommandations croisées : pour chaque fiche, les fiches qui partagent le
   * plus de mots-clés. Seule fonction réellement exécutée au chargement.
   */
  function indexerCatalogue(catalogue) {
    var index = {};
    var limite = Math.min(catalogue.length, 400);
    for (var i = 0; i < limite; i++) {
      var voisins = [];
      for (var j = 0; j < limite; j++) {
        if (i === j) {
          continue;
        }
        var communs = catalogue[i].motsCles.filter(function (mot) {
          return catalogue[j].motsCles.indexOf(mot) !== -1;
        }).length;
        if (communs > 0) {
          voisins.push({ code: catalogue[j].code, communs: communs });
        }
      }
      voisins.sort(function (a, b) {
        return b.communs - a.communs || a.code.localeCompare(b.code);
      });
      index[catalogue[i].code] = voisins.slice(0, 5);
    }
    return index;
  }

  global.__ressourcesIndex = indexerCatalogue(CATALOGUE);
})(window);
`;
}
