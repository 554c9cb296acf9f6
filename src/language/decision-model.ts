import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [
    -0.449, 0.441, -0.928, 0.326, 0.356, -0.007, -1.133, -0.575, -1.146, 0.789, -0.778, 1.124, -0.689, -0.965,
  ],
  outside: [
    -0.142, -0.498, 0.24, -0.387, -0.339, -0.24, 1.242, 0.814, 1.447, -0.644, 1.184, -0.853, 0.865, 0.238,
  ],
  answerAt: 0.72,
  outsideAt: 0.45,
};
