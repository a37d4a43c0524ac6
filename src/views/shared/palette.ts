// Colours and marks for the views. Okabe & Ito's palette ("Color Universal Design", 2008) stays
// distinguishable under the common colour-vision deficiencies; every colour is paired with a shape or a
// label, because colour alone must never carry meaning (WCAG 1.4.1).

export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Node colours in the order nodes are given them (black is kept for text and outlines). */
export const NODE_COLOURS: readonly string[] = [
  OKABE_ITO.orange, OKABE_ITO.skyBlue, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple,
  OKABE_ITO.blue, OKABE_ITO.yellow, OKABE_ITO.vermillion,
];

/** Shapes that tell nodes apart without colour; each is drawn by `markPath`. */
export const NODE_MARKS = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross', 'hexagon'] as const;
export type NodeMark = (typeof NODE_MARKS)[number];

export interface NodeStyle {
  colour: string;
  mark: NodeMark;
}

/**
 * Colour and mark of the node at `index`. Marks cycle on a different period from colours, so two nodes
 * share both only after 7 x 7 = 49 nodes.
 */
export function nodeStyle(index: number): NodeStyle {
  const i = Math.max(0, Math.floor(index));
  const colour = NODE_COLOURS[i % NODE_COLOURS.length]!;
  const mark = NODE_MARKS[(i + Math.floor(i / NODE_COLOURS.length)) % NODE_MARKS.length]!;
  return { colour, mark };
}

/** An SVG path for a mark of radius `r` centred on the origin. */
export function markPath(mark: NodeMark, r: number): string {
  const f = (x: number) => Math.round(x * 100) / 100;
  const poly = (pts: [number, number][]) => `M${pts.map(([x, y]) => `${f(x)},${f(y)}`).join('L')}Z`;
  const around = (n: number, radius: (k: number) => number, turn = -Math.PI / 2) =>
    Array.from({ length: n }, (_, k): [number, number] => {
      const a = turn + (k * 2 * Math.PI) / n;
      return [radius(k) * Math.cos(a), radius(k) * Math.sin(a)];
    });
  switch (mark) {
    case 'circle': return `M${f(-r)},0A${f(r)},${f(r)} 0 1,0 ${f(r)},0A${f(r)},${f(r)} 0 1,0 ${f(-r)},0Z`;
    case 'square': return poly([[-r * 0.85, -r * 0.85], [r * 0.85, -r * 0.85], [r * 0.85, r * 0.85], [-r * 0.85, r * 0.85]]);
    case 'triangle': return poly(around(3, () => r * 1.1));
    case 'diamond': return poly(around(4, () => r * 1.05));
    case 'star': return poly(around(10, (k) => (k % 2 === 0 ? r * 1.1 : r * 0.45)));
    case 'hexagon': return poly(around(6, () => r, 0));
    case 'cross': {
      const a = r * 0.35;
      return poly([[-a, -r], [a, -r], [a, -a], [r, -a], [r, a], [a, a], [a, r], [-a, r], [-a, a], [-r, a], [-r, -a], [-a, -a]]);
    }
  }
}

/** Colours that mean a state; each view also draws a symbol and a word for it. */
export const STATUS = {
  crashed: OKABE_ITO.vermillion,
  paused: OKABE_ITO.skyBlue,
  cut: OKABE_ITO.vermillion,
  busy: OKABE_ITO.orange,
  waiting: OKABE_ITO.reddishPurple,
  highlight: OKABE_ITO.blue,
  selected: OKABE_ITO.black,
  drop: OKABE_ITO.vermillion,
  ink: '#1d1d1f',
  muted: '#6b6b70',
  paper: '#fffdf5',
} as const;

export interface MessageStyle {
  colour: string;
  /** What the message looks like in the town. */
  look: 'paper' | 'check' | 'phone' | 'reply' | 'dot';
}

const KNOWN_MESSAGES: Record<string, MessageStyle> = {
  Publish: { colour: OKABE_ITO.orange, look: 'paper' },
  Notice: { colour: OKABE_ITO.yellow, look: 'paper' },
  Pinned: { colour: OKABE_ITO.bluishGreen, look: 'check' },
  Call: { colour: OKABE_ITO.blue, look: 'phone' },
  Reply: { colour: OKABE_ITO.skyBlue, look: 'reply' },
};

/** A stable colour for any message type; the type's name is always drawn beside it. */
export function messageStyle(type: string): MessageStyle {
  const known = KNOWN_MESSAGES[type];
  if (known) return known;
  let h = 0;
  for (let i = 0; i < type.length; i++) h = (h * 31 + type.charCodeAt(i)) >>> 0;
  return { colour: NODE_COLOURS[h % NODE_COLOURS.length]!, look: 'dot' };
}

/** Black or white text, whichever reads better on `hex` (WCAG relative luminance). */
export function inkOn(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) return STATUS.ink;
  const n = parseInt(m[1]!, 16);
  const lin = (c: number) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  const lum = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
  return lum > 0.22 ? '#000000' : '#ffffff';
}
