/**
 * GDSL ⇄ journey. GDSL is Greenspector's journey language (files `*.testgb`): one command per line,
 * parameters separated by commas, `#` comments on their own line, and measured steps delimited by
 * `measureStart,PREFIX_NAME` … `measureStop` where the prefix gives the step type (`CHRGT_` load,
 * `ACTION_`, `SCROLL_`, `PAUSE_`). See docs/gdsl.md for the mapping, what is approximated and the sources.
 *
 * The code lives in `src/journey/gdsl/`: `commands.ts` (the one table of commands, with the public page
 * that attests each), `tokenize.ts`, `actions.ts` (action ⇄ commands), `import*.ts`, `export.ts`.
 *
 * Export writes, next to the GDSL commands, comment lines that GDSL ignores and import reads back:
 * `# ecoscore journey: {…}`, `# ecoscore step: {…}` and, before the commands of an action GDSL cannot
 * express exactly, `# ecoscore action: {…}`. Export → import → export gives the same text.
 *
 * Secrets never reach the output: a `fill` marked `secret: true`, or whose value came from
 * `${env:NAME}`, is written `enterText,${SECRET_1}` (a GDSL variable); import turns it back into
 * `value: "${env:SECRET_1}"` with `secret: true`.
 */
import type { FileAction, FileJourney, FileStep, JsonValue } from './file-form.js';

export { exportGdsl, exportLoadedJourneyGdsl, type GdslExportOptions } from './gdsl/export.js';
export { importGdsl, importGdslDetailed, importGdslToYaml, type GdslImport } from './gdsl/import.js';
export { GDSL_COMMANDS, GDSL_SOURCES, isAttested, type GdslAttestation, type GdslCommandSpec } from './gdsl/commands.js';
export { GDSL_STEP_PREFIX, SETTLE_PAUSE_MS, SWIPE_PX, SWIPES_TO_EDGE, gdslStepName } from './gdsl/conventions.js';

/** A JSON value (the journey file form). */
export type GdslJson = JsonValue;
/** One action as a journey file writes it. */
export type GdslAction = FileAction;
/** One step as a journey file writes it. */
export type GdslStep = FileStep;
/** A journey as a journey file writes it. */
export type GdslJourney = FileJourney;
