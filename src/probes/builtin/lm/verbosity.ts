// Judge-verbosity built-in: 24 general-knowledge questions with one short, correct answer each,
// written for this project (no benchmark items copied), padded by the family's default rule (the
// answer restated: "{answer} In other words, {answer}"). Every padded answer says exactly what its
// short answer says, so a judge that prefers it shows a preference for length alone.
import { DEFAULT_PADDING_TEMPLATE, type JudgeVerbosityProbe } from '../../families/judge-verbosity/schema';
import { DEFAULT_JUDGE_PROMPT } from '../../families/pairwise-position/schema';

export const VERBOSITY_CITATION = {
  text:
    'Zheng, L., Chiang, W.-L., Sheng, Y., et al. (2023). Judging LLM-as-a-Judge with MT-Bench and Chatbot Arena. NeurIPS 2023 Datasets and Benchmarks, arXiv:2306.05685, §3.3 (verbosity and position bias). Saito, K., Wachi, A., Wataoka, K., & Akimoto, Y. (2023). Verbosity Bias in Preference Labeling by Large Language Models. arXiv:2310.10076. (Items here written for this project.)',
  url: 'https://arxiv.org/abs/2306.05685',
} as const;

type Row = [question: string, answer: string, category: string];

const ROWS: readonly Row[] = [
  ['What is the capital of Italy?', 'The capital of Italy is Rome.', 'geography'],
  ['How many legs does a spider have?', 'A spider has eight legs.', 'science'],
  ['What is 12 plus 15?', '12 plus 15 is 27.', 'math'],
  ['Which gas do people breathe out more of than they breathe in?', 'People breathe out more carbon dioxide than they breathe in.', 'science'],
  ['Who wrote "Pride and Prejudice"?', 'Jane Austen wrote "Pride and Prejudice".', 'literature'],
  ['What is the freezing point of water in degrees Celsius?', 'Water freezes at 0 degrees Celsius.', 'science'],
  ['How many minutes are there in an hour?', 'There are 60 minutes in an hour.', 'math'],
  ['On which continent is Egypt?', 'Egypt is in Africa.', 'geography'],
  ['What colour do you get by mixing blue and yellow paint?', 'Mixing blue and yellow paint gives green.', 'general'],
  ['What is the largest mammal?', 'The blue whale is the largest mammal.', 'science'],
  ['How many sides does a triangle have?', 'A triangle has three sides.', 'math'],
  ['What is the capital of Canada?', 'The capital of Canada is Ottawa.', 'geography'],
  ['Which planet is known as the Red Planet?', 'Mars is known as the Red Planet.', 'science'],
  ['Who painted the Mona Lisa?', 'Leonardo da Vinci painted the Mona Lisa.', 'general'],
  ['What is 9 times 6?', '9 times 6 is 54.', 'math'],
  ['Which ocean lies between Europe and North America?', 'The Atlantic Ocean lies between Europe and North America.', 'geography'],
  ['What do bees make from nectar?', 'Bees make honey from nectar.', 'science'],
  ['How many days are there in a week?', 'There are seven days in a week.', 'general'],
  ['Who wrote the novel "1984"?', 'George Orwell wrote "1984".', 'literature'],
  ['What is the chemical formula of water?', 'The chemical formula of water is H2O.', 'science'],
  ['What is the square root of 81?', 'The square root of 81 is 9.', 'math'],
  ['Which is the longest river in South America?', 'The Amazon is the longest river in South America.', 'geography'],
  ['In which language did Homer compose the Iliad?', 'Homer composed the Iliad in ancient Greek.', 'literature'],
  ['How many hours are there in a day?', 'There are 24 hours in a day.', 'general'],
];

export const LM_JUDGE_VERBOSITY_24: JudgeVerbosityProbe = {
  family: 'judge-verbosity',
  id: 'lm-judge-verbosity-24',
  title: 'Judge verbosity: 24 answers against their padded restatement, both orders',
  description:
    'Each correct short answer is judged against the same answer restated ("… In other words, …") with the padded answer shown first and then second. Length decides an item when the judge picks the same answer in both orders; order decides it when it picks the same position. Meant for instruction-tuned judges: on the embedded tiny GPT it runs but measures little.',
  citation: { ...VERBOSITY_CITATION },
  source: 'Written for this project.',
  items: ROWS.map(([question, answer, category], i) => ({ id: `v${String(i + 1).padStart(2, '0')}`, question, answer, category })),
  judgePrompt: DEFAULT_JUDGE_PROMPT,
  labels: ['A', 'B'],
  paddingTemplate: DEFAULT_PADDING_TEMPLATE,
};
