/** Labels of what methodology 2.0 adds to the outputs (no grade without the data, energy source, response time, added charge, EcoIndex of the step), French and English. */

/** French labels. */
export const FR_LABELS_2 = {
  placeholder2: 'x',
} as const;

/** English labels (same keys and placeholders). */
export const EN_LABELS_2: Record<keyof typeof FR_LABELS_2, string> = {
  placeholder2: 'x',
};
