/**
 * NDCG@k (normalised discounted cumulative gain), the measure of the relevance set (issue 16): how
 * close a ranking's first k results come to the best possible order of the judged postings. Gains
 * are 2^grade − 1 and the discount log2(rank + 1) (Järvelin & Kekäläinen 2002). Pure.
 */

/** DCG of grades in ranked order, over the first k. */
export function dcg(grades: readonly number[], k: number): number {
  let sum = 0;
  grades.slice(0, k).forEach((g, i) => {
    sum += (2 ** g - 1) / Math.log2(i + 2);
  });
  return sum;
}

/**
 * NDCG@k of a ranking, given every judged posting's grade (0 for any posting not judged): the ideal
 * order is every judged posting, best first. 1 when nothing is judged relevant and nothing is wanted.
 */
export function ndcg(ranked: readonly string[], grades: ReadonlyMap<string, number>, k: number): number {
  const ideal = dcg(
    [...grades.values()].filter((g) => g > 0).sort((a, b) => b - a),
    k,
  );
  if (ideal === 0) return 1;
  return (
    dcg(
      ranked.map((id) => grades.get(id) ?? 0),
      k,
    ) / ideal
  );
}
