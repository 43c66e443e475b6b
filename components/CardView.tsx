import { render } from 'preact';
import { anchorRect, placeCard } from '../lib/page/card-position';
import type { CardContent, CardView, CreateCardView, ShowOptions } from '../lib/page/card-view';
import { CARD_CSS } from './card-css';
import { CardFrame } from './CardFrame';

/**
 * The card's view in the host's closed shadow root: a `popover="manual"` element (top layer,
 * above sticky headers) that Preact renders {@link CardFrame} into, placed against the mark's
 * client rects on every show, re-render and reposition.
 */
export const createCardView: CreateCardView = (shadow, handlers) => {
  const doc = shadow.ownerDocument;
  const win = doc.defaultView;
  const sheet = win ? new win.CSSStyleSheet() : null;
  sheet?.replaceSync(CARD_CSS);
  if (sheet) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];

  const pop = doc.createElement('div');
  pop.className = 'cc-pop';
  pop.setAttribute('popover', 'manual');
  pop.addEventListener('pointerenter', () => handlers.pointerEnter());
  pop.addEventListener('pointerleave', () => handlers.pointerLeave());
  shadow.append(pop);

  let anchor: Range | null = null;
  let point: ShowOptions['point'];
  let open = false;

  const place = () => {
    if (!open || anchor === null || win === null) return;
    const rect = anchorRect(Array.from(anchor.getClientRects()), point);
    if (rect === null) return;
    // Measure at full height, then cut to the side chosen.
    pop.style.maxHeight = `${win.innerHeight - 16}px`;
    const card = pop.firstElementChild as HTMLElement | null;
    const size = card?.getBoundingClientRect() ?? pop.getBoundingClientRect();
    const placed = placeCard(
      rect,
      { width: size.width, height: size.height },
      { width: doc.documentElement.clientWidth || win.innerWidth, height: win.innerHeight },
    );
    pop.style.left = `${placed.left}px`;
    pop.style.top = `${placed.top}px`;
    pop.style.maxHeight = `${placed.maxHeight}px`;
    pop.dataset.side = placed.side;
  };

  const view: CardView = {
    get isOpen() {
      return open;
    },
    show(content: CardContent, range: Range, options: ShowOptions) {
      anchor = range;
      point = options.point;
      render(<CardFrame content={content} onClose={handlers.requestClose} />, pop);
      if (!open) {
        pop.showPopover();
        open = true;
      }
      place();
      if (options.focus) (pop.firstElementChild as HTMLElement | null)?.focus({ preventScroll: true });
    },
    reposition: place,
    hide() {
      if (!open) return;
      open = false;
      anchor = null;
      try {
        pop.hidePopover();
      } catch {
        // Already hidden (e.g. the page removed the host): nothing to undo.
      }
      render(null, pop);
    },
    destroy() {
      view.hide();
      pop.remove();
      if (sheet) shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
  return view;
};
