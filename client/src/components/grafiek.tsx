import type { ComponentChildren } from 'preact'
import { roundMaximum } from '../lib/monitor.js'

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

/**
 * A chart built from HTML instead of one SVG: its text keeps the page's font size at any width
 * (an SVG scaled down to a phone shrinks its labels). Same pattern as `Figuur`: an image with a
 * title and a description; the visible parts are hidden from screen readers, the table beside it has the figures.
 */
function HtmlFiguur({ id, titel, beschrijving, klasse, children }: { id: string; titel: string; beschrijving: string; klasse: string; children: ComponentChildren }) {
  return (
    <div class={`pp-grafiek ${klasse}`} id={id} role="img" aria-labelledby={`${id}-titel ${id}-desc`}>
      <span class="pp-visually-hidden" id={`${id}-titel`}>{titel}</span>
      <span class="pp-visually-hidden" id={`${id}-desc`}>{beschrijving}</span>
      <div aria-hidden="true">{children}</div>
    </div>
  )
}

/** Horizontal bars with their count, most frequent first (eindredenen, knelpunten). */
export function LiggendeStaven({ id, titel, beschrijving, rijen }: { id: string; titel: string; beschrijving: string; rijen: { label: string; waarde: number }[] }) {
  const max = roundMaximum(Math.max(1, ...rijen.map((r) => r.waarde)))
  return (
    <HtmlFiguur id={id} titel={titel} beschrijving={beschrijving} klasse="pp-liggend">
      {rijen.map((r) => (
        <div class="pp-liggend__rij" key={r.label}>
          <span class="pp-liggend__label">{r.label}</span>
          <span class="pp-liggend__baan">
            <span class="pp-liggend__staaf" style={{ width: r.waarde > 0 ? `max(2px, ${(r.waarde / max) * 100}%)` : '0' }} />
            <span class="pp-liggend__waarde">{r.waarde}</span>
          </span>
        </div>
      ))}
    </HtmlFiguur>
  )
}

/**
 * Small multiples: one small bar chart per series (a knelpunt), the same months and the same scale
 * in each, so they compare at a glance without a legend of eleven colours. Each panel is its own
 * small SVG in a grid (two columns on a wide screen, one on a phone) with its first and last month under it.
 */
export function KleineVeelvouden({ id, titel, beschrijving, reeksen, maandLabel }: {
  id: string; titel: string; beschrijving: string
  reeksen: { label: string; totaal: number; waarden: { maand: string; aantal: number }[] }[]
  maandLabel: (maand: string) => string
}) {
  const maanden = reeksen[0]?.waarden.map((w) => w.maand) ?? []
  const max = roundMaximum(Math.max(1, ...reeksen.flatMap((r) => r.waarden.map((w) => w.aantal))))
  const b = 280
  const h = 64
  const staafB = b / Math.max(1, maanden.length)
  const eerste = maanden[0]
  const laatste = maanden[maanden.length - 1]
  return (
    <HtmlFiguur id={id} titel={titel} beschrijving={beschrijving} klasse="pp-veelvouden">
      <div class="pp-veelvouden__panelen">
        {reeksen.map((r) => (
          <div class="pp-veelvouden__paneel" key={r.label}>
            <p class="pp-veelvouden__titel">{r.label} ({r.totaal})</p>
            <svg class="pp-veelvouden__svg" viewBox={`0 0 ${b} ${h}`} width="100%" preserveAspectRatio="none" focusable="false">
              <rect x={0} y={0} width={b} height={h} fill={KLEUR_LICHT} opacity="0.35" />
              {r.waarden.map((w, j) => {
                const hh = (w.aantal / max) * (h - 2)
                return <rect key={w.maand} x={j * staafB + 1} y={h - hh} width={Math.max(1, staafB - 2)} height={hh} fill={KLEUR} />
              })}
              <line x1={0} x2={b} y1={h - 0.5} y2={h - 0.5} stroke={AS} />
            </svg>
            {eerste && laatste && (
              <p class="pp-veelvouden__maanden">
                <span>{maandLabel(eerste)}</span>
                {laatste !== eerste && <span>{maandLabel(laatste)}</span>}
              </p>
            )}
          </div>
        ))}
      </div>
      {eerste && laatste && (
        <p class="pp-veelvouden__schaal">{maandLabel(eerste)} – {maandLabel(laatste)}; schaal 0–{max} per maand</p>
      )}
    </HtmlFiguur>
  )
}
