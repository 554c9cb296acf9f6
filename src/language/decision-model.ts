import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [-2.277, 0.93, -0.859, 0.322, 0.206, 0.018, -0.81, -0.329, -1.368],
  outside: [2.21, -0.857, 0.055, -0.587, -0.365, -0.211, 0.659, 0.29, 1.683],
  answerAt: 0.75,
  outsideAt: 0.45,
};
