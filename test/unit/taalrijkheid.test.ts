import { describe, expect, it } from 'vitest'
import { taalrijkheidGewichten, taalrijkheidsscore, type Taalrijkheid } from '../../server/domain/taalrijkheid.js'
import { taalrijkheidItems } from '../../server/domain/enums.js'

const checklist = (...ja: string[]) =>
  Object.fromEntries(taalrijkheidItems.map((k) => [k, ja.includes(k)])) as Taalrijkheid

describe('taalrijkheidsscore', () => {
  it('the weights cover every checklist item and add up to 10', () => {
    expect(Object.keys(taalrijkheidGewichten).sort()).toEqual([...taalrijkheidItems].sort())
    expect(Object.values(taalrijkheidGewichten).reduce((a, b) => a + b, 0)).toBe(10)
  })

  it('an empty checklist scores 0 and says why', () => {
    const { score, uitleg } = taalrijkheidsscore(checklist())
    expect(score).toBe(0)
    expect(uitleg[0]).toBe('Weinig taalrijke werkplek (0 van 10).')
    expect(uitleg).toContain('Er is geen vast taalmaatje.')
    expect(uitleg).toContain('Nederlands is niet de voertaal: de deelnemer hoort weinig Nederlands.')
  })

  it('a full checklist scores 10 with a reason per item', () => {
    const { score, uitleg } = taalrijkheidsscore(checklist(...taalrijkheidItems))
    expect(score).toBe(10)
    expect(uitleg).toHaveLength(1 + taalrijkheidItems.length)
    expect(uitleg[0]).toBe('Zeer taalrijke werkplek (10 van 10).')
  })

  it('Dutch as working language and a fixed taalmaatje weigh most', () => {
    expect(taalrijkheidsscore(checklist('nederlandsVoertaal', 'vastTaalmaatje')).score).toBe(3)
    expect(taalrijkheidsscore(checklist('vaktaalmateriaal', 'taalcoachWelkom')).score).toBe(1)
  })

  it('half points are kept and shown with a Dutch decimal comma', () => {
    const { score, uitleg } = taalrijkheidsscore(checklist('nederlandsVoertaal', 'klantcontact', 'werkoverleg', 'schriftelijkeInstructies'))
    expect(score).toBe(4)
    const half = taalrijkheidsscore(checklist('nederlandsVoertaal', 'klantcontact', 'werkoverleg'))
    expect(half.score).toBe(3.5)
    expect(half.uitleg[0]).toBe('Weinig taalrijke werkplek (3,5 van 10).')
    expect(uitleg[0]).toMatch(/^Redelijk taalrijke werkplek/)
  })
})
