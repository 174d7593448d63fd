/**
 * The largest `keep` below `count` for which `probe(keep)`, the size of an email keeping the best
 * `keep` items as a share of its budget, is at most 1; -1 when none is. Each probe renders an
 * email, so each next count is read off the sizes seen rather than halving: between a count that
 * fits and one that does not, where the line through their sizes crosses the budget; below the
 * smallest count that does not fit, where the line through the two smallest crosses it (or, with
 * one, where a size in step with the count would); above the largest that fits, in step with it.
 * Sizes grow about in step with the items kept, so a fit takes a handful of probes, and two from a
 * good first guess (the preview's previous cut): that count, then the next. Should two probes fail
 * to halve the gap, the next one halves it, so no fit takes more than about 2·log2(count).
 * For sizes that grow with the count the answer is the one bisection finds.
 */
export async function mostThatFit(count: number, first: number, probe: (keep: number) => Promise<number>): Promise<number> {
  const sizes = new Map<number, number>()
  const gaps: number[] = []
  let fits = -1
  let fails = count
  let next = first
  while (fails - fits > 1) {
    const keep = Math.min(fails - 1, Math.max(fits + 1, next))
    const size = await probe(keep)
    sizes.set(keep, size)
    if (size <= 1) fits = keep
    else fails = keep
    gaps.push(fails - fits)
    next = nextGuess()
    // A size of nothing gives no line to read a count off.
    if (!Number.isFinite(next)) next = Math.floor((fits + fails) / 2)
  }
  return fits

  function nextGuess(): number {
    const halving = Math.floor((fits + fails) / 2)
    const last = gaps.length - 1
    if (last >= 2 && (gaps[last] ?? 0) * 2 > (gaps[last - 2] ?? 0)) return halving
    const below = sizes.get(fits)
    const above = sizes.get(fails)
    if (below !== undefined && above !== undefined) return above > below ? crossing(fits, below, fails, above) : halving
    if (below !== undefined) return Math.floor(fits / below)
    const failed = [...sizes.keys()].filter((keep) => keep >= fails).sort((a, b) => a - b)
    const [low, high] = failed
    if (low !== undefined && high !== undefined) {
      const lowSize = sizes.get(low) ?? 1
      const highSize = sizes.get(high) ?? 1
      if (highSize > lowSize) return crossing(low, lowSize, high, highSize)
    }
    return Math.floor(fails / (above ?? 1))
  }
}

/** Where the line through (a, sizeA) and (b, sizeB) reaches a size of 1, rounded down. */
function crossing(a: number, sizeA: number, b: number, sizeB: number): number {
  return Math.floor(a + ((1 - sizeA) * (b - a)) / (sizeB - sizeA))
}
