import { describe, expect, it } from 'vitest'
import { safeReturnPath } from '../../client/src/session.js'

// The return path after login (`/inloggen?terug=…`): same-origin paths only. The web app and the
// server's OIDC callback use this one function (server/domain/terugpad.ts).

describe('safeReturnPath', () => {
  it.each([
    ['/\\evil.example/', 'backslash: browsers read /\\ as //'],
    ['//evil.example', 'protocol-relative'],
    ['//evil', 'protocol-relative'],
    ['///evil.example', 'three slashes'],
    ['https://evil.example', 'absolute URL'],
    ['http:/evil.example', 'scheme with one slash'],
    ['/%5Cevil.example', 'encoded backslash'],
    ['/%5cevil.example', 'encoded backslash, lower case'],
    ['/%2Fevil.example', 'encoded slash'],
    ['/%2F%2Fevil.example', 'encoded slashes'],
    ['/\t/evil.example', 'tab: browsers drop it, leaving //'],
    ['/\n/evil.example', 'newline'],
    ['/\r\n/evil.example', 'carriage return and newline'],
    ['/%09/evil.example', 'encoded tab'],
    ['/%0a/evil.example', 'encoded newline'],
    [' /zoeken', 'leading space'],
    ['\u0000/zoeken', 'NUL'],
    ['javascript:alert(1)', 'javascript: URL'],
    ['JaVaScRiPt:alert(1)', 'javascript: URL, mixed case'],
    ['/\u2028/evil.example', 'line separator'],
    ['data:text/html,<script>alert(1)</script>', 'data: URL'],
    ['/%E0%A4%A', 'broken percent-encoding'],
    ['/inloggen', 'the login page itself'],
    ['/inloggen?terug=/zoeken', 'a loop through the login page'],
    ['/api/sessie', 'the API'],
    ['', 'empty'],
    [`/${'a'.repeat(2001)}`, 'too long'],
  ])('%j is refused (%s)', (terug) => {
    expect(safeReturnPath(terug)).toBeUndefined()
  })

  it.each([
    ['/zoeken', '/zoeken'],
    ['/zoeken?q=kok&plaats=Dordrecht#resultaten', '/zoeken?q=kok&plaats=Dordrecht#resultaten'],
    ['/plekken/abc-123', '/plekken/abc-123'],
    ['/deelnemers?regievoerder=ik', '/deelnemers?regievoerder=ik'],
    ['/zoeken?q=caf%C3%A9', '/zoeken?q=caf%C3%A9'],
    ['/inloggenhulp', '/inloggenhulp'],
    ['/plekken/../deelnemers', '/deelnemers'],
  ])('%j is followed as %j', (terug, path) => {
    expect(safeReturnPath(terug)).toBe(path)
  })

  it('anything not a string is refused', () => {
    for (const v of [undefined, null, 42, ['/zoeken'], { toString: () => '/zoeken' }]) expect(safeReturnPath(v)).toBeUndefined()
  })
})
