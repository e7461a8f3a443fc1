// The mark beside a sensitive deelnemer field (docs/privacy.md, "Personal fields stored now"),
// in words, not only a colour:
// in the form with the full note, in the dossier short (the page says once what it means).

export function Gevoelig({ kort = false }: { kort?: boolean }) {
  return kort ? (
    <span class="pp-gevoelig">Gevoelig<span class="pp-visually-hidden">: wordt nooit gedeeld met werkgevers</span></span>
  ) : (
    <span class="pp-gevoelig"><strong>Gevoelig</strong>: wordt nooit gedeeld met werkgevers.</span>
  )
}
