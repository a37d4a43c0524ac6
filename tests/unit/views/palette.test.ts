import { describe, expect, it } from 'vitest';
import { inkOn, markPath, messageStyle, NODE_COLOURS, nodeStyle, OKABE_ITO } from '../../../src/views/shared/palette.ts';

describe('node colours and marks (colour-blind safe, never colour alone)', () => {
  it('uses only Okabe–Ito colours', () => {
    const palette = new Set<string>(Object.values(OKABE_ITO));
    for (let i = 0; i < 60; i++) expect(palette.has(nodeStyle(i).colour)).toBe(true);
  });

  it('gives the first 49 nodes 49 different colour-and-mark pairs', () => {
    const pairs = new Set(Array.from({ length: 49 }, (_, i) => { const s = nodeStyle(i); return `${s.colour}/${s.mark}`; }));
    expect(pairs.size).toBe(49);
  });

  it('tells neighbouring nodes apart by shape as well as by colour', () => {
    for (let i = 0; i < NODE_COLOURS.length - 1; i++) expect(nodeStyle(i).mark).not.toBe(nodeStyle(i + 1).mark);
  });

  it('draws every mark as a closed path', () => {
    for (let i = 0; i < 7; i++) expect(markPath(nodeStyle(i).mark, 6)).toMatch(/^M.*Z$/);
  });
});

describe('message styles and text colour', () => {
  it('keeps a message type on the same colour every time', () => {
    expect(messageStyle('AppendEntries')).toEqual(messageStyle('AppendEntries'));
    expect(messageStyle('Notice').look).toBe('paper');
    expect(messageStyle('Call').look).toBe('phone');
  });

  it('writes black on yellow and white on blue', () => {
    expect(inkOn(OKABE_ITO.yellow)).toBe('#000000');
    expect(inkOn(OKABE_ITO.blue)).toBe('#ffffff');
  });
});
