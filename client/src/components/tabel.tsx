import type { ComponentChildren } from 'preact'

// Tables and badges in NL Design System markup (Utrecht CSS), the same on every list page.

/**
 * A data table: a caption for screen readers, one header row, the rows as children. In a
 * horizontally scrolling box unless `scroll` is false; with `laden` the old rows stay, dimmed and
 * marked busy, while the next answer loads.
 */
export function Tabel({ caption, kolommen, class: extra = '', id, scroll = true, laden, children }: {
  caption: ComponentChildren
  kolommen: ComponentChildren[]
  class?: string
  id?: string
  scroll?: boolean
  laden?: boolean
  children: ComponentChildren
}) {
  const table = (
    <table class={`utrecht-table utrecht-table--html-table pp-table${extra ? ` ${extra}` : ''}`} id={id}>
      <caption class="utrecht-table__caption pp-visually-hidden">{caption}</caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          {kolommen.map((k, i) => <th class="utrecht-table__header-cell" scope="col" key={i}>{k}</th>)}
        </tr>
      </thead>
      <tbody class="utrecht-table__body">{children}</tbody>
    </table>
  )
  if (!scroll) return table
  if (laden === undefined) return <div class="pp-table-scroll">{table}</div>
  return <div class={`pp-table-scroll ${laden ? 'pp-busy' : ''}`} aria-busy={laden ? 'true' : 'false'}>{table}</div>
}

/** A status as a Utrecht status badge; `variant` is the badge's colour (neutral, active, success, inactive). */
export function StatusBadge({ variant, children }: { variant: string | undefined; children: ComponentChildren }) {
  return <span class={`utrecht-status-badge utrecht-status-badge--${variant ?? 'neutral'}`}>{children}</span>
}

/** A cell of a data table; `label` names its column where the table stacks on a narrow screen. */
export function Cel({ label, children }: { label?: string; children: ComponentChildren }) {
  return <td class="utrecht-table__cell" data-label={label}>{children}</td>
}

/** The first cell of a row: the item's name as a link, and a muted line below it. */
export function NaamCel({ href, naam, onder }: { href: string; naam: ComponentChildren; onder: ComponentChildren }) {
  return (
    <td class="utrecht-table__cell">
      <a class="utrecht-link" href={href}>{naam}</a>
      <div class="pp-muted">{onder}</div>
    </td>
  )
}
