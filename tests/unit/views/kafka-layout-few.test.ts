// The Kafka pictures with few partitions (lesson 03's steps), at the sizes the lesson is seen at: Both
// mode at 1280x800 and 1440x900, one picture alone, and a projector in presenter mode. The lanes and the
// board use the room (tall lanes, large notices), nothing overlaps, every text is readable (10 px or
// more) and fits its place, or is a deliberate abbreviation: a word is dropped, or cut with "…" only past
// its cell's cap.
import { describe, expect, it } from 'vitest';
import { offsetX, visibleWindow, type Rect, type TechLayout } from '../../../src/views/kafka/layout-tech.ts';
import { CAP, cellText, packLabels, watermarkLabels, type Span } from '../../../src/views/kafka/layout-lane.ts';
import { laneMarks } from '../../../src/views/kafka/layout-marks.ts';
import { columnGrid, noticeText, slotAt } from '../../../src/views/kafka/layout-town.ts';
import { planTech, planTown } from '../../../src/views/kafka/plan.ts';
import { earliestMark, type KafkaPicture } from '../../../src/views/kafka/model.ts';
import { bandChips } from '../../../src/views/kafka/TechBand.tsx';
import { rebalanceLines, teamHeads } from '../../../src/views/kafka/describe.ts';
import { estimateWidth as measure, firstFit } from '../../../src/views/shared/measure.ts';
import { LESSON03, runLab } from './kafka-scenes.ts';

const SIZES = [
  { name: 'Both at 1280x800', width: 450, height: 349, presenter: false },
  { name: 'Both at 1440x900', width: 530, height: 413, presenter: false },
  { name: 'alone at 1280x800', width: 910, height: 349, presenter: false },
  { name: 'Both, presenter at 1920x1080', width: 703, height: 489, presenter: true },
  { name: 'alone, presenter at 1920x1080', width: 1418, height: 489, presenter: true },
];

const pictures = Object.entries(LESSON03).map(([name, text]) => ({ name, pic: runLab(text, 3).picture(200) }));

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w - 0.01 && b.x < a.x + a.w - 0.01 && a.y < b.y + b.h - 0.01 && b.y < a.y + a.h - 0.01;
function apart(rects: readonly (Rect & { what: string })[], where: string) {
  for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) {
    expect(overlap(rects[i]!, rects[j]!), `${where}: ${rects[i]!.what} ${JSON.stringify(rects[i])} overlaps ${rects[j]!.what} ${JSON.stringify(rects[j])}`).toBe(false);
  }
}
const row = (s: Span, y: number, h: number, what: string) => ({ x: s.x, y: y - h / 2, w: s.w, h, what });

function checkLanes(pic: KafkaPicture, l: TechLayout, where: string) {
  const lane = l.lane!;
  for (const r of l.rows.filter((x) => x.kind === 'lane')) {
    const p = pic.partitions.find((x) => x.topic === r.topic && x.partition === r.partition)!;
    const w = `${where}, ${p.tp}`;
    const { shown, newer } = visibleWindow(p.cells, l.log.slots - 1, earliestMark(p, pic.groups));
    const x0 = l.log.x + l.log.gutter;
    // The records and the end fit the log.
    expect(x0 + shown.length * l.log.cellW, w).toBeLessThanOrEqual(l.log.x + l.log.w + 0.01);
    // Each line of each record fits its cell, or is cut on purpose past the mode's cap.
    for (const rec of shown) {
      cellText(l.log.mode, rec).forEach((options, k) => {
        const dup = rec.duplicate && k === 0 ? measure('×2', l.log.cellFs - 1, { bold: true }) + 3 : 0;
        const room = l.log.cellW - 7 - dup;
        const t = firstFit(options, room, l.log.cellFs, { mono: true, bold: true }, measure);
        expect(t.length, `${w}: record ${rec.offset} line ${k} is empty`).toBeGreaterThan(0);
        if (t.endsWith('…')) {
          const cap = CAP[l.log.mode as keyof typeof CAP];
          expect(cap, `${w}: record ${rec.offset} cut to "${t}" in a one-line cell`).toBeDefined();
          expect(options[0]!.length, `${w}: "${options[0]}" cut to "${t}" though within the cap`).toBeGreaterThan(cap);
        } else {
          expect(measure(t, l.log.cellFs, { mono: true, bold: true }), `${w}: "${t}"`).toBeLessThanOrEqual(room + 0.01);
        }
      });
    }
    // The markers: in their rows, apart from each other and from every label, inside the log, never cut.
    const m = laneMarks(p, shown, newer, pic.groups, l, lane, x0, measure);
    const things: (Rect & { what: string })[] = [];
    const h = lane.markH;
    if (m.watermarks) {
      things.push(row(m.watermarks.hw.span, lane.watermarks, h, 'HW word'));
      if (m.watermarks.lso) things.push(row(m.watermarks.lso.span, lane.watermarks, h, 'LSO word'));
    }
    if (m.lost) things.push(row({ x: m.lost.x, w: measure(m.lost.text, lane.markFs, { bold: true }) }, lane.watermarks, h, 'lost'));
    for (const n of m.none) things.push(row({ x: n.x, w: measure(n.text, lane.markFs) }, n.y, h, 'nothing committed'));
    for (const c of [...m.bookmarks, ...m.positions]) {
      const kind = m.bookmarks.includes(c as never) ? 'bookmark' : 'position';
      things.push(row({ x: c.x - c.half, w: 2 * c.half }, c.y, h, `${kind} glyphs at ${c.x}`));
      if (c.label) {
        things.push(row(c.label.span, c.y, h, `${kind} label "${c.label.text}"`));
        expect(c.label.text, w).not.toContain('…');
      }
    }
    apart(things, w);
    for (const t of things.filter((x) => !x.what.includes('glyphs'))) {
      expect(t.x, `${w}: ${t.what}`).toBeGreaterThanOrEqual(l.log.x - 0.01);
      expect(t.x + t.w, `${w}: ${t.what}`).toBeLessThanOrEqual(l.log.x + l.log.w + 0.01);
    }
    // Every group's bookmark and reader is labelled when the lane has a row per group.
    if (!lane.shared) for (const c of [...m.bookmarks, ...m.positions]) expect(c.label, `${w}: a marker without words`).not.toBeNull();
    // The rows are bands one under another: bookmarks, watermarks, records, positions.
    const bands = [...lane.bookmarks.map((y) => ({ y: y - h / 2, h })), { y: lane.watermarks - h / 2, h }, { y: lane.cellTop, h: lane.cellH },
      ...lane.positions.map((y) => ({ y: y - h / 2, h }))];
    for (let i = 1; i < bands.length; i++) expect(bands[i]!.y, w).toBeGreaterThanOrEqual(bands[i - 1]!.y + bands[i - 1]!.h - 0.01);
    expect(bands[bands.length - 1]!.y + bands[bands.length - 1]!.h, w).toBeLessThanOrEqual(r.h + 0.01);
    // A marker older or newer than the window says so with an arrow, and its offset.
    for (const c of m.bookmarks) if (c.before || c.after) expect(c.label?.text ?? '◂▸', w).toMatch(/[◂▸]/);
    expect(offsetX(shown, p.hw, x0, l.log.cellW, newer).x, w).toBeLessThanOrEqual(l.log.x + l.log.w);
  }
}

describe('the technical picture with few partitions', () => {
  for (const size of SIZES) {
    for (const { name, pic } of pictures) {
      it(`${name}, ${size.name}: tall lanes, readable, nothing overlapping or cut`, () => {
        const { layout: l, entries } = planTech(pic, size, size.presenter, measure);
        const where = `${name} at ${size.width}x${size.height}`;
        const min = size.presenter ? 13 : 11;
        // Tall lanes with their markers in rows of their own, readable fonts.
        expect(l.style, where).toBe('stacked');
        expect(l.fs, where).toBeGreaterThanOrEqual(min);
        expect(l.log.cellFs, where).toBeGreaterThanOrEqual(10);
        expect(l.lane!.markFs, where).toBeGreaterThanOrEqual(10);
        for (const r of l.rows.filter((x) => x.kind === 'lane')) expect(r.h, where).toBeGreaterThanOrEqual(l.fs * 3);
        // Columns side by side inside the width; the copies under the name.
        const cols = [{ x: l.label.x, y: 0, w: l.label.w, h: 1, what: 'names' }, { x: l.log.x, y: 0, w: l.log.w, h: 1, what: 'log' },
          ...l.lag.x.map((x) => ({ x, y: 0, w: l.lag.w, h: 1, what: 'lag' }))];
        apart(cols, where);
        for (const c of cols) expect(c.x + c.w, where).toBeLessThanOrEqual(l.width + 0.01);
        expect(l.brokers.x + pic.brokers.length * l.brokers.cell, where).toBeLessThanOrEqual(l.label.x + l.label.w + 0.01);
        // Groups are named in full in the lag column (a tag only for a name too long for it).
        pic.groups.forEach((g, i) => {
          expect(l.lag.names[i], where).toBe(g.id);
          expect(measure(g.id, l.fs - 1, { bold: true }) + l.fs * 1.5 + measure(String(g.totalLag), l.fs - 1, { mono: true, bold: true }), where).toBeLessThanOrEqual(l.lag.w);
        });
        // Header chips apart and inside.
        apart(l.chips.map((c) => ({ ...c, what: 'chip' })), where);
        for (const c of l.chips) expect(c.x, where).toBeGreaterThanOrEqual(0);
        checkLanes(pic, l, where);
        // The key (when there is room) apart, inside, under the lanes and over the band.
        if (l.key) {
          expect(l.key.fs, where).toBeGreaterThanOrEqual(10);
          expect(l.key.items.length, where).toBe(entries.length);
          apart(l.key.items.map((r, i) => ({ ...r, what: entries[i]!.text })), where);
          const last = l.rows[l.rows.length - 1]!;
          for (const r of l.key.items) {
            expect(r.x + r.w, where).toBeLessThanOrEqual(l.width - l.pad + 0.01);
            expect(r.y, where).toBeGreaterThanOrEqual(last.y + last.h);
            expect(r.y + r.h, where).toBeLessThanOrEqual(l.band.y + 0.01);
          }
        }
        // The band: each group's name and state, its members, and its rebalance or effects, never cut.
        pic.groups.forEach((g, i) => {
          const b = bandChips(g, { ...l.groupRows[i]!, h: l.fs + 6 }, l.fs, measure);
          for (const c of b.chips) expect(c.x + c.w, where).toBeLessThanOrEqual(l.groupRows[i]!.x + l.groupRows[i]!.w + 0.01);
          if (g.rebalance && l.twoLines) expect(firstFit(rebalanceLines(g, pic.now), l.groupRows[i]!.w - 8, l.fs - 1, { bold: true }, measure), where).not.toContain('…');
        });
        // Nothing scrolls.
        expect(l.height, where).toBe(Math.max(220, size.height));
      });
    }
  }

  it('one-partition steps keep tall lanes in the 322x293 pane of 1024x768 (Both), the lag column by group letter if need be', () => {
    for (const { name, pic } of pictures.filter((x) => x.pic.partitions.length === 1)) {
      const where = `${name} at 322x293`;
      const { layout: l } = planTech(pic, { width: 322, height: 293 }, false, measure);
      expect(l.style, where).toBe('stacked');
      expect(l.fs, where).toBeGreaterThanOrEqual(12);
      pic.groups.forEach((g, i) => expect([g.id, g.tag.slice(0, 1)], where).toContain(l.lag.names[i]));
      checkLanes(pic, l, where);
    }
  });

  it('one partition read by two groups gets a row per group for bookmarks and positions at 450x349', () => {
    const pic = pictures.find((p) => p.name === 'aborted transaction (step 13)')!.pic;
    const { layout: l } = planTech(pic, SIZES[0]!, false, measure);
    expect(l.lane!.shared).toBe(false);
    expect(l.lane!.bookmarks).toHaveLength(2);
    expect(l.log.mode).toBe('kv3');
  });

  it('three partitions read by two groups share one row of bookmarks at 450x349, and lanes still fill the pane', () => {
    const pic = pictures.find((p) => p.name === 'a team shares (step 4)')!.pic;
    const { layout: l } = planTech(pic, SIZES[0]!, false, measure);
    expect(l.lane!.shared).toBe(true);
    const last = l.rows[l.rows.length - 1]!;
    expect(last.y + last.h).toBeGreaterThan(349 * 0.6);
  });
});

describe('the town with few partitions', () => {
  for (const size of SIZES) {
    for (const { name, pic } of pictures) {
      it(`${name}, ${size.name}: notices large, apart, inside their column, their words whole`, () => {
        const l = planTown(pic, size, size.presenter, measure);
        const where = `${name} at ${size.width}x${size.height}`;
        expect(l.fs, where).toBeGreaterThanOrEqual(size.presenter ? 13 : 11);
        expect(l.nfs, where).toBeGreaterThanOrEqual(10);
        for (const c of l.columns) {
          const p = pic.partitions.find((x) => x.topic === c.topic && x.partition === c.partition)!;
          const g = columnGrid(l, c, p.cells.length);
          const notes = Array.from({ length: g.subs * l.slots }, (_, j) => ({ ...slotAt(l, g, j), w: g.noteW, h: l.slipH - 2, what: `slot ${j}` }));
          apart(notes, `${where}, ${p.tp}`);
          for (const n of notes) {
            expect(n.x - g.gut, where).toBeGreaterThanOrEqual(c.x - 0.01);
            expect(n.x + n.w + Math.max(g.gut, g.flag), where).toBeLessThanOrEqual(c.x + c.w + 0.01);
            expect(n.y + n.h, where).toBeLessThanOrEqual(l.footerTop + 0.01);
          }
          // A notice says its offset at the notices' size (never shrunk), with its key when it has room.
          const few = Math.max(...pic.partitions.map((x) => x.cells.length)) <= 4;
          for (const r of p.cells.slice(-g.subs * l.slots)) {
            const t = noticeText(r, g.noteW, l.nfs, measure);
            expect(t.fs, `${where}, ${p.tp}@${r.offset}`).toBe(l.nfs);
            expect(t.text.startsWith(String(r.offset)), where).toBe(true);
            // A board of a few notices writes each in full.
            if (few && r.key && !r.control && !r.tombstone) expect(t.text, where).toBe(`${r.offset} ${r.key}=${r.value}`);
          }
        }
        // Team heads keep the team's name whole.
        pic.groups.forEach((g, i) => {
          const r = l.teams[i]!;
          const head = firstFit(teamHeads(g), r.w - l.fs * 1.6 - 14, l.fs - 1, { bold: true }, measure);
          expect(head.startsWith(g.id), `${where}: "${head}"`).toBe(true);
          expect(head, where).not.toContain('…');
        });
      });
    }
  }

  it('one column of twenty notices shows them all in sub-columns at 450x349 (Both at 1280x800)', () => {
    const pic = pictures.find((p) => p.name === 'exactly once (step 7)')!.pic;
    const l = planTown(pic, SIZES[0]!, false, measure);
    const g = columnGrid(l, l.columns[0]!, 20);
    expect(g.subs * l.slots).toBeGreaterThanOrEqual(20);
    expect(g.subs).toBeGreaterThan(1);
    // The notices are wide enough for "19 acct=v20".
    expect(noticeText(pic.partitions[0]!.cells[19]!, g.noteW, l.nfs, measure).text).toBe('19 acct=v20');
  });

  it('a column of three notices gets tall notices with their key and value', () => {
    const pic = pictures.find((p) => p.name === 'open transaction (step 13)')!.pic;
    const l = planTown(pic, SIZES[0]!, false, measure);
    expect(l.slipH).toBeGreaterThanOrEqual(l.fs * 2);
    const g = columnGrid(l, l.columns[0]!, 2);
    expect(noticeText(pic.partitions[0]!.cells[0]!, g.noteW, l.nfs, measure).text).toBe('0 acct1=debit');
  });
});

describe('labels in a row of markers', () => {
  const opts = (...texts: string[]) => texts.map((text) => ({ text, w: text.length * 7 }));
  it('a label goes right of its glyphs, else left, else shorter, never over another label or glyph', () => {
    // Two clusters one cell (30 px) apart: the first's long label would run into the second's glyphs.
    const placed = packLabels([
      { x: 200, half: 6, options: opts('quick · slowpoke 3', 'QS 3', '3') },
      { x: 230, half: 6, options: opts('audit 4', 'A 4', '4') },
    ], 0, 300);
    expect(placed[0]!.anchor).toBe('end');
    expect(placed[0]!.text).toBe('quick · slowpoke 3');
    expect(placed[1]!).toMatchObject({ text: 'audit 4', anchor: 'start' });
    // Hemmed in on both sides: the short phrasing.
    const tight = packLabels([
      { x: 20, half: 6, options: opts('quick 3', 'Q 3', '3') },
      { x: 50, half: 6, options: opts('slowpoke 9', 'S 9', '9') },
      { x: 80, half: 6, options: opts('audit 9', 'A 9', '9') },
    ], 0, 100);
    const spans = tight.filter((p) => p !== null).map((p) => p!.span);
    for (let i = 0; i < spans.length; i++) for (let j = i + 1; j < spans.length; j++) {
      expect(spans[i]!.x + spans[i]!.w <= spans[j]!.x || spans[j]!.x + spans[j]!.w <= spans[i]!.x).toBe(true);
    }
    for (const s of spans) for (const g of [20, 50, 80]) expect(s.x >= g + 6 || s.x + s.w <= g - 6).toBe(true);
    expect(tight.every((p) => p !== null)).toBe(true);
  });

  it('the watermarks\' words: LSO left of its bar, HW right of its own, apart even when both bars are at the left edge', () => {
    expect(watermarkLabels(200, 140, 20, 26, 100, 400)).toEqual({ hw: { x: 203, w: 20 }, lso: { x: 111, w: 26 } });
    // No room left of the LSO bar: its word goes right, and the HW word after it.
    const edge = watermarkLabels(110, 110, 20, 26, 100, 400);
    expect(edge.lso!.x).toBe(113);
    expect(edge.hw.x).toBeGreaterThanOrEqual(113 + 26);
  });
});
