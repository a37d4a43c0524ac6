// A queue system's node in short lines, for pictures that do not know the queue family (the generic
// technical boxes): the same inspection rows the inspector shows, first the state in words.
import type { Sim } from '../../engine/core/index.ts';
import type { SummaryNode } from '../registry.ts';
import { inspectNode } from './inspect.ts';

const said = (v: unknown): string => (Array.isArray(v) ? v.join(', ') || 'none' : v === null || v === undefined ? 'none' : String(v));

export function queuesSummary(sim: Sim, n: SummaryNode): string[] {
  const i = inspectNode(sim, n.sys, n.id);
  return i ? i.rows.slice(0, 2).map(([k, v]) => (k === 'state' ? said(v) : `${k} ${said(v)}`)) : [];
}
