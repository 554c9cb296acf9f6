import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [
    -0.467, 0.457, -0.945, 0.294, 0.277, 0.121, -1.088, -0.59, -1.161, 0.769, -0.728, 1.128, -0.685, -0.751,
  ],
  outside: [
    -0.235, -0.495, 0.236, -0.374, -0.289, -0.29, 1.204, 0.83, 1.472, -0.651, 1.158, -0.831, 0.854, 0.336,
  ],
  answerAt: 0.71,
  outsideAt: 0.5,
};
