import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [
    -2.524,
    0.945,
    -0.992,
    0.312,
    0.332,
    -0.345,
    -0.799,
    -0.366,
    -1.328
  ],
  outside: [
    2.361,
    -0.81,
    0.2,
    -0.602,
    -0.512,
    0.073,
    0.574,
    0.513,
    1.728
  ],
  answerAt: 0.7,
  outsideAt: 0.5
};
