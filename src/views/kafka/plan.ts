// From the picture to the layouts: what each layout is told about the run (how many partitions, brokers
// and groups, the longest texts, what the key lists), so the views and the layout tests plan alike.
import type { Size } from '../shared/geometry.ts';
import { techLayout, type TechLayout } from './layout-tech.ts';
import type { RecordText } from './layout-lane.ts';
import { townLayout, type TownLayout } from './layout-town.ts';
import { earliestMark, type KafkaPicture } from './model.ts';
import type { TextWidth } from '../shared/measure.ts';

export const chipText = (p: KafkaPicture['producers'][number]) => `${p.id} acks=${p.acks}${p.txnId ? ' txn' : p.idempotent ? ' idem' : ''}`;

export type KeyId = 'bookmark' | 'position' | 'hw' | 'lso' | 'leader' | 'insync' | 'behind' | 'down' | 'pale' | 'open' | 'marker' | 'aborted' | 'reading' | 'older' | 'deleted' | 'twice' | 'tombstone';

const WORDS: Record<KeyId, string> = {
  bookmark: 'committed offset (bookmark)',
  position: 'reader’s position (next fetch)',
  hw: 'high watermark',
  lso: 'last stable offset',
  leader: 'leader',
  insync: 'in sync',
  behind: 'behind, out of the ISR',
  down: 'down',
  pale: 'not on every in-sync copy yet',
  open: 'in an open transaction',
  marker: 'C✓ / A✕ transaction marker',
  aborted: 'aborted (skipped by read_committed)',
  reading: 'being processed',
  older: 'records not shown',
  deleted: 'deleted (retention, compaction)',
  twice: 'written twice',
  tombstone: 'tombstone',
};

export interface KeyEntry { id: KeyId; text: string }

/** The entries for what the picture draws now, in a fixed order. */
export function keyEntries(pic: KafkaPicture, slots: number): KeyEntry[] {
  const ps = pic.partitions;
  const cells = ps.flatMap((p) => p.cells.slice(-Math.max(1, slots - 1)));
  const copies = ps.flatMap((p) => p.copies);
  const has: Record<KeyId, boolean> = {
    bookmark: pic.groups.length > 0,
    position: pic.groups.length > 0,
    hw: ps.some((p) => p.count > 0 || p.hw > 0),
    lso: ps.some((p) => p.lso < p.hw),
    leader: copies.some((c) => c.role === 'leader' && c.up && !c.fenced),
    insync: copies.some((c) => c.role === 'follower' && c.inSync && c.up && !c.fenced),
    behind: copies.some((c) => !c.inSync && c.up && !c.fenced),
    down: copies.some((c) => !c.up || c.fenced),
    pale: cells.some((r) => r.aboveHw),
    open: cells.some((r) => r.txn === 'open'),
    marker: cells.some((r) => r.control !== null),
    aborted: cells.some((r) => r.txn === 'aborted'),
    reading: pic.groups.some((g) => g.members.some((m) => m.processing !== null)),
    older: ps.some((p) => p.cells.length >= slots && p.cells.length > 0),
    deleted: ps.some((p) => p.logStart > 0),
    twice: cells.some((r) => r.duplicate),
    tombstone: cells.some((r) => r.tombstone),
  };
  return (Object.keys(WORDS) as KeyId[]).filter((id) => has[id]).map((id) => ({ id, text: WORDS[id] }));
}


/** The technical layout for a picture: its key's entries (which depend on how many records fit: a second pass when that changes them). */
export function planTech(pic: KafkaPicture, size: Size, presenter: boolean, measure: TextWidth): { layout: TechLayout; entries: KeyEntry[]; roomy: boolean } {
  // Producers' chips say their settings when there is room, else just their names.
  const full = [...pic.producers.map(chipText), ...(pic.controller ? ['controller'] : [])];
  const roomy = full.reduce((n, t) => n + measure(`${t} ✕`, 12, { mono: true }) + 30, 0) < size.width * 0.55;
  const chips = roomy ? full : [...pic.producers.map((p) => p.id), ...(pic.controller ? ['controller'] : [])];
  const counts = {
    topics: pic.topics.map((t) => ({ name: t.name, partitions: t.partitions.length })), brokers: pic.brokers.length, groups: pic.groups.length,
    chips, longestTp: Math.max(5, ...pic.partitions.map((p) => p.tp.length)), maxCells: Math.max(0, ...pic.partitions.map((p) => p.cells.length)),
    groupNames: pic.groups.map((g) => ({ name: g.id, tag: g.tag.slice(0, 1) })), text: recordText(pic), presenter, want: wantedPlaces(pic),
  };
  let entries = keyEntries(pic, 6);
  let layout = techLayout(size, { ...counts, keyItems: entries.map((e) => e.text) }, measure);
  const again = keyEntries(pic, layout.log.slots);
  if (again.map((e) => e.id).join() !== entries.map((e) => e.id).join()) {
    entries = again;
    layout = techLayout(size, { ...counts, keyItems: entries.map((e) => e.text) }, measure);
  }
  return { layout, entries, roomy };
}

/** The town's layout for a picture. */
export function planTown(pic: KafkaPicture, size: Size, presenter: boolean, measure: TextWidth): TownLayout {
  return townLayout(size, {
    topics: pic.topics.map((t) => ({ name: t.name, partitions: t.partitions.length })), brokers: pic.brokers.length,
    producers: pic.producers.length, controller: pic.controller !== null, members: pic.groups.map((g) => g.members.length),
    maxCells: Math.max(0, ...pic.partitions.map((p) => p.cells.length)), noteChars: noteChars(pic), presenter,
  }, measure);
}

/** The places the lane that needs most would like: from its earliest reader's mark to its end, plus the end. */
function wantedPlaces(pic: KafkaPicture): number {
  let n = 0;
  for (const p of pic.partitions) {
    const lo = earliestMark(p, pic.groups);
    const first = p.cells[0]?.offset ?? 0;
    n = Math.max(n, lo === null ? 0 : p.cells.filter((r) => r.offset >= Math.max(first, lo - 1)).length + 1);
  }
  return n;
}

/** The longest key, value, key=value and offset among the records a lane may show. */
function recordText(pic: KafkaPicture): RecordText {
  const t: RecordText = { key: 1, value: 1, kv: 1, digits: 1 };
  for (const p of pic.partitions) {
    for (const r of p.cells.slice(-12)) {
      const key = r.control ? 2 : (r.key ?? '–').length;
      const value = r.control ? 6 : r.tombstone ? 1 : (r.value ?? '').length;
      t.key = Math.max(t.key, key);
      t.value = Math.max(t.value, value);
      t.kv = Math.max(t.kv, r.control ? 2 : key + 1 + value);
      t.digits = Math.max(t.digits, String(r.offset).length);
    }
  }
  return t;
}

/** The longest notice text, in characters, written in full ("17 alice=order-1"), with its key ("17 alice"), or as its offset. */
function noteChars(pic: KafkaPicture): number[] {
  const n = [2, 2, 2];
  for (const p of pic.partitions) {
    for (const r of p.cells.slice(-24)) {
      const off = String(r.offset).length;
      const key = r.control ? 2 : r.tombstone ? (r.key ?? '').length + 2 : (r.key ?? r.value ?? '').length;
      const kv = r.control ? 9 : r.tombstone || r.key === null ? key : r.key.length + 1 + (r.value ?? '').length;
      // A duplicate's "×2" sits at the notice's end.
      n[0] = Math.max(n[0]!, off + 1 + kv + (r.duplicate ? 3 : 0));
      n[1] = Math.max(n[1]!, off + 1 + key);
      n[2] = Math.max(n[2]!, off);
    }
  }
  return n;
}
