import { createPrng, pick, randomInt } from './prng.js';

/** One blood-pressure measure. */
export interface Measure {
  id: number;
  /** When the measure was taken (an instant; shown in the Europe/Paris time zone). */
  takenAt: Date;
  systolicMmHg: number;
  diastolicMmHg: number;
  pulseBpm: number;
  comment: string;
}

/** One upcoming appointment. */
export interface Appointment {
  startsAt: Date;
  doctor: string;
  specialty: string;
  place: string;
  kind: 'Cabinet' | 'Téléconsultation';
}

/** Number of measures shown on the measures page (the most recent ones). */
export const MEASURES_SHOWN = 120;

const COMMENTS = [
  '', '', '', '', 'Au réveil', 'Après le café', 'Après une marche', 'Journée stressante', 'Bien dormi',
  'Traitement pris à 8 h', 'Oubli du traitement', 'Après le repas', 'Légère fatigue', 'Retour du sport',
];

/**
 * The 120 seeded measures every demo server starts with: two a day (morning and evening) from
 * 1 March 2024, newest first. Deterministic: same values on every run.
 */
export function seedMeasures(): Measure[] {
  const random = createPrng(20240301);
  const measures: Measure[] = [];
  const firstDay = Date.UTC(2024, 2, 1);
  for (let i = 0; i < MEASURES_SHOWN; i++) {
    const day = Math.floor(i / 2);
    const evening = i % 2 === 1;
    const hourUtc = evening ? 19 : 6; // 20 h and 7 h in Paris (winter time)
    const takenAt = new Date(firstDay + day * 86_400_000 + hourUtc * 3_600_000 + randomInt(random, 0, 50) * 60_000);
    const trend = Math.sin(day / 9) * 6 - day * 0.08;
    measures.push({
      id: i + 1,
      takenAt,
      systolicMmHg: Math.round(131 + trend + (evening ? 3 : 0) + (random() - 0.5) * 16),
      diastolicMmHg: Math.round(83 + trend / 2 + (random() - 0.5) * 10),
      pulseBpm: Math.round(70 + (evening ? 4 : 0) + (random() - 0.5) * 14),
      comment: pick(random, COMMENTS),
    });
  }
  return measures.reverse();
}

/** Blood-pressure category of a measure (ESH 2018 thresholds, office measure, in mmHg). */
export function categoryOf(measure: Pick<Measure, 'systolicMmHg' | 'diastolicMmHg'>): { label: string; tone: string } {
  const { systolicMmHg: s, diastolicMmHg: d } = measure;
  if (s >= 140 || d >= 90) return { label: 'Élevée', tone: 'high' };
  if (s >= 130 || d >= 85) return { label: 'Normale haute', tone: 'warn' };
  if (s >= 120 || d >= 80) return { label: 'Normale', tone: 'ok' };
  return { label: 'Optimale', tone: 'good' };
}

/** Ten seeded upcoming appointments, in date order, from 2 May 2024. */
export function seedAppointments(): Appointment[] {
  const random = createPrng(20240502);
  const doctors = [
    { doctor: 'Dr Claire Martin', specialty: 'Médecin généraliste', place: 'Cabinet médical des Lilas, Lyon 3e' },
    { doctor: 'Dr Karim Benali', specialty: 'Cardiologue', place: 'Clinique du Parc, Lyon 6e' },
    { doctor: 'Mme Sophie Leroy', specialty: 'Infirmière', place: 'À domicile' },
    { doctor: 'Dr Julien Moreau', specialty: 'Néphrologue', place: 'Hôpital Édouard-Herriot, Lyon 3e' },
  ];
  const appointments: Appointment[] = [];
  let day = Date.UTC(2024, 4, 2);
  for (let i = 0; i < 10; i++) {
    day += randomInt(random, 2, 9) * 86_400_000;
    const who = pick(random, doctors);
    appointments.push({
      startsAt: new Date(day + randomInt(random, 7, 15) * 3_600_000 + pick(random, [0, 15, 30, 45]) * 60_000),
      ...who,
      kind: who.place === 'À domicile' || random() < 0.75 ? 'Cabinet' : 'Téléconsultation',
    });
  }
  return appointments;
}

const PARIS_DATE_TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
const PARIS_LONG_DATE = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit',
});

/** `29/04/2024 07:42` in the Europe/Paris time zone. */
export function formatDateTime(date: Date): string {
  return PARIS_DATE_TIME.format(date);
}

/** `jeudi 2 mai à 09:30` in the Europe/Paris time zone. */
export function formatLongDate(date: Date): string {
  return PARIS_LONG_DATE.format(date);
}
