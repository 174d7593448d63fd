/** F1 on 4-word shingles, the measure the held-out page set is scored with. */
export function shingleF1(got: string, want: string): {precision: number; recall: number; f1: number} {
  const g = shingles(got)
  const w = shingles(want)
  let overlap = 0
  let gotTotal = 0
  let wantTotal = 0
  for (const count of g.values()) gotTotal += count
  for (const count of w.values()) wantTotal += count
  for (const [key, count] of g) overlap += Math.min(count, w.get(key) ?? 0)
  if (gotTotal === 0 || wantTotal === 0) return {precision: 0, recall: 0, f1: 0}
  const precision = overlap / gotTotal
  const recall = overlap / wantTotal
  return {precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)}
}

function shingles(text: string): Map<string, number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []
  const counts = new Map<string, number>()
  for (let index = 0; index + 4 <= words.length; index++) {
    const key = words.slice(index, index + 4).join(' ')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}
