/**
 * Previous and next page as links (the page is in the URL), only when there is more than one page.
 * `onKies` runs on a click, before the new page loads (the search page then moves to the results).
 */
export function Paginering({ page, paginas, href, onKies }: { page: number; paginas: number; href: (page: number) => string; onKies?: () => void }) {
  if (paginas <= 1) return null
  return (
    <nav class="pp-pagination" aria-label="Paginering">
      {page > 1 && <a class="utrecht-link" href={href(page - 1)} onClick={onKies}>Vorige pagina</a>}
      <span>Pagina {page} van {paginas}</span>
      {page < paginas && <a class="utrecht-link" href={href(page + 1)} onClick={onKies}>Volgende pagina</a>}
    </nav>
  )
}
