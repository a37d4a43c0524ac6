// A place where messages wait: a queue, a dead-letter queue, a subscription or a log. Its heading names it
// and says its numbers; it is one tab stop (→ moves into its messages) with its own action menu. In the
// town it is drawn as the thing that stands for it: a ticket rack, a dead-letter box, a pigeonhole, a
// mailbox, a notice board.
import { memo, type KeyboardEvent } from 'react';
import { pointable } from '../shared/interaction.tsx';
import { OKABE_ITO, STATUS } from '../shared/palette.ts';
import { fitSegments, phrasings, type Rect } from './layout.ts';
import { firstFit, textWidth } from '../shared/measure.ts';

export type HolderLook = 'rack' | 'deadbox' | 'pigeonhole' | 'mailbox' | 'board';

/** Where the chips of a row sit, so the town can draw a pigeonhole around each slot: the step between slots and the height of a line. */
export interface Cells { pitch: number; line: number; chipH: number }

export interface HolderProps {
  item: string;
  r: Rect;
  head: Rect;
  strip: Rect;
  name: string;
  /** What to say after the name, most important first: as many as fit are shown. */
  detail: readonly string[];
  look: HolderLook;
  town: boolean;
  fs: number;
  focused: boolean;
  selected: boolean;
  label: string;
  /** The heading beside the chips, not above them (short of room). */
  inline?: boolean;
  /** Said inside the strip when nothing waits there, as segments most important first ("empty", "5 deleted so far"): as many as fit. */
  empty?: readonly string[] | null;
  /** Messages not drawn for lack of room: the "+N" slot. */
  more: { r: Rect; n: number } | null;
  onMenu: (item: string, x: number, y: number) => void;
  skin: string;
  /** The town draws a pigeonhole per slot (rack and pigeonhole looks). */
  cells?: Cells;
}

function intoChips(e: KeyboardEvent<SVGElement>, item: string): boolean {
  if (e.key !== 'ArrowRight' && e.key !== 'ArrowDown') return false;
  const first = e.currentTarget.ownerSVGElement?.querySelector<SVGElement>(`[data-chip-row="${CSS.escape(item)}"]`);
  if (!first) return false;
  e.preventDefault();
  first.focus();
  return true;
}

/** Pigeonholes: a wooden frame with a hole per chip slot, a shelf per line of chips. */
function Rack({ strip, cells, wood, back }: { strip: Rect; cells: Cells | undefined; wood: string; back: string }) {
  const { x, y, w, h } = strip;
  const pitch = cells?.pitch ?? w;
  const cols = Math.max(1, Math.floor((w + 4) / pitch));
  // The frame ends at the last whole pigeonhole.
  const fw = cells ? Math.min(w, cols * pitch - 4) : w;
  const lines = cells ? Math.max(1, Math.round((h + 2) / cells.line)) : 1;
  const dividers: string[] = [];
  for (let k = 1; k <= cols; k++) {
    const dx = x + k * pitch - 2;
    if (dx < x + fw - 1) dividers.push(`M${dx.toFixed(1)},${y}V${y + h}`);
  }
  for (let l = 1; l < lines; l++) dividers.push(`M${x - 2},${(y + l * (cells?.line ?? h) - 1).toFixed(1)}H${x + fw + 2}`);
  return (
    <g aria-hidden="true">
      <rect x={x - 3} y={y - 1} width={fw + 6} height={h + 2} rx={2} fill={back} stroke={wood} strokeWidth={2.4} />
      <path d={dividers.join('')} stroke={wood} strokeWidth={2} />
    </g>
  );
}

function TownBackdrop({ look, strip, skin, cells }: { look: HolderLook; strip: Rect; skin: string; cells: Cells | undefined }) {
  const { x, y, w, h } = strip;
  switch (look) {
    case 'rack': // the ticket rack: a pigeonhole per ticket
      return <Rack strip={strip} cells={cells} wood="#6b4a24" back="#e9dcc3" />;
    case 'pigeonhole': // the sorting office's pigeonholes, where the chutes drop their letters
      return <Rack strip={strip} cells={cells} wood="#5c3a22" back="#efe4cc" />;
    case 'deadbox': // a crate with planks
      return <g aria-hidden="true">
        <rect x={x - 2} y={y} width={w + 4} height={h} rx={2} fill="#8a5a3b" stroke="#3e2614" strokeWidth={1.4} />
        <path d={`M${x},${y + h / 3}H${x + w}M${x},${y + (2 * h) / 3}H${x + w}`} stroke="#5c3a22" strokeWidth={1} />
      </g>;
    case 'mailbox': { // a mailbox with a rounded lid, its flag on the right
      const r = Math.min(h / 2, 10);
      return <g aria-hidden="true">
        <path d={`M${x - 3},${y + h + 1}V${y + r}Q${x - 3},${y - 2} ${x - 3 + r},${y - 2}H${x + w + 3 - r}Q${x + w + 3},${y - 2} ${x + w + 3},${y + r}V${y + h + 1}Z`}
          fill="#dfe8ee" stroke="#2f4858" strokeWidth={1.8} />
        <path d={`M${x + w + 3},${y + 3}h6v${Math.max(8, h * 0.45)}h-6`} fill="#D55E00" stroke="#1d1d1f" strokeWidth={0.8} />
      </g>;
    }
    case 'board':
      return <g aria-hidden="true">
        <rect x={x - 3} y={y - 1} width={w + 6} height={h + 2} rx={3} fill={`url(#qv-cork-${skin})`} stroke="#6b4a24" strokeWidth={2} />
      </g>;
  }
}

/** What an empty holder says; in the town's pigeonholes, on a paper slip across the empty holes. */
function EmptyNote({ text, strip, fs, town, look }: { text: string; strip: Rect; fs: number; town: boolean; look: HolderLook }) {
  const small = Math.max(11, fs - 2);
  const y = strip.y + Math.min(strip.h, fs * 1.9) / 2 + small * 0.36;
  const slip = town && (look === 'rack' || look === 'pigeonhole');
  return (
    <g aria-hidden="true">
      {slip && <rect x={strip.x + 2} y={y - small * 1.05} width={textWidth(text, small) + 8} height={small * 1.45} rx={2} fill="#fffdf6" stroke="#6b4a24" strokeWidth={0.8} />}
      <text x={strip.x + 6} y={y} fontSize={small} fontStyle="italic" fill={town && (look === 'deadbox' || look === 'board') ? '#ffffff' : STATUS.muted}>{text}</text>
    </g>
  );
}

export const Holder = memo(function Holder(p: HolderProps) {
  const { fs, head } = p;
  const base = pointable({ kind: 'item', id: p.item }, `${p.label}. Arrow keys: its messages; context menu key: actions.`, (x, y) => p.onMenu(p.item, x, y));
  const dead = p.look === 'deadbox';
  const nameW = Math.min(p.inline ? head.w - 4 : head.w * 0.55, (p.name.length + (dead ? 4 : 2)) * fs * 0.62);
  // A name that does not fit at the pane's font is drawn in small print before anything of it is cut.
  const names = dead ? [`✕ ${p.name}`, p.name] : [p.name];
  const nameFs = names.some((n) => textWidth(n, fs, { bold: true }) <= nameW) ? fs : Math.max(11, fs - 2);
  const small = Math.max(11, fs - 2);
  const baseline = p.inline ? head.y + head.h / 2 + fs * 0.32 : head.y + head.h * 0.75;
  return (
    <g className={`tb-notice qv-holder${p.focused ? ' is-focused' : ''}${p.selected ? ' is-selected' : ''}`} {...base} data-row-head={p.item} data-item={p.item}
      onKeyDown={(e) => { if (!intoChips(e, p.item)) base.onKeyDown(e); }}>
      <title>{p.label}</title>
      <rect className="tb-ring" x={p.r.x - 4} y={p.r.y - 3} width={p.r.w + 8} height={p.r.h + 4} rx={5} />
      {p.town ? <TownBackdrop look={p.look} strip={p.strip} skin={p.skin} cells={p.cells} /> : (
        <rect x={p.strip.x - 2} y={p.strip.y} width={p.strip.w + 4} height={p.strip.h} rx={4} fill={dead ? '#fff4ee' : '#ffffff'}
          stroke={dead ? OKABE_ITO.vermillion : '#b9b9c0'} strokeWidth={dead ? 1.6 : 1.2} strokeDasharray={dead ? '5 3' : undefined} />
      )}
      <text x={head.x + 2} y={baseline} fontSize={nameFs} fontWeight={700} className={p.town ? 'tb-halo' : undefined}>
        {firstFit(names, nameW, nameFs, { bold: true })}
      </text>
      <text x={head.x + 2 + nameW + 4} y={baseline} fontSize={small} fill={STATUS.ink} className={p.town ? 'tb-halo' : 'tb-mono'}>
        {fitSegments(p.detail, head.w - nameW - 6, small)}
      </text>
      {p.empty && <EmptyNote text={firstFit(phrasings(p.empty), p.strip.w - 10, small)} strip={p.strip} fs={fs} town={p.town} look={p.look} />}
      {p.more && (
        <g aria-hidden="true">
          <rect x={p.more.r.x} y={p.more.r.y} width={p.more.r.w} height={p.more.r.h} rx={3} fill="#f0f0f3" stroke="#6b6b70" strokeDasharray="2 2" />
          <text x={p.more.r.x + p.more.r.w / 2} y={p.more.r.y + p.more.r.h / 2 + small * 0.36} fontSize={small} textAnchor="middle" fontWeight={700}>+{p.more.n}</text>
        </g>
      )}
    </g>
  );
}, (a, b) => a.item === b.item && a.name === b.name && a.detail.join('|') === b.detail.join('|') && a.empty?.join('|') === b.empty?.join('|') && a.look === b.look && a.town === b.town && a.fs === b.fs
  && a.focused === b.focused && a.selected === b.selected && a.label === b.label && a.more?.n === b.more?.n && a.skin === b.skin
  && a.r.x === b.r.x && a.r.y === b.r.y && a.r.w === b.r.w && a.r.h === b.r.h && a.strip.w === b.strip.w && a.strip.h === b.strip.h && a.inline === b.inline
  && a.cells?.pitch === b.cells?.pitch);
