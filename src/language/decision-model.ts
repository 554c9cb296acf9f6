import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [
    -0.39, 0.424, -0.903, 0.304, 0.333, 0.131, -1.097, -0.593, -1.17, 0.775, -0.739, 1.086, -0.68, -0.993,
  ],
  outside: [
    -0.217, -0.482, 0.235, -0.373, -0.325, -0.309, 1.211, 0.833, 1.478, -0.648, 1.159, -0.826, 0.856, 0.265,
  ],
  answerAt: 0.71,
  outsideAt: 0.5,
};
