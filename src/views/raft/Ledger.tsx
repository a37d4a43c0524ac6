// A council member's copy of the town ledger: a little book whose lines are the newest entries of its
// log, each with its term written and coloured by term, inked when committed and pencilled (dashed)
// when not, a red cross where it contradicts what the town already committed. One tab stop per book;
// the arrow keys move between its lines.
import { memo, useState, type KeyboardEvent } from 'react';
import { pointable } from '../shared/interaction.tsx';
import { inkOn, STATUS } from '../shared/palette.ts';
import { describeCell, entryItemId, termColour, type CellModel } from './model.ts';
import type { Rect } from '../kit/ring-layout.ts';
import { textWidth } from '../shared/measure.ts';

/** The smallest size a ledger writes words at. */
const MIN_WORDS = 11;

export interface LedgerProps {
  server: string;
  cells: readonly CellModel[];
  book: Rect;
  lineH: number;
  fontSize: number;
  /** Index of the pointed-at entry in this ledger (-1: none), and whether it is pointed at here or in another copy. */
  pointed: number;
  pointedHere: boolean;
  selected: number;
  burnt: boolean;
}

export const Ledger = memo(function Ledger({ server, cells, book, lineH, fontSize, pointed, pointedHere, selected, burnt }: LedgerProps) {
  const rows = Math.max(1, Math.floor((book.h - lineH * 0.9) / lineH));
  const shown = cells.slice(Math.max(0, cells.length - rows));
  const older = cells.length - shown.length;
  const [active, setActive] = useState<number | null>(null);
  const tab = shown.some((c) => c.index === active) ? active : shown[shown.length - 1]?.index ?? null;
  const fs = Math.min(fontSize - 1, lineH * 0.78);
  // Lines too short for 11 px words are bars coloured by term, committed inked and the rest dashed, with
  // no words (the term and command are in the line's title, the inspector and the technical table).
  const words = fs >= MIN_WORDS;
  const noteFs = Math.max(MIN_WORDS, fs);
  const onKey = (e: KeyboardEvent<SVGGElement>) => {
    const k = shown.findIndex((c) => c.index === tab);
    const to = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? k + 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? k - 1 : -2;
    if (to === -2 || !shown[to]) return;
    e.preventDefault();
    setActive(shown[to]!.index);
    (e.currentTarget.querySelector(`[data-line="${shown[to]!.index}"]`) as SVGGElement | null)?.focus();
  };
  return (
    <g transform={`translate(${book.x.toFixed(1)},${book.y.toFixed(1)})`} role="group" aria-label={`${server}'s copy of the town ledger: ${cells.length} entries${older ? `, the newest ${shown.length} shown` : ''}`}
      onKeyDown={onKey}>
      {/* the book: a cover, a page and a spine */}
      <rect x={-2} y={-2} width={book.w + 4} height={book.h + 4} rx={3} fill={burnt ? '#8d8d8d' : '#7a4e2d'} stroke="#1d1d1f" strokeWidth={1.2} />
      <rect x={2} y={1} width={book.w - 3} height={book.h - 2} rx={1.5} fill={burnt ? '#d6d6d6' : '#fffdf5'} />
      <line x1={5} y1={1} x2={5} y2={book.h - 1} stroke="#d9a35b" strokeWidth={1} />
      {cells.length === 0 && textWidth('empty', noteFs) <= book.w - 4 && (
        <text x={book.w / 2} y={book.h / 2 + noteFs * 0.35} textAnchor="middle" fontSize={noteFs} fill={STATUS.muted} fontStyle="italic">empty</text>
      )}
      {older > 0 && words && <text x={book.w - 3} y={lineH * 0.7} textAnchor="end" fontSize={noteFs} fill={STATUS.muted}>+{older}</text>}
      {shown.map((c, k) => {
        const y = (older > 0 ? lineH * 0.9 : lineH * 0.35) + k * lineH;
        const colour = termColour(c.term);
        const label = describeCell(server, c);
        const w = book.w - 10;
        const cls = `tb-ledger-line${pointed === c.index ? ' is-focused' : ''}${selected === c.index ? ' is-selected' : ''}`;
        return (
          <g key={c.index} className={cls} data-line={c.index} {...pointable({ kind: 'item', id: entryItemId(server, c.index) }, label)}
            tabIndex={tab === c.index ? 0 : -1} onFocusCapture={() => setActive(c.index)}>
            <title>{label}</title>
            <rect className="tb-ring" x={3} y={y - 1} width={w + 4} height={lineH} rx={2} strokeWidth={pointed === c.index && !pointedHere ? 1.2 : undefined} />
            <rect x={7} y={y} width={w} height={lineH - 2} rx={1.5} fill={c.committed ? colour : '#ffffff'}
              stroke={c.conflict ? STATUS.crashed : c.committed ? '#1d1d1f' : colour} strokeWidth={c.conflict ? 2.2 : 1}
              strokeDasharray={c.committed || c.conflict ? undefined : '2.5 1.5'} />
            {words && <text x={9} y={y + lineH * 0.5 + fs * 0.33} fontSize={fs} fontWeight={800} fill={c.committed ? inkOn(colour) : STATUS.ink}>{c.term}</text>}
            {words && textWidth(c.command, fs, { mono: true }) <= w - fs * 1.6 && (
              <text x={9 + fs * 1.3} y={y + lineH * 0.5 + fs * 0.33} fontSize={fs} className="tb-mono" fill={c.committed ? inkOn(colour) : STATUS.ink}>
                {c.command}
              </text>
            )}
            {c.conflict && words && <text x={w + 4} y={y + lineH * 0.5 + fs * 0.35} textAnchor="end" fontSize={fs + 1} fontWeight={900} className="tb-status-fire">✕</text>}
          </g>
        );
      })}
    </g>
  );
}, (a, b) => a.server === b.server && a.lineH === b.lineH && a.fontSize === b.fontSize && a.pointed === b.pointed && a.pointedHere === b.pointedHere
  && a.selected === b.selected && a.burnt === b.burnt && a.book.x === b.book.x && a.book.y === b.book.y && a.book.w === b.book.w && a.book.h === b.book.h
  && a.cells.length === b.cells.length && a.cells.every((c, i) => c.id === b.cells[i]!.id && c.committed === b.cells[i]!.committed && c.conflict === b.cells[i]!.conflict));
