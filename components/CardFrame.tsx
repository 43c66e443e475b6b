import type { CardContent } from '../lib/page/card-view';
import { FigureCard } from './FigureCard';
import { NameCard } from './NameCard';

/** The keyboard shortcuts, as the card's footer tells them. */
export const CARD_HELP = 'Esc closes · Alt+Shift+C next mark · Alt+Shift+X previous';

/** Ids inside the shadow root (one card at a time). */
export const CARD_TITLE_ID = 'cc-title';
export const CARD_MARK_ID = 'cc-mark';

export interface CardFrameProps {
  content: CardContent;
  onClose: () => void;
}

/**
 * The card as a non-modal dialog: labelled by the mark it is about and the card's heading,
 * focusable itself (highlights are not), with a close button and the keyboard help.
 */
export function CardFrame({ content, onClose }: CardFrameProps) {
  const { subject, body } = content;
  const hasTitle = body.status === 'card';
  return (
    <div
      class="cc-card"
      role="dialog"
      tabIndex={-1}
      aria-labelledby={hasTitle ? `${CARD_MARK_ID} ${CARD_TITLE_ID}` : CARD_MARK_ID}
    >
      <span id={CARD_MARK_ID} class="cc-sr">
        {`Crosscheck, “${subject.text}”:`}
      </span>
      <button type="button" class="cc-close" aria-label="Close" title="Close (Esc)" onClick={onClose}>
        ×
      </button>
      <CardBodyView content={content} />
      <p class="cc-foot">{CARD_HELP}</p>
    </div>
  );
}

function CardBodyView({ content }: { content: CardContent }) {
  const { subject, body } = content;
  if (body.status === 'loading') return <p class="cc-state">Looking up “{subject.text}”…</p>;
  if (body.status === 'error') return <p class="cc-state">Crosscheck could not load this card.</p>;
  if (body.status === 'missing')
    return <p class="cc-state">The dataset no longer has an entry for “{subject.text}”.</p>;
  const { card } = body;
  if (card.kind === 'figure' && subject.kind === 'figure')
    return <FigureCard data={card} figure={subject.figure} titleId={CARD_TITLE_ID} />;
  if (card.kind === 'name') return <NameCard data={card} titleId={CARD_TITLE_ID} />;
  return <p class="cc-state">Crosscheck could not load this card.</p>;
}
