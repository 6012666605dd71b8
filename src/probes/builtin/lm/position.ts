// Position-bias built-ins: 40 general-knowledge multiple-choice questions (4 options each) and 30
// pairwise comparisons for a judge prompt. All written for this project from stable, uncontroversial
// facts (units, geography, arithmetic, basic science, famous authors); no benchmark items copied.
//
// Answer positions are balanced by construction: question i lists its correct answer at position
// i mod 4 of the canonical order (A, B, C, D ten times each), so a model that always picks one
// label scores exactly 25% in the canonical order. In the pairwise set the better answer is first
// in the even-numbered items and second in the odd ones.
import type { McqPositionProbe, PairwisePositionProbe } from '../../lmSchema';

export const ZHENG_CITATION = {
  text:
    'Zheng, C., Zhou, H., Meng, F., Zhou, J., & Huang, M. (2024). Large Language Models Are Not Robust Multiple Choice Selectors. ICLR 2024. (RStd, PriDe; questions here written for this project.)',
  url: 'https://openreview.net/forum?id=shr9PXz7T0',
} as const;

export const SHI_CITATION = {
  text:
    'Shi, L., Ma, C., Liang, W., Diao, X., Ma, W., & Vosoughi, S. (2024). Judging the Judges: A Systematic Study of Position Bias in LLM-as-a-Judge. arXiv:2406.07791. (Positional consistency and preference fairness; items here written for this project.)',
  url: 'https://arxiv.org/abs/2406.07791',
} as const;

/** [question, correct answer, three wrong answers]. */
type McqRow = [question: string, correct: string, wrong1: string, wrong2: string, wrong3: string, category: string];

const MCQ: readonly McqRow[] = [
  ['What is the chemical symbol for gold?', 'Au', 'Ag', 'Fe', 'Pb', 'science'],
  ['Which is the largest planet in the Solar System?', 'Jupiter', 'Saturn', 'Earth', 'Neptune', 'science'],
  ['At sea level, at what temperature in degrees Celsius does water boil?', '100', '90', '80', '120', 'science'],
  ['How many sides does a hexagon have?', 'six', 'five', 'seven', 'eight', 'math'],
  ['What is the capital of France?', 'Paris', 'Lyon', 'Marseille', 'Nice', 'geography'],
  ['Which gas do plants take from the air for photosynthesis?', 'carbon dioxide', 'oxygen', 'nitrogen', 'helium', 'science'],
  ['Who wrote the play "Romeo and Juliet"?', 'William Shakespeare', 'Charles Dickens', 'Jane Austen', 'Mark Twain', 'literature'],
  ['What is 7 times 8?', '56', '54', '48', '64', 'math'],
  ['Which planet is closest to the Sun?', 'Mercury', 'Venus', 'Mars', 'Earth', 'science'],
  ['Which is the largest ocean on Earth?', 'the Pacific Ocean', 'the Atlantic Ocean', 'the Indian Ocean', 'the Arctic Ocean', 'geography'],
  ['How many days are there in a leap year?', '366', '365', '364', '360', 'math'],
  ['Which organ pumps blood through the human body?', 'the heart', 'the liver', 'the lungs', 'the kidneys', 'science'],
  ['At what temperature in degrees Fahrenheit does water freeze?', '32', '0', '10', '212', 'science'],
  ['What is the capital of Japan?', 'Tokyo', 'Kyoto', 'Osaka', 'Hiroshima', 'geography'],
  ['What is the square root of 81?', '9', '8', '7', '6', 'math'],
  ['Which of these is the hardest natural mineral?', 'diamond', 'quartz', 'topaz', 'talc', 'science'],
  ['On which continent is Egypt mostly located?', 'Africa', 'Asia', 'Europe', 'South America', 'geography'],
  ['How many legs does a spider have?', 'eight', 'six', 'ten', 'four', 'science'],
  ['What is the common name of H2O?', 'water', 'salt', 'sugar', 'ammonia', 'science'],
  ['Who painted the Mona Lisa?', 'Leonardo da Vinci', 'Michelangelo', 'Raphael', 'Vincent van Gogh', 'art'],
  ['Which metal is liquid at room temperature?', 'mercury', 'iron', 'copper', 'aluminium', 'science'],
  ['How many minutes are there in an hour?', '60', '100', '30', '90', 'math'],
  ['What is the capital of Italy?', 'Rome', 'Milan', 'Venice', 'Naples', 'geography'],
  ['Which animal is the largest mammal?', 'the blue whale', 'the African elephant', 'the giraffe', 'the hippopotamus', 'science'],
  ['Which is the longest river in South America?', 'the Amazon', 'the Orinoco', 'the Magdalena', 'the Uruguay', 'geography'],
  ['What is 15 plus 27?', '42', '32', '41', '52', 'math'],
  ['Which of these numbers is prime?', '13', '15', '21', '27', 'math'],
  ['What is the main language spoken in Brazil?', 'Portuguese', 'Spanish', 'French', 'Italian', 'geography'],
  ['Which planet is known as the Red Planet?', 'Mars', 'Venus', 'Jupiter', 'Mercury', 'science'],
  ['How many strings does a standard violin have?', 'four', 'five', 'six', 'three', 'art'],
  ['What is the currency of Japan?', 'the yen', 'the won', 'the yuan', 'the rupee', 'geography'],
  ['What does a thermometer measure?', 'temperature', 'air pressure', 'humidity', 'wind speed', 'science'],
  ['Which bone protects the brain?', 'the skull', 'the femur', 'the rib', 'the pelvis', 'science'],
  ['In which year did the First World War begin?', '1914', '1918', '1939', '1905', 'history'],
  ['Which element has atomic number 1?', 'hydrogen', 'helium', 'oxygen', 'carbon', 'science'],
  ['How many degrees are there in a right angle?', '90', '180', '45', '60', 'math'],
  ['What is the capital of Canada?', 'Ottawa', 'Toronto', 'Montreal', 'Vancouver', 'geography'],
  ['Who developed the general theory of relativity?', 'Albert Einstein', 'Isaac Newton', 'Niels Bohr', 'Galileo Galilei', 'science'],
  ['Which instrument usually has 88 keys?', 'the piano', 'the guitar', 'the flute', 'the harp', 'art'],
  ['Which is the highest mountain above sea level?', 'Mount Everest', 'K2', 'Kilimanjaro', 'Mont Blanc', 'geography'],
];

/** The correct answer of question i goes to position i mod 4; the wrong ones fill the rest in order. */
const placeOptions = (row: McqRow, i: number): { options: string[]; answer: number } => {
  const [, correct, w1, w2, w3] = row;
  const answer = i % 4;
  const wrong = [w1, w2, w3];
  const options = [0, 1, 2, 3].map((p) => (p === answer ? correct : wrong.shift()!));
  return { options, answer };
};

export const LM_MCQ_POSITION_40: McqPositionProbe = {
  family: 'mcq-position',
  id: 'lm-mcq-position-40',
  title: 'MCQ option-order bias: 40 general-knowledge questions, cyclic orders',
  description:
    'Each question is shown in its 4 cyclic option orders (160 prompts); the model picks the label (A–D) with the highest next-token probability. ' +
    'Reports the choice rate by position, per-position recall and RStd (Zheng et al. 2024), the PriDe prior, and the share of questions whose chosen answer changes when only the order changes.',
  citation: ZHENG_CITATION,
  source:
    'Questions written for this project from stable general-knowledge facts; the correct answer sits at each position (A–D) in ten questions of the canonical order.',
  questions: MCQ.map((row, i) => ({
    id: `q${String(i + 1).padStart(2, '0')}`,
    question: row[0],
    ...placeOptions(row, i),
    category: row[5],
  })),
  labels: ['A', 'B', 'C', 'D'],
  orders: 'cyclic',
  promptTemplate: 'Question: {question}\n{options}\nAnswer:',
  optionTemplate: '{label}. {option}',
};

/** [question, good answer, clearly worse answer]. */
type PairRow = [question: string, good: string, bad: string];

const PAIRWISE: readonly PairRow[] = [
  ['What is the capital of Australia?', 'The capital of Australia is Canberra.', 'The capital of Australia is Sydney.'],
  ['How many hours are there in a day?', 'A day has 24 hours.', 'A day has 12 hours.'],
  ['What do bees make?', 'Bees make honey.', 'Bees make milk.'],
  ['What is the opposite of "hot"?', 'The opposite of "hot" is "cold".', 'The opposite of "hot" is "warm".'],
  ['On which planet do humans live?', 'Humans live on Earth.', 'Humans live on Mars.'],
  ['What colour do you get by mixing blue and yellow paint?', 'Mixing blue and yellow paint gives green.', 'Mixing blue and yellow paint gives purple.'],
  ['How many wheels does a bicycle have?', 'A bicycle has two wheels.', 'A bicycle has three wheels.'],
  ['What is the capital of Germany?', 'The capital of Germany is Berlin.', 'The capital of Germany is Munich.'],
  ['What is 10 divided by 2?', '10 divided by 2 is 5.', '10 divided by 2 is 20.'],
  ['Which season comes after winter?', 'Spring comes after winter.', 'Autumn comes after winter.'],
  ['What is the plural of "mouse"?', 'The plural of "mouse" is "mice".', 'The plural of "mouse" is "mouses".'],
  ['Who was the first person to walk on the Moon?', 'Neil Armstrong was the first person to walk on the Moon, in 1969.', 'Yuri Gagarin was the first person to walk on the Moon.'],
  ['What is the largest country in the world by area?', 'Russia is the largest country by area.', 'Italy is the largest country by area.'],
  ['Which gas do humans need to breathe to stay alive?', 'Humans need oxygen to stay alive.', 'Humans need carbon monoxide to stay alive.'],
  ['How do you say "thank you" in Spanish?', 'In Spanish, "thank you" is "gracias".', 'In Spanish, "thank you" is "bonjour".'],
  ['What is 5 squared?', '5 squared is 25.', '5 squared is 10.'],
  ['What is the capital of Egypt?', 'The capital of Egypt is Cairo.', 'The capital of Egypt is Casablanca.'],
  ['What does a compass show?', 'A compass shows the direction of magnetic north.', 'A compass shows the time of day.'],
  ['Which animal has a long trunk?', 'The elephant has a long trunk.', 'The zebra has a long trunk.'],
  ['What is the chemical formula of table salt?', 'Table salt is sodium chloride, NaCl.', 'Table salt is sulfuric acid, H2SO4.'],
  ['How many players does a soccer team have on the field at once?', 'A soccer team has eleven players on the field.', 'A soccer team has five players on the field.'],
  ['Which is heavier: a kilogram of iron or a kilogram of feathers?', 'They weigh the same, one kilogram each.', 'The kilogram of iron is heavier.'],
  ['What is the past tense of "go"?', 'The past tense of "go" is "went".', 'The past tense of "go" is "goed".'],
  ['Which ocean lies between Europe and North America?', 'The Atlantic Ocean lies between Europe and North America.', 'The Indian Ocean lies between Europe and North America.'],
  ['What shape has three sides?', 'A triangle has three sides.', 'A square has three sides.'],
  ['What instrument does a doctor use to listen to the heart?', 'A doctor uses a stethoscope to listen to the heart.', 'A doctor uses a telescope to listen to the heart.'],
  ['What is the main ingredient of guacamole?', 'The main ingredient of guacamole is avocado.', 'The main ingredient of guacamole is potato.'],
  ['At what temperature in degrees Celsius does water freeze?', 'Water freezes at 0 degrees Celsius.', 'Water freezes at 30 degrees Celsius.'],
  ['Who wrote "Pride and Prejudice"?', 'Jane Austen wrote "Pride and Prejudice".', 'Ernest Hemingway wrote "Pride and Prejudice".'],
  ['What is the capital of Spain?', 'The capital of Spain is Madrid.', 'The capital of Spain is Lisbon.'],
];

export const LM_PAIRWISE_POSITION_30: PairwisePositionProbe = {
  family: 'pairwise-position',
  id: 'lm-pairwise-position-30',
  title: 'Judge position bias: 30 answer pairs, judged in both orders',
  description:
    'Each pair (a correct and a clearly wrong answer) is judged as (A, B) and again as (B, A); the verdict is the label with the higher next-token probability. ' +
    'Reports positional consistency and preference fairness (Shi et al. 2024) and the judge accuracy.',
  citation: SHI_CITATION,
  source: 'Questions and answers written for this project; in every pair one answer is factually correct and the other is wrong.',
  items: PAIRWISE.map(([question, good, bad], i) => ({
    id: `p${String(i + 1).padStart(2, '0')}`,
    question,
    answers: (i % 2 === 0 ? [good, bad] : [bad, good]) as [string, string],
    better: (i % 2 === 0 ? 0 : 1) as 0 | 1,
  })),
  judgePrompt:
    'Which answer to the question is better?\nQuestion: {question}\nAnswer A: {answer_a}\nAnswer B: {answer_b}\nThe better answer is Answer',
  labels: ['A', 'B'],
};
