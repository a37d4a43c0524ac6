// Words for what the pictures draw: aria-labels, hover titles and the inspector all say the same thing.
import type { GroupModel, PartitionModel, RecordCell, ReplicaCopy } from './model.ts';

export function copyWords(c: ReplicaCopy): string {
  const state = !c.up ? 'down' : c.fenced ? 'fenced' : c.role === 'leader' ? 'leader' : c.inSync ? 'in sync' : `out of sync, ${c.behind} behind`;
  return `${c.broker} ${state}${c.role === 'follower' && c.inSync && c.behind > 0 ? ` (${c.behind} to fetch)` : ''}`;
}

export function recordWords(r: RecordCell): string {
  if (r.control) return `offset ${r.offset}: transaction ${r.control} marker`;
  const kv = `${r.key === null ? 'no key' : `key ${r.key}`}, ${r.tombstone ? 'tombstone (deletes the key)' : `value ${r.value ?? ''}`}`;
  const txn = r.txn === 'none' ? '' : r.txn === 'open' ? ', in an open transaction' : r.txn === 'aborted' ? ', aborted: read_committed readers skip it' : ', committed transaction';
  return `offset ${r.offset}: ${kv}${txn}${r.duplicate ? ', A DUPLICATE of an earlier record (a retry written twice)' : ''}${r.aboveHw ? ', above the high watermark: not on every in-sync copy yet' : ''}`;
}

export function partitionWords(p: PartitionModel, groups: readonly GroupModel[]): string {
  const lead = p.leader ? `leader ${p.leader} (epoch ${p.epoch})` : 'OFFLINE: no leader';
  const isr = `in sync ${p.isr.join(',') || 'none'} of ${p.copies.map((c) => c.broker).join(',')}`;
  const under = p.isr.length < p.minIsr ? `, BELOW min.insync.replicas=${p.minIsr}: acks=all writes are refused` : '';
  const log = p.count === 0 ? 'empty log' : `log ${p.logStart} to ${p.leo - 1}`;
  const lso = p.lso < p.hw ? `, last stable offset ${p.lso}` : '';
  const readers = groups.filter((g) => g.topics.includes(p.topic)).map((g) => {
    const c = g.committed[p.tp];
    const who = g.holder[p.tp] ? `read by ${g.holder[p.tp]}` : g.status[p.tp] === 'stopped' ? 'stopped for a rebalance' : g.status[p.tp] === 'moving' ? 'moving in a rebalance' : 'not read by anyone';
    return `group ${g.id}: committed ${c ?? 'nothing'}, lag ${g.lag[p.tp] ?? 0}, ${who}`;
  });
  const lost = p.lost ? `, ${p.lost} ACKNOWLEDGED RECORD${p.lost === 1 ? '' : 'S'} LOST` : '';
  return [`partition ${p.tp}: ${lead}, ${isr}${under}`, `${log}, high watermark ${p.hw}${lso}${lost}`, ...readers].join('. ');
}

export function groupWords(g: GroupModel): string {
  const members = g.members.map((m) => `${m.id}${m.up ? '' : ' (down)'} reads ${m.owned.length ? m.owned.join(',') : 'nothing'}`).join('; ');
  const rb = g.rebalance?.active ? `, rebalancing (${g.rebalance.protocol})` : '';
  return `group ${g.id}: ${g.state}${rb}, generation ${g.generation}, ${g.assignor} assignor, total lag ${g.totalLag}, ${effectsWords(g)}. ${members || 'no members'}`;
}

/** A partition as a group's readers see it: "t1-0" when the group reads several topics (a bare "0" would be
 * ambiguous), else its number. */
export const partitionName = (tp: string, multi: boolean) => (multi ? tp : tp.slice(tp.lastIndexOf('-') + 1));

/** The rebalance as one line: who had what before, what moves now, and what each has after. */
export function rebalanceLine(g: GroupModel, now: number, short = false): string | null {
  const rb = g.rebalance;
  if (!rb) return null;
  const ids = [...new Set([...Object.keys(rb.before), ...Object.keys(rb.after), ...g.members.map((m) => m.id)])].sort();
  const nums = (tps: readonly string[] | undefined) => (tps && tps.length ? tps.map((tp) => partitionName(tp, g.topics.length > 1)).join(',') : '–');
  if (rb.active) {
    const since = `${Math.max(0, now - rb.startedAt)}ms`;
    const holding = g.members.filter((m) => m.up && m.owned.length > 0).length;
    const what = rb.protocol === 'eager'
      ? holding ? `eager: readers stop and give up everything as they hear (${holding} still reading)` : 'eager: every reader stopped and gave up everything'
      : rb.round === 2 ? `cooperative round 2: handing over ${nums(rb.pending)}` : `cooperative round 1: the others keep reading${rb.pending.length ? `; ${nums(rb.pending)} held back` : ''}`;
    return `⟳ ${short ? '' : `${rb.reason} · `}${what} · ${since}`;
  }
  const moves = ids.map((id) => `${id} ${nums(rb.before[id])}→${nums(rb.after[id])}`).join(' · ');
  return `✓ gen ${rb.generation} after ${rb.endedAt! - rb.startedAt}ms (${rb.protocol}${rb.round === 2 ? ', 2 rounds' : ''}): ${moves}`;
}

/**
 * The rebalance line from the fullest to the briefest phrasing, for a picture to take the first that
 * fits (never a sentence cut in the middle): the whole story, without the reason, then just the state.
 */
export function rebalanceLines(g: GroupModel, now: number): string[] {
  const rb = g.rebalance;
  if (!rb) return [];
  const full = rebalanceLine(g, now)!;
  const short = rebalanceLine(g, now, true)!;
  if (rb.active) {
    const since = `${Math.max(0, now - rb.startedAt)}ms`;
    const kind = rb.protocol === 'eager' ? 'eager, all stopped' : `cooperative round ${rb.round}`;
    return [full, short, `⟳ ${kind} · ${since}`, `⟳ rebalancing · ${since}`, '⟳ rebalancing'];
  }
  const took = `${rb.endedAt! - rb.startedAt}ms`;
  return [full, `✓ gen ${rb.generation} after ${took} (${rb.protocol}${rb.round === 2 ? ', 2 rounds' : ''})`, `✓ gen ${rb.generation} after ${took}`, `✓ gen ${rb.generation}`];
}

/** "applied 20 · 4 twice · 3 skipped": only the parts that are not zero after `applied`. */
export function effectsWords(g: GroupModel): string {
  const e = g.effects;
  return [`applied ${e.applied}`, e.twice ? `${e.twice} twice` : '', e.skipped ? `${e.skipped} skipped` : ''].filter(Boolean).join(' · ');
}

/** A team's heading in the town, fullest first: the team's name is never cut ("team" and then the state's words go first). */
export function teamHeads(g: GroupModel): string[] {
  const trouble = [g.effects.twice ? `${g.effects.twice} twice` : '', g.effects.skipped ? `${g.effects.skipped} skipped` : ''].filter(Boolean).join(' · ');
  const state = g.state === 'Stable' ? `lag ${g.totalLag}` : g.state === 'Empty' ? 'nobody reading' : '⟳ rebalancing';
  const brief = g.state === 'Stable' ? `lag ${g.totalLag}` : g.state === 'Empty' ? 'empty' : '⟳';
  const t = trouble ? ` · ${trouble}` : '';
  return [
    `${g.id} team · ${state}${t}`, `${g.id} · ${state}${t}`,
    ...(trouble ? [`${g.id} · ${brief}${t}`, `${g.id} · ${trouble}`] : []), `${g.id} · ${brief}`, g.id,
  ];
}
