import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [-2.324, 0.825, -1.039, 0.236, 0.321, -0.069, -0.561, -0.506, -1.53],
  outside: [1.924, -0.757, 0.21, -0.428, -0.396, -0.121, 0.467, 0.766, 1.848],
  answerAt: 0.76,
  outsideAt: 0.4,
};
