import { describe, expect, it } from 'vitest'
import { mergePatch } from '../../server/services/merge-patch.js'

describe('mergePatch', () => {
  it('merges objects, replaces lists and removes fields set to null', () => {
    const target = { a: 1, b: { x: 1, y: 2 }, c: [1, 2], d: 'weg' }
    expect(mergePatch(target, { b: { y: 3 }, c: [9], d: null })).toEqual({ a: 1, b: { x: 1, y: 3 }, c: [9] })
    expect(target).toEqual({ a: 1, b: { x: 1, y: 2 }, c: [1, 2], d: 'weg' })
  })
})
