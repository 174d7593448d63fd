import {describe, expect, it} from 'vitest'
import {mostThatFit} from '../../src/render/fit-search.js'

/** Sizes (as shares of a budget) that grow with the count kept, in the shapes emails take. */
const shapes: Record<string, (keep: number) => number> = {
  'in step': (keep) => 0.1 + keep * 0.004,
  'big items first': (keep) => 0.3 + Math.sqrt(keep) * 0.05,
  'a fixed part over budget': (keep) => 1.02 + keep * 0.01,
  'steps of equal sizes': (keep) => 0.2 + Math.floor(keep / 7) * 0.03,
  'everything fits but the whole': (keep) => keep * 1e-6
}

describe('mostThatFit', () => {
  for (const [name, size] of Object.entries(shapes)) {
    it(`finds what bisection finds, in a handful of probes: ${name}`, async () => {
      for (const count of [0, 1, 2, 40, 2000, 10_000]) {
        let expected = -1
        for (let keep = 0; keep < count; keep++) if (size(keep) <= 1) expected = keep
        for (const first of [0, Math.floor(count / 3), count]) {
          const probed: number[] = []
          const found = await mostThatFit(count, first, async (keep) => {
            probed.push(keep)
            return size(keep)
          })
          expect(found, `${count} items from ${first}`).toBe(expected)
          expect(probed.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(count + 1)) + 2)
          expect(new Set(probed).size).toBe(probed.length)
        }
      }
    })
  }

  it('takes two probes from the previous cut when it still holds', async () => {
    const probed: number[] = []
    const size = (keep: number) => 0.3 + keep * 0.011
    expect(await mostThatFit(5000, 63, async (keep) => (probed.push(keep), size(keep)))).toBe(63)
    expect(probed).toEqual([63, 64])
  })
})
