import { ATTRIBUTION_MARKERS, attributionLabel } from '../lib/card/attribution';
import { markerPath } from '../lib/card/plot';
import type { PageAttributionType } from '../lib/dataset/types';

/** The marker of an attribution type as a 12 px glyph, the same shape the dot plot draws. */
export function AttributionGlyph({ type }: { type: PageAttributionType }) {
  const style = ATTRIBUTION_MARKERS[type] ?? ATTRIBUTION_MARKERS.unclear;
  return (
    <svg class="cc-glyph" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
      <path class={style.filled ? 'cc-fill' : 'cc-hollow'} d={markerPath(style.shape, 6, 6, 4)} />
    </svg>
  );
}

/**
 * How a report or the page attributes a figure: the type's shape and colour, and its reader
 * label as text (so colour is never the only cue).
 */
export function AttributionBadge({ type }: { type: PageAttributionType }) {
  const known = type in ATTRIBUTION_MARKERS ? type : 'unclear';
  return (
    <span class={`cc-badge cc-t-${known}`}>
      <AttributionGlyph type={known} />
      {attributionLabel(known)}
    </span>
  );
}
