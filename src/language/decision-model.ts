import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [
    -0.451, 0.456, -0.91, 0.292, 0.282, 0.048, -1.09, -0.581, -1.164, 0.781, -0.73, 1.125, -0.694, -0.754,
  ],
  outside: [
    -0.233, -0.498, 0.238, -0.376, -0.291, -0.277, 1.216, 0.812, 1.478, -0.665, 1.155, -0.826, 0.863, 0.335,
  ],
  answerAt: 0.72,
  outsideAt: 0.5,
};
