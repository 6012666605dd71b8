// The class lab's lesson presets: one click (or `bias-workbench run <id> --seed N`) runs the
// lesson's set-up, which is core's default experiment (DEFAULT_LMS_EXPERIMENT,
// DEFAULT_INDUCTIVE_BIAS_EXPERIMENT) sized to train or sample in a few seconds on a class laptop.
// Written through each family's schema so every default is filled in as a user's file would be.
import { inductiveBiasProbeSchema, type InductiveBiasProbe } from '../families/inductive-bias/schema';
import { simplicityLmsProbeSchema, type SimplicityLmsProbe } from '../families/simplicity-lms/schema';

export const SHAH_CITATION = {
  text: 'Shah, H., Tamuly, K., Raghunathan, A., Jain, P., & Netrapalli, P. (2020). The Pitfalls of Simplicity Bias in Neural Networks. NeurIPS 2020. LMS-k data as in their code (github.com/harshays/simplicitybiaspitfalls), at a smaller size.',
  url: 'https://arxiv.org/abs/2006.07710',
} as const;

export const BOOPATHY_CITATION = {
  text: 'Boopathy, A., Yue, W., Hwang, J., Iyer, A., & Fiete, I. (2024). Towards Exact Computation of Inductive Bias. IJCAI 2024. Estimator as in their code (github.com/FieteLab/Exact-Inductive-Bias), on a toy regression task.',
  url: 'https://arxiv.org/abs/2406.15941',
} as const;

export const CLASS_LAB_PROBES = {
  'lesson-simplicity-lms': simplicityLmsProbeSchema.parse({
    family: 'simplicity-lms',
    id: 'lesson-simplicity-lms',
    title: 'Lesson: simplicity bias on LMS-5 data',
    description:
      'A small ReLU network learns LMS-5 data: one coordinate separates the classes with a wide margin (linear), nine more separate them perfectly too, but only through five alternating slabs. Randomise each kind of coordinate on the test set and see which one the network learned.',
    citation: { ...SHAH_CITATION },
  }),
  'lesson-inductive-bias': inductiveBiasProbeSchema.parse({
    family: 'inductive-bias',
    id: 'lesson-inductive-bias',
    title: 'Lesson: inductive bias of random networks vs random features',
    description:
      'Draw 200 random hypotheses from each of two model classes, fit each to 20 training points of a toy regression task, and estimate how many bits of extra information each class needs to reach a test error of 0.01.',
    citation: { ...BOOPATHY_CITATION },
  }),
} as const satisfies Record<string, SimplicityLmsProbe | InductiveBiasProbe>;

export type ClassLabProbeId = keyof typeof CLASS_LAB_PROBES;

export const isClassLabProbeId = (id: string): id is ClassLabProbeId => Object.hasOwn(CLASS_LAB_PROBES, id);

/** A fresh mutable copy of a lesson preset (undefined for an unknown id). */
export const getClassLabProbe = (id: string): SimplicityLmsProbe | InductiveBiasProbe | undefined => (isClassLabProbeId(id) ? structuredClone(CLASS_LAB_PROBES[id]) : undefined);
