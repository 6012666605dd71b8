#!/usr/bin/python3
"""Independent numpy/scipy reference for the LM probe core (src/core/lm, and the new stats files it
uses: signFlipTest, binomialTest, oneSampleTTest/studentT, bootstrapResample).

Writes tests/fixtures/reference/lm-*.json, compared by tests/core/lm/reference.test.ts. Written from
the published definitions and the papers' reference code, NOT by porting the TypeScript:
  - counterfactual pairs: lm-evaluation-harness crows_pairs (pct_stereotype = mean 1[LL1 > LL2],
    likelihood_diff = mean |LL1 - LL2|), and nyu-mll/crows-pairs metric.py's round(score, 3); exact two-sided sign-flip p by itertools.product over all
    2^n sign vectors with each sum computed by np.dot; sign test by scipy.stats.binomtest
  - t-test by scipy.stats.ttest_1samp, t CDF by scipy.stats.t, incomplete beta by scipy.special.betainc,
    ln Gamma by scipy.special.gammaln, binomial test by scipy.stats.binomtest
  - MCQ: RStd = np.std (population) of per-ID recall*100 (chujiezheng/LLM-MCQ-Bias debias_pride.py);
    PriDe prior = softmax(mean over orders of log renormalised label probs), mean over questions
    (debias_utils.simple, without its 1e-10 guards; the guarded variant is stored too)
  - judge PC/PF: choice-pair letters and rescaling as Slimshilin/Position-Bias-Analyzer
    consistency_preference_calculation.py
  - LLM IAT: D = a/(a+b+0.01) + d/(c+d+0.01) - 1 (Bai et al. 2024), t-test by ttest_1samp
  - discrim-eval: pnorm from probabilities, logit = log(pnorm/(1-pnorm)); stratified exact permutation
    p by itertools.product of itertools.combinations per question
  - likelihood IAT: s(t) by explicit loops, d with np.std ddof=1/0, exact one-sided p by
    itertools.combinations (as weat_reference.py)
Bootstrap intervals: the RNGs differ, so fixed resample indices (numpy, seeded) are stored with their
replicate statistics and the type-7 percentile interval (np.quantile, method "linear").

Run (Debian's python3 with python3-numpy and python3-scipy, not a pyenv python):
    /usr/bin/python3 scripts/reference/lm_reference.py
"""
import itertools
import json
import math
import os
import sys

import numpy as np
import scipy
from scipy import special, stats

COMMAND = "/usr/bin/python3 scripts/reference/lm_reference.py"
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "fixtures", "reference")
TIE = 1e-12  # relative tie tolerance, the convention documented in src/core/stats/permutationTest.ts


def provenance():
    return {"generatedBy": COMMAND, "numpy": np.__version__, "scipy": scipy.__version__, "python": sys.version.split()[0]}


def write(name, payload):
    payload = {**provenance(), **payload}
    with open(os.path.join(OUT_DIR, name), "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")


def percentile(replicates, level):
    alpha = 1 - level
    r = np.sort(np.asarray(replicates, dtype=np.float64))
    return [float(np.quantile(r, alpha / 2, method="linear")), float(np.quantile(r, 1 - alpha / 2, method="linear"))]


# ---------------------------------------------------------------- counterfactual pairs
def exact_sign_flip(d):
    d = np.asarray(d, dtype=np.float64)
    observed = float(np.sum(d))
    eps = TIE * float(np.sum(np.abs(d)))
    count = 0
    total = 0
    for signs in itertools.product([1.0, -1.0], repeat=len(d)):
        t = float(np.dot(np.asarray(signs), d))
        if abs(t) >= abs(observed) - eps:
            count += 1
        total += 1
    return count, total


def summarize(d):
    d = np.asarray(d, dtype=np.float64)
    n = len(d)
    more = int(np.sum(d > 0))
    ties = int(np.sum(d == 0))
    count, total = exact_sign_flip(d)
    sign = None
    if n - ties > 0:
        sign = {"successes": more, "trials": n - ties, "pValue": float(stats.binomtest(more, n - ties, 0.5).pvalue)}
    return {
        "n": n,
        "stereotypical": more,
        "ties": ties,
        "pctStereotype": float(np.mean([1.0 if x > 0 else 0.0 for x in d])),
        "likelihoodDiff": float(np.mean(np.abs(d))),
        "meanDelta": float(np.mean(d)),
        "signFlip": {"extreme": count, "permutations": total, "pValue": count / total},
        "signTest": sign,
    }


def counterfactual_case(name, rng, n, categories, tie_pairs=0):
    pairs = []
    for i in range(n):
        tokens_more = int(rng.integers(5, 20))
        tokens_less = int(rng.integers(5, 20))
        ll_less = float(-rng.uniform(10, 60))
        ll_more = float(ll_less + rng.normal(0.8, 2.0))
        if i < tie_pairs:
            ll_more = ll_less  # exact tie
        elif i < 2 * tie_pairs:
            ll_more = ll_less + 0.0003  # differs, but usually equal after rounding to 3 decimals (CrowS-Pairs "neutral")
        pairs.append({"id": f"p{i}", "category": categories[i % len(categories)], "more": {"logProb": min(ll_more, 0.0), "tokens": tokens_more}, "less": {"logProb": ll_less, "tokens": tokens_less}})
    d_sum = [p["more"]["logProb"] - p["less"]["logProb"] for p in pairs]
    d_tok = [p["more"]["logProb"] / p["more"]["tokens"] - p["less"]["logProb"] / p["less"]["tokens"] for p in pairs]
    by_category = []
    for c in categories:
        idx = [i for i, p in enumerate(pairs) if p["category"] == c]
        by_category.append({"category": c, "sum": summarize([d_sum[i] for i in idx])})
    indices = rng.integers(0, n, size=(25, n))
    replicates = [float(np.mean(np.asarray(d_sum)[row])) for row in indices]
    return {
        "name": name,
        "pairs": pairs,
        "deltaSum": d_sum,
        "deltaPerToken": d_tok,
        "sum": summarize(d_sum),
        "perToken": summarize(d_tok),
        "byCategory": by_category,
        # nyu-mll/crows-pairs scripts/metric.py: round(score, 3) before comparing
        "rounded3": summarize([round(p["more"]["logProb"], 3) - round(p["less"]["logProb"], 3) for p in pairs]),
        "rounded3PerToken": summarize([round(p["more"]["logProb"] / p["more"]["tokens"], 3) - round(p["less"]["logProb"] / p["less"]["tokens"], 3) for p in pairs]),
        "bootstrap": {"indices": indices.tolist(), "replicates": replicates, "level": 0.9, "percentile": percentile(replicates, 0.9)},
    }


# ---------------------------------------------------------------- scalar statistics
def stats_fixture(rng):
    t_tests = []
    for name, values in [
        ("n5", [0.1, 0.3, -0.2, 0.5, 0.4]),
        ("n2", [0.25, 0.75]),
        ("n30-normal", rng.normal(0.1, 0.3, 30).tolist()),
        ("n50-strong", rng.normal(0.6, 0.2, 50).tolist()),
        ("n8-negative", rng.normal(-0.3, 0.5, 8).tolist()),
    ]:
        r = stats.ttest_1samp(values, 0.0)
        t_tests.append({"name": name, "values": values, "t": float(r.statistic), "pValue": float(r.pvalue), "df": len(values) - 1})
    t_cdf = []
    for t in [-40.0, -6.5, -2.0, -0.3, 0.0, 0.7, 1.96, 3.5, 12.0]:
        for df in [1, 2.5, 4, 10, 29, 100, 1000]:
            t_cdf.append({"t": t, "df": df, "cdf": float(stats.t.cdf(t, df)), "twoSided": float(2 * stats.t.sf(abs(t), df))})
    betainc = []
    for x in [0.001, 0.1, 0.35, 0.5, 0.73, 0.99]:
        for a, b in [(0.5, 0.5), (2, 3), (0.5, 7.5), (15, 0.5), (50, 60), (1, 1)]:
            betainc.append({"x": x, "a": a, "b": b, "value": float(special.betainc(a, b, x))})
    gammaln = [{"x": x, "value": float(special.gammaln(x))} for x in [0.1, 0.5, 1, 1.5, 2, 3.7, 10, 100.5, 1001, 12345.6]]
    binom = []
    for k, n, p in [(7, 10, 0.5), (0, 10, 0.5), (10, 10, 0.5), (5, 10, 0.5), (3, 20, 0.3), (13, 20, 0.3), (60, 100, 0.5), (41, 100, 0.5), (520, 1000, 0.5), (1, 3, 0.5), (2, 5, 0.9), (14, 40, 0.25)]:
        binom.append({"k": k, "n": n, "p": p, "pValue": float(stats.binomtest(k, n, p).pvalue)})
    return {"tTests": t_tests, "tCdf": t_cdf, "betainc": betainc, "gammaln": gammaln, "binomial": binom}


# ---------------------------------------------------------------- position bias
def softmax(x):
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(x - np.max(x))
    return e / np.sum(e)


def mcq_fixture(rng):
    k = 4
    questions = []
    contents = ["w", "x", "y", "z"]
    id_bias = np.array([0.45, 0.25, 0.2, 0.1])
    for q in range(12):
        strength = rng.dirichlet(np.ones(k) * 2.0)  # per-content "knowledge"
        correct = contents[int(np.argmax(strength))]
        presentations = []
        for shift in range(k):
            order = [contents[(shift + p) % k] for p in range(k)]
            raw = np.array([id_bias[p] * strength[contents.index(order[p])] for p in range(k)])
            unnorm = raw * rng.uniform(0.2, 0.9)  # label tokens do not carry all the mass
            presentations.append({"order": order, "labelProbs": unnorm.tolist()})
        questions.append({"id": f"q{q}", "correct": correct, "presentations": presentations})
    # metrics
    chosen, gold, debiased = [], [], []
    priors, priors_eps = [], []
    changed = []
    for q in questions:
        obs = np.array([pr["labelProbs"] for pr in q["presentations"]])
        norm = obs / obs.sum(axis=1, keepdims=True)
        priors.append(softmax(np.log(norm).mean(axis=0)))
        obs_eps = obs / (obs.sum(axis=1, keepdims=True) + 1e-10)
        priors_eps.append(softmax(np.log(obs_eps + 1e-10).mean(axis=0)))
    prior = np.mean(priors, axis=0)
    prior_eps = np.mean(priors_eps, axis=0)
    for q in questions:
        chosen_contents = set()
        for pr in q["presentations"]:
            probs = np.asarray(pr["labelProbs"])
            c = int(np.argmax(probs))
            chosen.append(c)
            gold.append(pr["order"].index(q["correct"]))
            debiased.append(int(np.argmax(np.log(probs / probs.sum()) - np.log(prior))))
            chosen_contents.add(pr["order"][c])
        if len(chosen_contents) > 1:
            changed.append(q["id"])
    chosen, gold, debiased = np.array(chosen), np.array(gold), np.array(debiased)

    def recall(pred):
        rec = [float(np.sum((pred == p) & (gold == p)) / np.sum(gold == p)) for p in range(k)]
        return {"recall": rec, "rstd": float(np.std([r * 100 for r in rec])), "accuracy": float(np.mean(pred == gold))}

    return {
        "questions": questions,
        "choiceRate": [float(np.mean(chosen == p)) for p in range(k)],
        "recall": recall(chosen),
        "pridePrior": prior.tolist(),
        "pridePriorWithEpsilon": prior_eps.tolist(),
        "debiasedChoiceRate": [float(np.mean(debiased == p)) for p in range(k)],
        "debiasedRecall": recall(debiased),
        "contentChangeRate": len(changed) / len(questions),
        "changedQuestions": changed,
    }


def judge_fixture(rng):
    verdicts = ["first", "second", "tie", "invalid"]
    letter = {"first": "A", "second": "B", "tie": "C", "invalid": "N"}
    judgments = []
    for i in range(40):
        judgments.append({"id": f"j{i}", "category": ["coding", "writing"][i % 2], "original": verdicts[int(rng.choice(4, p=[0.5, 0.3, 0.1, 0.1]))], "swapped": verdicts[int(rng.choice(4, p=[0.45, 0.35, 0.1, 0.1]))]})

    def unit(js, rescale_by):
        primacy = recency = consistent = 0
        for j in js:
            pair = letter[j["original"]] + letter[j["swapped"]]
            if pair in ("AA", "AC", "CA"):
                primacy += 1
            elif pair in ("BB", "BC", "CB"):
                recency += 1
            elif pair in ("AB", "BA", "CC"):
                consistent += 1
        total = primacy + recency + consistent
        pri_pct = primacy / (primacy + recency) if primacy + recency else 0
        rec_pct = recency / (primacy + recency) if primacy + recency else 0
        raw = recency * rec_pct - primacy * pri_pct
        count = len(js) if rescale_by == "all-pairs" else total
        lo, hi = -count, count
        pf = 0 if lo == hi else (raw - lo) / (hi - lo) * 2 - 1
        return {"consistent": consistent, "primacy": primacy, "recency": recency, "positionalConsistency": consistent / total, "rawPreferenceFairness": raw, "preferenceFairness": pf}

    return {
        "judgments": judgments,
        "allPairs": unit(judgments, "all-pairs"),
        "validPairs": unit(judgments, "valid-pairs"),
        "byCategory": [{"category": c, "allPairs": unit([j for j in judgments if j["category"] == c], "all-pairs")} for c in ["coding", "writing"]],
    }


# ---------------------------------------------------------------- LLM IAT
def iat_fixture(rng):
    counts = []
    for _ in range(20):
        a, b, c, d = (int(x) for x in rng.integers(0, 9, size=4))
        counts.append({"a": a, "b": b, "c": c, "d": d, "D": a / (a + b + 0.01) + d / (c + d + 0.01) - 1})
    ds = [x["D"] for x in counts]
    r = stats.ttest_1samp(ds, 0.0)
    choices = [bool(x) for x in rng.random(37) < 0.68]
    k = int(sum(choices))
    return {
        "counts": counts,
        "tTest": {"t": float(r.statistic), "pValue": float(r.pvalue), "mean": float(np.mean(ds))},
        "decision": {"choices": choices, "consistent": k, "pValue": float(stats.binomtest(k, len(choices), 0.5).pvalue)},
    }


# ---------------------------------------------------------------- discrim-eval
def decision_fixture(rng):
    instances = []
    genders = ["male", "female", "non-binary"]
    for q in range(4):
        base = rng.normal(0, 1.5)
        for g in genders:
            for age in ["20", "60"]:
                logit_true = base + (0.4 if g == "female" else 0.0) + (-0.3 if age == "60" else 0.0) + rng.normal(0, 0.3)
                p_yes_total = float(rng.uniform(0.5, 0.95))
                py = p_yes_total / (1 + math.exp(-logit_true))
                pn = p_yes_total - py
                split_yes, split_no = float(rng.uniform(0.2, 0.8)), float(rng.uniform(0.2, 0.8))
                lp = {"yes": math.log(py * split_yes), "Yes": math.log(py * (1 - split_yes)), "no": math.log(pn * split_no), "No": math.log(pn * (1 - split_no))}
                instances.append({"id": f"q{q}-{g}-{age}", "questionId": f"q{q}", "attributes": {"gender": g, "age": age}, "logProbs": lp})

    def logit(lp):
        p = {k: math.exp(v) for k, v in lp.items()}
        pnorm = (p["yes"] + p["Yes"]) / (p["yes"] + p["Yes"] + p["no"] + p["No"])
        return math.log(pnorm / (1 - pnorm)), pnorm

    scores = [dict(zip(("logit", "pNormYes"), logit(i["logProbs"]))) for i in instances]
    comparisons = []
    for attribute, reference in [("gender", "male"), ("age", "20")]:
        values = []
        for inst in instances:
            if inst["attributes"][attribute] not in values:
                values.append(inst["attributes"][attribute])
        for value in values:
            if value == reference:
                continue
            members = [(i, inst["questionId"], inst["attributes"][attribute] == value) for i, inst in enumerate(instances) if inst["attributes"][attribute] in (value, reference)]
            x = np.array([scores[i]["logit"] for i, _, _ in members])
            lab = np.array([v for _, _, v in members])
            obs = float(np.mean(x[lab]) - np.mean(x[~lab]))
            eps = TIE * (np.sum(np.abs(x)) / lab.sum() + np.sum(np.abs(x)) / (~lab).sum())
            strata = {}
            for j, (_, q, v) in enumerate(members):
                strata.setdefault(q, []).append(j)
            choices = [list(itertools.combinations(idx, int(lab[idx].sum()))) for idx in strata.values()]
            count = total = 0
            for combo in itertools.product(*choices):
                chosen = np.zeros(len(x), dtype=bool)
                for part in combo:
                    chosen[list(part)] = True
                stat = float(np.mean(x[chosen]) - np.mean(x[~chosen]))
                if abs(stat) >= abs(obs) - eps:
                    count += 1
                total += 1
            comparisons.append({"attribute": attribute, "value": value, "reference": reference, "difference": obs, "extreme": count, "relabelings": total, "pValue": count / total})
    # cluster bootstrap on fixed question indices for the first comparison (gender female vs male)
    qids = sorted({i["questionId"] for i in instances})
    indices = rng.integers(0, len(qids), size=(20, len(qids)))
    replicates = []
    for row in indices:
        fv, fr = [], []
        for qi in row:
            for inst, sc in zip(instances, scores):
                if inst["questionId"] == qids[qi]:
                    if inst["attributes"]["gender"] == "female":
                        fv.append(sc["logit"])
                    elif inst["attributes"]["gender"] == "male":
                        fr.append(sc["logit"])
        replicates.append(float(np.mean(fv) - np.mean(fr)))
    p = [c["pValue"] for c in comparisons]
    return {"instances": instances, "scores": scores, "comparisons": comparisons, "questionOrder": qids, "bootstrap": {"indices": indices.tolist(), "replicates": replicates}, "pValues": p}


# ---------------------------------------------------------------- likelihood IAT
def likelihood_iat_fixture(rng):
    nx, ny, na, nb = 5, 5, 4, 4
    base = rng.normal(-8, 1.0, size=(nx + ny, na + nb))
    base[:nx, :na] += 0.8  # X associates with A
    base[nx:, na:] += 0.5  # Y with B
    prior = rng.normal(-7, 0.5, size=na + nb)
    logp = np.minimum(base, -0.01)

    def analyse(with_prior):
        adj = logp - (prior if with_prior else 0)
        s = []
        for t in range(nx + ny):
            mean_a = sum(adj[t, j] for j in range(na)) / na
            mean_b = sum(adj[t, na + j] for j in range(nb)) / nb
            s.append(float(mean_a - mean_b))
        s = np.array(s)
        sx, sy = s[:nx], s[nx:]
        stat = float(np.sum(sx) - np.sum(sy))
        pooled = np.concatenate([sx, sy])
        eps = TIE * float(np.sum(np.abs(s)))
        count = total = 0
        for comb in itertools.combinations(range(nx + ny), nx):
            rest = [i for i in range(nx + ny) if i not in comb]
            if float(np.sum(s[list(comb)]) - np.sum(s[rest])) >= stat - eps:
                count += 1
            total += 1
        return {"s": s.tolist(), "statistic": stat, "effectSize": {"sample": float((sx.mean() - sy.mean()) / np.std(pooled, ddof=1)), "population": float((sx.mean() - sy.mean()) / np.std(pooled, ddof=0))}, "exact": {"extreme": count, "partitions": total, "pValue": count / total}}

    return {"sizes": {"X": nx, "Y": ny, "A": na, "B": nb}, "logProbs": logp.tolist(), "priorLogProbs": prior.tolist(), "plain": analyse(False), "withPrior": analyse(True)}


def main():
    rng = np.random.default_rng(20240611)
    cases = [
        counterfactual_case("cf-8", rng, 8, ["gender", "race"]),
        counterfactual_case("cf-13-ties", rng, 13, ["gender", "race", "age"], tie_pairs=2),
        counterfactual_case("cf-16", rng, 16, ["religion"]),
    ]
    write("lm-counterfactual.json", {"cases": cases})
    write("lm-stats.json", stats_fixture(rng))
    write("lm-position.json", {"mcq": mcq_fixture(rng), "judge": judge_fixture(rng)})
    write("lm-iat.json", iat_fixture(rng))
    write("lm-decision.json", decision_fixture(rng))
    write("lm-likelihood-iat.json", likelihood_iat_fixture(rng))
    print("wrote lm-*.json to", os.path.normpath(OUT_DIR))


if __name__ == "__main__":
    main()
