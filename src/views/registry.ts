// One registration per system: a folder src/views/<system>/ exports, as the default of its index.ts, one
// `defineSystemViews({ sys, stage, inspect, focus, actions, summary })`. The stage, the inspector, the
// cross-highlight, every node's action menu and the generic technical boxes read this registry, and
// nothing else. Definitions may arrive at any time (a lesson page loads only its systems' folders, see
// load.ts): whoever draws from the registry subscribes to it and re-reads when one arrives.
import type { ComponentType } from 'react';
import type { Sim } from '../engine/core/index.ts';
import type { NodeStatus, TraceEvent } from '../engine/core/index.ts';
import type { Highlight } from '../store/lab-store.ts';

export interface StageViewProps {
  className?: string;
}

/** A system's two pictures on the stage. */
export interface SystemStage {
  /** Unique, for keys and tests (`data-stage`). */
  id: string;
  /** A short heading shown when the stage shares the pane with another one ("Raft cluster"). */
  title: string;
  Town: ComponentType<StageViewProps>;
  Tech: ComponentType<StageViewProps>;
  /** Higher first when two definitions claim the same system; default 0. */
  priority?: number;
  /** Panes stack by order, then by when their system was first used; default 0 (the town board: 1, under
   *  the systems beside it). */
  order?: number;
  /** The smallest type its pictures draw, px, when more than the stage's default (see fitStage in
   *  stages.ts): a stage-first layout magnifies them less. */
  smallestType?: number;
}

export type InspectorRow = [string, unknown];
export interface Inspection { title: string; rows: InspectorRow[] }

/** What the inspector shows for the system's things. */
export interface SystemInspect {
  /** Rows for one of the system's nodes, added under the inspector's own (running, paused, skew); `sys`
   *  says which system of a family owns it. Null: the inspector dumps the node's raw record instead. */
  node: (sim: Sim, id: string, sys: string) => Inspection | null;
  /** Rows for one of the system's own `item` highlights (`kafka:partition:orders-3`: the id's part before
   *  the first colon names the system). */
  item?: (sim: Sim, id: string) => Inspection | null;
  /** Rows for other highlight kinds the system owns (the town board's notices and topics). */
  other?: (sim: Sim, h: Highlight) => Inspection | null;
}

/** What an `item` highlight points at besides itself (a log entry: its server and the messages that
 *  carried it), so views that know nothing of the item still highlight those. */
export type ItemFocus = (id: string, trace: readonly TraceEvent[]) => { nodes?: readonly string[]; msgs?: readonly number[] };

/** An entry in every node's action menu; each runs scenario commands, so it is also a console line. */
export interface NodeAction {
  id: string;
  /** What the menu says, e.g. "Set bakery on fire (crash)". */
  label: (node: NodeStatus) => string;
  /** Whether the action makes sense for this node now. */
  applies: (node: NodeStatus) => boolean;
  run: (node: NodeStatus) => void;
}

/** A node's state in a few short lines, most important first, for pictures that do not know the system
 *  (the generic technical boxes, a house's note in the generic town). */
export type SummaryNode = Pick<NodeStatus, 'id' | 'sys' | 'up' | 'paused' | 'skew'>;
export type NodeSummary = (sim: Sim, node: SummaryNode) => string[];

export interface SystemViews {
  /** The engine system this folder draws, or the family drawn together in one pane (the queues). */
  sys: string | readonly string[];
  stage: SystemStage;
  inspect: SystemInspect;
  focus?: ItemFocus;
  /** Added to the menu of every node they apply to (crash, restart, pause and inspect are everyone's). */
  actions?: readonly NodeAction[];
  summary: NodeSummary;
}

/** A system folder's one definition, returned as given (it must name at least one system). */
export function defineSystemViews(def: SystemViews): SystemViews {
  if (systemsOf(def).length === 0) throw new Error(`views ${def.stage.id}: name at least one system`);
  return def;
}

export const systemsOf = (def: SystemViews): readonly string[] => (typeof def.sys === 'string' ? [def.sys] : def.sys);

const defs: SystemViews[] = [];
const listeners = new Set<() => void>();
let version = 0;

/** Adds definitions (replacing one with the same stage id) and tells the subscribers. */
export function registerSystemViews(...added: SystemViews[]): void {
  for (const def of added) {
    const at = defs.findIndex((d) => d.stage.id === def.stage.id);
    if (at >= 0) defs[at] = def;
    else defs.push(def);
  }
  defs.sort((a, b) => (b.stage.priority ?? 0) - (a.stage.priority ?? 0));
  version++;
  for (const l of listeners) l();
}

/** For useSyncExternalStore: the listener runs whenever a definition arrives. */
export function subscribeViews(listener: () => void): () => void {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}
export const viewsVersion = () => version;

export const registeredViews = (): readonly SystemViews[] => defs;

/** The definition that draws this system (the highest priority when several claim it). */
export function viewsOf(sys: string): SystemViews | undefined {
  return defs.find((d) => systemsOf(d).includes(sys));
}

/** The system an item id belongs to: its part before the first colon. */
export const itemSystem = (id: string) => id.slice(0, Math.max(0, id.indexOf(':')));

export const itemFocusOf = (id: string): ItemFocus | undefined => viewsOf(itemSystem(id))?.focus;

/** Every registered system's node actions, in registration order. */
export const systemNodeActions = (): NodeAction[] => defs.flatMap((d) => d.actions ?? []);
