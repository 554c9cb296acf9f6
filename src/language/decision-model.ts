import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [
    -0.244, 0.359, -0.986, 0.374, 0.371, 0.023, -1.005, -0.599, -1.196, 0.811, -0.794, 1.114, -0.681, -0.943,
  ],
  outside: [
    -0.091, -0.515, 0.285, -0.406, -0.35, -0.183, 1.258, 0.813, 1.449, -0.621, 1.176, -0.836, 0.86, 0.218,
  ],
  answerAt: 0.74,
  outsideAt: 0.45,
};
