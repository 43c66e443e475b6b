/**
 * The card's stylesheet, adopted by the closed shadow root. Light and dark follow
 * `prefers-color-scheme`; the only motion (a short fade) is off under `prefers-reduced-motion`.
 * Each attribution type has one colour per scheme (`--c`), always paired with a shape and a label.
 */
export const CARD_CSS = `
.cc-pop {
  position: fixed; inset: auto; margin: 0; padding: 0; border: 0; background: transparent;
  overflow: visible; width: 420px; max-width: calc(100vw - 16px);
  color-scheme: light dark;
}
.cc-pop:popover-open { display: block; }
.cc-card {
  --fg: #1b1f24; --muted: #57606a; --bg: #ffffff; --line: #d0d7de; --soft: #f3f5f8; --accent: #0b62a8;
  --grid: #e6e9ee; --page: #1b1f24; --warn-bg: #fff4d6; --warn-fg: #6b4a00;
  box-sizing: border-box; max-height: inherit; overflow: auto; overscroll-behavior: contain;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 10px 30px rgb(0 0 0 / 0.18), 0 2px 6px rgb(0 0 0 / 0.08);
  padding: 14px 16px 10px; text-align: left; letter-spacing: normal; word-wrap: break-word;
}
.cc-card:focus { outline: none; }
.cc-card:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
@media (prefers-reduced-motion: no-preference) {
  .cc-pop:popover-open .cc-card { animation: cc-in 120ms ease-out; }
  @keyframes cc-in { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
}
.cc-card * { box-sizing: border-box; }
.cc-card p, .cc-card h2, .cc-card h3, .cc-card dl, .cc-card dd, .cc-card ol, .cc-card ul, .cc-card figure { margin: 0; padding: 0; }
.cc-card ol, .cc-card ul { list-style: none; }
.cc-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.cc-close {
  float: right; margin: -6px -8px 0 8px; width: 28px; height: 28px; border: 0; border-radius: 6px;
  background: transparent; color: var(--muted); font: 20px/28px system-ui, sans-serif; cursor: pointer; padding: 0;
}
.cc-close:hover { background: var(--soft); color: var(--fg); }
.cc-close:focus-visible { outline: 2px solid var(--accent); }
.cc-kicker { font-size: 11.5px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); font-weight: 600; }
.cc-title { font-size: 17px; line-height: 1.3; font-weight: 700; margin-top: 2px !important; }
.cc-desc { color: var(--muted); font-size: 13px; margin-top: 4px !important; }
.cc-page-facts { display: grid; grid-template-columns: auto 1fr; gap: 6px 12px; margin: 12px 0 4px !important;
  padding: 10px 12px !important; background: var(--soft); border-radius: 8px; align-items: baseline; }
.cc-page-facts > div { display: contents; }
.cc-page-facts dt { color: var(--muted); font-size: 12.5px; }
.cc-page-value { font-size: 18px; font-weight: 700; }
.cc-unit { font-weight: 400; font-size: 14px; color: var(--muted); }
.cc-page-source { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; }
.cc-cue { font-style: italic; }
.cc-section { margin-top: 14px; }
.cc-h3 { font-size: 12.5px; font-weight: 700; color: var(--muted); margin-bottom: 6px !important; }
.cc-empty, .cc-state { color: var(--muted); margin-top: 12px !important; }
.cc-badge {
  display: inline-flex; align-items: center; gap: 5px; white-space: nowrap;
  font-size: 12px; line-height: 1; font-weight: 600; padding: 3px 7px 3px 5px; border-radius: 999px;
  border: 1px solid var(--c); background: color-mix(in srgb, var(--c) 12%, transparent); color: var(--fg);
}
.cc-glyph { flex: none; overflow: visible; }
.cc-fill { fill: var(--c); stroke: var(--c); stroke-width: 1; }
.cc-hollow { fill: var(--bg); stroke: var(--c); stroke-width: 1.6; }
.cc-plot-svg { display: block; max-width: 100%; height: auto; overflow: visible; }
.cc-plot-svg text { font: 10.5px system-ui, sans-serif; fill: var(--muted); }
.cc-grid { stroke: var(--grid); stroke-width: 1; }
.cc-tick { stroke: var(--line); }
.cc-whisker { stroke: var(--c); stroke-width: 1.4; opacity: 0.45; stroke-linecap: round; }
.cc-range, .cc-arrow { stroke: var(--c); stroke-width: 1.6; fill: none; stroke-linecap: round; stroke-linejoin: round; }
.cc-page-line line { stroke: var(--page); stroke-width: 1.5; stroke-dasharray: 5 3; }
.cc-page-band { fill: var(--page); opacity: 0.08; }
.cc-plot-svg .cc-page-label { fill: var(--page); font-weight: 700; paint-order: stroke; stroke: var(--bg); stroke-width: 3px; }
.cc-legend { display: flex; flex-wrap: wrap; gap: 4px 12px; margin-top: 6px !important; font-size: 12px; color: var(--fg); }
.cc-legend li { display: inline-flex; align-items: center; gap: 5px; }
.cc-legend-page line { stroke: var(--page); stroke-width: 1.5; stroke-dasharray: 3 2; }
.cc-legend-note { color: var(--muted); font-size: 11.5px; }
.cc-reports > li { padding: 8px 0 !important; border-top: 1px solid var(--line); }
.cc-r-quantity { font-size: 12px; color: var(--muted); }
.cc-r-head { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.cc-r-value { font-size: 15px; }
.cc-r-date { color: var(--muted); font-size: 12.5px; }
.cc-r-who { margin-top: 1px !important; }
.cc-r-outlet { font-weight: 600; }
.cc-r-cites { color: var(--muted); }
.cc-r-meta { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; margin-top: 4px !important; }
.cc-r-relation { font-size: 12px; color: var(--muted); }
.cc-card a { color: var(--accent); text-decoration: underline; text-underline-offset: 2px; font-size: 12.5px; }
.cc-card a:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; border-radius: 2px; }
.cc-r-disputed { margin-top: 5px !important; font-size: 12.5px; padding: 4px 8px !important; border-radius: 6px;
  background: var(--warn-bg); color: var(--warn-fg); }
.cc-flags { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px !important; }
.cc-flag { font-size: 12px; font-weight: 600; padding: 2px 8px; border-radius: 999px; background: var(--soft); border: 1px solid var(--line); }
.cc-flag-state { background: var(--warn-bg); color: var(--warn-fg); }
.cc-roles { margin-top: 8px !important; }
.cc-roles li { padding-left: 12px !important; position: relative; }
.cc-roles li::before { content: "•"; position: absolute; left: 0; color: var(--muted); }
.cc-role-dates { color: var(--muted); }
.cc-links { display: flex; flex-wrap: wrap; gap: 10px; margin-top: 6px !important; }
.cc-foot { margin-top: 10px !important; padding-top: 8px !important; border-top: 1px solid var(--line);
  font-size: 11.5px; color: var(--muted); }
.cc-t-named-official { --c: #0b62a8; }
.cc-t-official-statement { --c: #0e7c66; }
.cc-t-intelligence-assessment { --c: #6a3fb5; }
.cc-t-anonymous { --c: #b35c00; }
.cc-t-party-claim { --c: #c2272d; }
.cc-t-state-media { --c: #a3246f; }
.cc-t-media-relay { --c: #8a6d00; }
.cc-t-analysis { --c: #4d7a1f; }
.cc-t-hearsay { --c: #8c5a3c; }
.cc-t-unattributed { --c: #5f6670; }
.cc-t-unclear { --c: #8b949e; }
@media (prefers-color-scheme: dark) {
  .cc-card {
    --fg: #e6edf3; --muted: #9da7b3; --bg: #1c2128; --line: #3d444d; --soft: #262c36; --accent: #6cb6ff;
    --grid: #2d333b; --page: #e6edf3; --warn-bg: #3b2e0a; --warn-fg: #f2cc60;
    box-shadow: 0 10px 30px rgb(0 0 0 / 0.5), 0 2px 6px rgb(0 0 0 / 0.3);
  }
  .cc-t-named-official { --c: #6cb6ff; }
  .cc-t-official-statement { --c: #4fd1b0; }
  .cc-t-intelligence-assessment { --c: #b89cff; }
  .cc-t-anonymous { --c: #ffb35c; }
  .cc-t-party-claim { --c: #ff7b72; }
  .cc-t-state-media { --c: #f27ec2; }
  .cc-t-media-relay { --c: #e3c05a; }
  .cc-t-analysis { --c: #9ccc65; }
  .cc-t-hearsay { --c: #d9a07a; }
  .cc-t-unattributed { --c: #aab2bd; }
  .cc-t-unclear { --c: #8b949e; }
}
`;
