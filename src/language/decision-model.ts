import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [-0.875, 0.44, -0.849, 0.356, 0.427, -0.168, -1.082, -0.718, -1.199, 0.818, -0.711, 1.202, -0.78],
  outside: [0.195, -0.509, 0.34, -0.44, -0.451, -0.057, 1.286, 0.926, 1.471, -0.705, 0.941, -0.881, 0.914],
  answerAt: 0.65,
  outsideAt: 0.4,
};
