import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [
    -0.435, 0.434, -0.933, 0.3, 0.324, 0.112, -1.089, -0.591, -1.166, 0.763, -0.733, 1.109, -0.683, -0.828,
  ],
  outside: [
    -0.221, -0.483, 0.238, -0.374, -0.321, -0.307, 1.209, 0.832, 1.476, -0.647, 1.159, -0.827, 0.855, 0.29,
  ],
  answerAt: 0.72,
  outsideAt: 0.5,
};
