// One node as a box: a colour bar and mark (its colour never alone), its name, a DOWN or PAUSED tag, and
// its lines (BoxLine: wordings longest first, the first that fits is drawn). The generic pictures draw
// every node so; the town board's technical picture draws its services so.
import { memo } from 'react';
import { markPath, nodeStyle, STATUS } from '../shared/palette.ts';
import { pointable } from '../shared/interaction.tsx';
import { firstFit, textWidth } from '../shared/measure.ts';
import type { Point } from '../shared/geometry.ts';
import type { BoxLine } from './summary.ts';

export const MONO = { mono: true } as const;
export const BOLD = { bold: true } as const;

/** What a box needs to know of its node. */
export interface BoxNode {
  id: string;
  /** Position in the sim's node list: picks the node's colour and mark in every view. */
  index: number;
  up: boolean;
  paused: boolean;
}

/** The word on a node that is not running normally ('DOWN', 'PAUSED'), or null. */
export const tagWord = (node: BoxNode) => (node.up && !node.paused ? null : node.up ? 'PAUSED' : 'DOWN');
export const tagWidth = (node: BoxNode, fs: number) => { const w = tagWord(node); return w ? textWidth(w, fs, BOLD) + 12 : 0; };

/** A box's width for its title and lines at this font size (`short`: their shortest wordings). */
export function boxWidth(node: BoxNode, title: readonly string[], lines: readonly BoxLine[], fs: number, short: boolean): number {
  const pick = (says: readonly string[]) => (short ? says[says.length - 1] : says[0]) ?? '';
  return Math.max(textWidth(pick(title), fs, BOLD) + 30 + (tagWord(node) ? tagWidth(node, fs - 1) + 8 : 0),
    ...lines.map((x) => textWidth(pick(x.says), fs - 1, MONO) + 20));
}

/** 'DOWN' or 'PAUSED', its right edge at x. */
export function StatusTag({ node, x, y, fs }: { node: BoxNode; x: number; y: number; fs: number }) {
  const word = tagWord(node);
  if (!word) return null;
  const w = tagWidth(node, fs);
  return (
    <g transform={`translate(${x - w / 2},${y})`}>
      <rect x={-w / 2} y={-fs + 1} width={w} height={fs + 6} rx={3}
        fill={node.up ? STATUS.paused : STATUS.crashed} stroke="#1d1d1f" />
      <text textAnchor="middle" fontSize={fs} fontWeight={800} fill={node.up ? '#000000' : '#ffffff'}>{word}</text>
    </g>
  );
}

export const NodeBox = memo(function NodeBox({ node, title, words, at, box, lines, fs, focused, selected, onMenu }: {
  node: BoxNode;
  /** Its name, worded longest first. */
  title: readonly string[];
  /** Its state in a sentence, for screen readers and the hover title. */
  words: string;
  at: Point; box: { w: number; h: number }; lines: BoxLine[]; fs: number; focused: boolean; selected: boolean;
  onMenu: (x: number, y: number) => void;
}) {
  const { w, h } = box;
  const st = nodeStyle(node.index);
  const lineH = fs + 4;
  const tag = tagWord(node) ? tagWidth(node, fs - 1) + 8 : 0;
  const said = lines.map((l) => l.says[0] ?? '');
  return (
    <g transform={`translate(${(at.x - w / 2).toFixed(1)},${(at.y - h / 2).toFixed(1)})`}
      className={`tb-node${focused ? ' is-focused' : ''}${selected ? ' is-selected' : ''}`}
      {...pointable({ kind: 'node', id: node.id }, `${words}. ${said.join('. ')}`, onMenu)}>
      <title>{[words, ...said].join('\n')}</title>
      <rect className="tb-ring" x={-5} y={-5} width={w + 10} height={h + 10} rx={8} />
      <rect className="tb-box" width={w} height={h} rx={5} fill={node.up ? '#ffffff' : 'url(#tb-hatch)'}
        strokeDasharray={node.paused ? '5 3' : undefined} />
      <rect width={6} height={h} rx={2} fill={node.up ? st.colour : '#9a9a9a'} />
      <path d={markPath(st.mark, fs * 0.42)} transform={`translate(${16},${lineH * 0.7})`} fill={st.colour} stroke="#1d1d1f" strokeWidth={1} />
      <text x={27} y={lineH * 0.7 + fs * 0.35} fontSize={fs} fontWeight={700}>{firstFit(title, w - 30 - tag, fs, BOLD)}</text>
      <StatusTag node={node} x={w - 4} y={lineH * 0.7 + fs * 0.35} fs={fs - 1} />
      {lines.map((l, k) => (
        <text key={k} x={12} y={lineH * (k + 1.75)} fontSize={fs - 1} className="tb-mono" fill={STATUS.ink}>{firstFit(l.says, w - 16, fs - 1, MONO)}</text>
      ))}
    </g>
  );
}, (a, b) => a.at.x === b.at.x && a.at.y === b.at.y && a.fs === b.fs && a.focused === b.focused && a.selected === b.selected
  && a.box.w === b.box.w && a.box.h === b.box.h && a.words === b.words
  && JSON.stringify(a.node) === JSON.stringify(b.node) && JSON.stringify(a.title) === JSON.stringify(b.title) && JSON.stringify(a.lines) === JSON.stringify(b.lines));
