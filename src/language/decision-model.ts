import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [-1.537, 0.83, -1.181, 0.37, 0.395, -0.182, -1.479, -0.457, -1.576, 0.53, -1.081],
  outside: [0.824, -0.764, 0.442, -0.647, -0.415, 0.012, 1.533, 0.58, 1.92, -0.458, 1.275],
  answerAt: 0.65,
  outsideAt: 0.45,
};
