import type { ComponentChildren } from 'preact'
import { rondMaximum } from '../lib/monitor.js'

// Charts in plain inline SVG: no library, no script beyond Preact. Each chart is an image with a
// title and a description (role="img", aria-labelledby), its numbers are written on the bars, and
// the page puts a table with the same figures beside it. Bars have one colour and a pattern never
// carries meaning on its own.

const KLEUR = '#24578f'
const KLEUR_LICHT = '#d5e3f2'
const TEKST = '#1d1d1b'
const AS = '#6b6b6b'

function Figuur({ id, titel, beschrijving, breedte, hoogte, children }: { id: string; titel: string; beschrijving: string; breedte: number; hoogte: number; children: ComponentChildren }) {
  return (
    <svg class="pp-grafiek" viewBox={`0 0 ${breedte} ${hoogte}`} width="100%" role="img" aria-labelledby={`${id}-titel ${id}-desc`} preserveAspectRatio="xMinYMin meet"
      style={`max-inline-size: ${breedte}px`}>
      <title id={`${id}-titel`}>{titel}</title>
      <desc id={`${id}-desc`}>{beschrijving}</desc>
      {children}
    </svg>
  )
}

export interface Staaf {
  label: string
  /** null: no figure yet (no bar, the text says why) */
  waarde: number | null
  tekst: string
}

/** Vertical bars on a 0–max scale, e.g. the share still active after 3 and 6 months (0–100 %). */
export function Staven({ id, titel, beschrijving, staven, max, eenheid = '' }: { id: string; titel: string; beschrijving: string; staven: Staaf[]; max: number; eenheid?: string }) {
  const b = 120 + staven.length * 130
  const h = 240
  const boven = 30
  const onder = 40
  const links = 50
  const hoogte = h - boven - onder
  const y = (v: number) => boven + hoogte - (v / max) * hoogte
  const stappen = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max)
  return (
    <Figuur id={id} titel={titel} beschrijving={beschrijving} breedte={b} hoogte={h}>
      {stappen.map((s) => (
        <g key={s}>
          <line x1={links} x2={b - 10} y1={y(s)} y2={y(s)} stroke={s === 0 ? AS : '#e0e0e0'} stroke-width={s === 0 ? 1.5 : 1} />
          <text x={links - 6} y={y(s) + 4} text-anchor="end" font-size="12" fill={AS}>{Math.round(s)}{eenheid}</text>
        </g>
      ))}
      {staven.map((s, i) => {
        const x = links + 30 + i * 130
        return (
          <g key={s.label}>
            {s.waarde !== null ? (
              <>
                <rect x={x} y={y(s.waarde)} width={70} height={Math.max(0, y(0) - y(s.waarde))} fill={KLEUR} />
                <text x={x + 35} y={y(s.waarde) - 8} text-anchor="middle" font-size="14" font-weight="700" fill={TEKST}>{s.tekst}</text>
              </>
            ) : (
              <>
                <rect x={x} y={boven} width={70} height={hoogte} fill="none" stroke={AS} stroke-dasharray="4 4" />
                <text x={x + 35} y={boven + hoogte / 2} text-anchor="middle" font-size="12" fill={TEKST}>{s.tekst}</text>
              </>
            )}
            <text x={x + 35} y={h - onder + 20} text-anchor="middle" font-size="13" fill={TEKST}>{s.label}</text>
          </g>
        )
      })}
    </Figuur>
  )
}

/** Horizontal bars with their count, most frequent first (eindredenen, knelpunten). */
export function LiggendeStaven({ id, titel, beschrijving, rijen }: { id: string; titel: string; beschrijving: string; rijen: { label: string; waarde: number }[] }) {
  const b = 640
  const rij = 30
  const boven = 10
  const links = 170
  const rechts = 50
  const h = boven * 2 + rijen.length * rij
  const max = rondMaximum(Math.max(1, ...rijen.map((r) => r.waarde)))
  const w = (v: number) => (v / max) * (b - links - rechts)
  return (
    <Figuur id={id} titel={titel} beschrijving={beschrijving} breedte={b} hoogte={Math.max(h, 40)}>
      <line x1={links} x2={links} y1={boven - 4} y2={h - boven + 4} stroke={AS} />
      {rijen.map((r, i) => {
        const y = boven + i * rij
        return (
          <g key={r.label}>
            <text x={links - 8} y={y + rij / 2 + 5} text-anchor="end" font-size="13" fill={TEKST}>{r.label}</text>
            <rect x={links} y={y + 5} width={Math.max(w(r.waarde), r.waarde > 0 ? 2 : 0)} height={rij - 10} fill={KLEUR} />
            <text x={links + w(r.waarde) + 6} y={y + rij / 2 + 5} font-size="13" font-weight="700" fill={TEKST}>{r.waarde}</text>
          </g>
        )
      })}
    </Figuur>
  )
}

/**
 * Small multiples: one small bar chart per series (a knelpunt), the same months and the same scale
 * in each, so they compare at a glance without a legend of eleven colours.
 */
export function KleineVeelvouden({ id, titel, beschrijving, reeksen, maandLabel }: {
  id: string; titel: string; beschrijving: string
  reeksen: { label: string; totaal: number; waarden: { maand: string; aantal: number }[] }[]
  maandLabel: (maand: string) => string
}) {
  const maanden = reeksen[0]?.waarden.map((w) => w.maand) ?? []
  const paneelB = 300
  const paneelH = 96
  const kolommen = 2
  const b = paneelB * kolommen
  const h = Math.ceil(reeksen.length / kolommen) * (paneelH + 12) + 24
  const max = rondMaximum(Math.max(1, ...reeksen.flatMap((r) => r.waarden.map((w) => w.aantal))))
  const links = 12
  const staafB = (paneelB - links - 20) / Math.max(1, maanden.length)
  return (
    <Figuur id={id} titel={titel} beschrijving={beschrijving} breedte={b} hoogte={h}>
      {reeksen.map((r, i) => {
        const x0 = (i % kolommen) * paneelB
        const y0 = Math.floor(i / kolommen) * (paneelH + 12)
        const basis = y0 + paneelH - 8
        const hoog = paneelH - 36
        return (
          <g key={r.label}>
            <text x={x0 + links} y={y0 + 16} font-size="13" font-weight="700" fill={TEKST}>{r.label} ({r.totaal})</text>
            <rect x={x0 + links} y={basis - hoog} width={staafB * maanden.length} height={hoog} fill={KLEUR_LICHT} opacity="0.35" />
            {r.waarden.map((w, j) => {
              const hh = (w.aantal / max) * hoog
              return <rect key={w.maand} x={x0 + links + j * staafB + 1} y={basis - hh} width={Math.max(1, staafB - 2)} height={hh} fill={KLEUR} />
            })}
            <line x1={x0 + links} x2={x0 + links + staafB * maanden.length} y1={basis} y2={basis} stroke={AS} />
          </g>
        )
      })}
      {maanden.length > 0 && (
        <text x={links} y={h - 6} font-size="12" fill={AS}>
          {maandLabel(maanden[0]!)} – {maandLabel(maanden[maanden.length - 1]!)}; schaal 0–{max} per maand
        </text>
      )}
    </Figuur>
  )
}
