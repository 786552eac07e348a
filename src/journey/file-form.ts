/**
 * The journey file form: a journey as a journey file writes it (plain data, durations as text such as
 * `5s`), which importers (GDSL, Chrome DevTools Recorder) produce and `parseJourney` validates once its
 * `${env:…}` variables are set. Types only.
 */
import type { StepType } from './schema.js';

/** A JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One action as a journey file writes it (`{ click: { text: "OK" } }`, `"back"`). */
export type FileAction = string | { [key: string]: JsonValue };

/** One step as a journey file writes it (durations as text such as `5s`). */
export interface FileStep {
  name: string;
  type: StepType;
  critical?: boolean;
  duration?: string;
  timeout?: string;
  mask?: string[];
  description?: string;
  actions?: FileAction[];
}

/** A journey as a journey file writes it. */
export interface FileJourney {
  name: string;
  description?: string;
  target: { [key: string]: JsonValue };
  device?: string;
  network?: string;
  iterations?: number;
  timeout?: string;
  steps: FileStep[];
}
