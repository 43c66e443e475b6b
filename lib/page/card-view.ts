/**
 * The contract between the content script's card controller and the card's view (Preact, loaded
 * lazily into the host's closed shadow root): what to show, where, and what the view reports back.
 * Types only, so the controller stays free of Preact.
 */
import type { CardReply, PageFigure, PageName } from '../store/messages';

/** The mark a card is about, with what the page said. */
export type CardSubject =
  { kind: 'figure'; text: string; figure: PageFigure } | { kind: 'name'; text: string; name: PageName };

/** The card's data: still loading, failed, or the background's reply. */
export type CardBody = { status: 'loading' } | { status: 'error' } | CardReply;

export interface CardContent {
  subject: CardSubject;
  body: CardBody;
}

export interface ShowOptions {
  /** Move focus into the card (keyboard opening). */
  focus: boolean;
  /** The pointer, to pick the line of a mark that wraps. */
  point?: { x: number; y: number };
}

export interface CardView {
  /** Shows (or updates) the card for `content`, placed against `anchor`'s client rects. */
  show(content: CardContent, anchor: Range, options: ShowOptions): void;
  /** Places the card again (after a scroll or resize). */
  reposition(): void;
  /** Hides the card. Idempotent. */
  hide(): void;
  readonly isOpen: boolean;
  /** Hides the card and removes everything the view added to the shadow root. */
  destroy(): void;
}

/** What the view tells the controller. */
export interface CardViewHandlers {
  pointerEnter(): void;
  pointerLeave(): void;
  /** The reader asked to close the card (its close button). */
  requestClose(): void;
}

export type CreateCardView = (shadow: ShadowRoot, handlers: CardViewHandlers) => CardView;

/** Where the lazily loaded card module leaves its `createCardView` (the content script's world only). */
export const CARD_UI_GLOBAL = '__crosscheckCardUi';
