// A strict shape check for a topology that arrived from outside (a share link): every field present,
// of the right type, nothing extra, sizes bounded. What the values mean is validate.ts's business.
import { EXCHANGE_TYPES, KINDS, type Topology } from './model.ts';

type FieldType = 'string' | 'number' | 'boolean' | readonly string[];
const S = 'string', N = 'number', B = 'boolean';
const SCHEMA: Record<string, Record<string, FieldType>> = {
  producers: { name: S, target: S, everyMs: N, count: N, keys: S, headers: S },
  queues: { name: S, fifo: B, visibilityMs: N, dlq: S, maxReceives: N, ttlMs: N, dlx: S },
  exchanges: { name: S, type: EXCHANGE_TYPES },
  bindings: { exchange: S, queue: S, key: S, match: ['all', 'any'] },
  topics: { name: S },
  subscriptions: { name: S, topic: S, ackDeadlineMs: N, deadLetter: S, maxAttempts: N },
  consumers: { name: S, source: S, workMs: N, failPct: N, prefetch: N, onFail: ['requeue', 'reject'], start: ['earliest', 'latest'] },
};
export const MAX_ITEMS = 40;
const MAX_TEXT = 200;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Null when `x` has exactly the shape of a Topology, else what is wrong. */
export function topologyShapeProblem(x: unknown): string | null {
  if (!isObject(x)) return 'the topology is not an object';
  const keys = ['kind', 'runForMs', ...Object.keys(SCHEMA)];
  const extra = Object.keys(x).find((k) => !keys.includes(k));
  if (extra !== undefined) return `the topology has an unknown field '${extra}'`;
  if (!KINDS.some((k) => k.id === x.kind)) return `the topology's kind must be one of ${KINDS.map((k) => k.id).join(', ')}`;
  if (typeof x.runForMs !== 'number' || !Number.isFinite(x.runForMs)) return "the topology's run time is not a number";
  for (const [section, fields] of Object.entries(SCHEMA)) {
    const list = x[section];
    if (!Array.isArray(list)) return `the topology's ${section} list is missing`;
    if (list.length > MAX_ITEMS) return `the topology has ${list.length} ${section}; at most ${MAX_ITEMS}`;
    for (const [i, item] of (list as unknown[]).entries()) {
      const where = `${section} item ${i + 1}`;
      if (!isObject(item)) return `${where} is not an object`;
      const bad = Object.keys(item).find((k) => !(k in fields));
      if (bad !== undefined) return `${where} has an unknown field '${bad}'`;
      for (const [field, type] of Object.entries(fields)) {
        const v = item[field];
        const ok = typeof type === 'string'
          ? typeof v === type && (type !== 'number' || Number.isFinite(v)) && (type !== 'string' || (v as string).length <= MAX_TEXT)
          : typeof v === 'string' && type.includes(v);
        if (!ok) return `${where}'s ${field} is missing or not ${typeof type === 'string' ? `a ${type}` : `one of ${type.join(', ')}`}`;
      }
    }
  }
  return null;
}

export const isTopology = (x: unknown): x is Topology => topologyShapeProblem(x) === null;
