/** Previous and next page as links (the page is in the URL), only when there is more than one page. */
export function Paginering({ page, paginas, href }: { page: number; paginas: number; href: (page: number) => string }) {
  if (paginas <= 1) return null
  return (
    <nav class="pp-pagination" aria-label="Paginering">
      {page > 1 && <a class="utrecht-link" href={href(page - 1)}>Vorige pagina</a>}
      <span>Pagina {page} van {paginas}</span>
      {page < paginas && <a class="utrecht-link" href={href(page + 1)}>Volgende pagina</a>}
    </nav>
  )
}
