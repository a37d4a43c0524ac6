// Which drawings the stage shows for the systems in the run. A system folder under src/views (raft/,
// kafka/, queues/, ...) registers its town and technical pictures in its `stage.ts`; the stage loads every
// `src/views/*/stage.ts`, asks which registered stages have a system active in the run, and gives the
// nodes of every other system (the town board's services, say) to the generic town and technical views.
import type { ComponentType } from 'react';
import type { Sim } from '../engine/core/index.ts';

export interface StageViewProps {
  className?: string;
}

export interface SystemStage {
  /** Unique, for keys and tests (`data-stage`). */
  id: string;
  /** Engine system names this stage draws, all their nodes included (`['raft']`, `['kafka']`). */
  systems: readonly string[];
  /** A short heading shown when the stage shares the pane with another one ("Raft cluster"). */
  title: string;
  Town: ComponentType<StageViewProps>;
  Tech: ComponentType<StageViewProps>;
  /** Higher first when two stages claim the same system; default 0. */
  priority?: number;
}

const stages: SystemStage[] = [];

/** Registers (or replaces, by id) a system's stage. */
export function registerStage(stage: SystemStage): void {
  const at = stages.findIndex((s) => s.id === stage.id);
  if (at >= 0) stages[at] = stage;
  else stages.push(stage);
  stages.sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
}

export interface StagePlan {
  /** Registered stages with at least one active system, in the order their systems were first used. */
  stages: SystemStage[];
  /** Active systems no registered stage claims: drawn by the generic views (empty: none needed). */
  generic: string[];
}

/**
 * What to draw for this run. With nothing active at all the generic views are shown (they know how to
 * say the town is empty).
 */
export function planStage(sim: Sim): StagePlan {
  const active = sim.activeSystems();
  const withNodes = new Set(sim.nodes().map((n) => n.sys));
  const used = [...active, ...[...withNodes].filter((s) => !active.includes(s))];
  const chosen: SystemStage[] = [];
  const claimed = new Set<string>();
  for (const sys of used) {
    if (claimed.has(sys)) continue;
    const st = stages.find((s) => s.systems.includes(sys));
    if (!st) continue;
    if (!chosen.includes(st)) chosen.push(st);
    for (const x of st.systems) claimed.add(x);
  }
  const generic = used.filter((s) => !claimed.has(s) && (s === 'town' || withNodes.has(s)));
  if (chosen.length === 0) return { stages: [], generic: generic.length ? generic : ['town'] };
  return { stages: chosen, generic };
}

/** A key that changes only when the plan does, so the stage re-renders its layout only then. */
export const planKey = (p: StagePlan) => `${p.stages.map((s) => s.id).join(',')}|${p.generic.join(',')}`;

/**
 * How the stage fits a stage-first layout (presenter or focus mode). The views lay their pictures out in
 * CSS pixels and pick their type from that size, the smallest at about 9 px; the stage gives each picture
 * a box `zoom` times smaller than its pane and magnifies it back, so every word is drawn `zoom` times
 * larger. STAGE_ZOOM (2) puts 9 px type at 18 px; no picture is laid out smaller than STAGE_MIN, which
 * is about what each picture gets at 1280×800 beside the narration, where they are checked for overlaps.
 */
export const STAGE_MIN = { width: 440, height: 230 } as const;
export const STAGE_ZOOM = 2;
export const STAGE_MAX_ZOOM = 2.5;

export type Picture = 'town' | 'tech';
export interface StageFit {
  /** The pictures shown, left to right. */
  pictures: Picture[];
  /** How much each picture is magnified (1: drawn at its pane's size). */
  zoom: number;
  /** Both pictures were asked for but only one fits at the size the layout needs. */
  oneOfTwo: boolean;
}

export interface StageFitInput {
  view: 'split' | Picture;
  /** The stage's inner size in CSS pixels. */
  width: number;
  height: number;
  stageFirst: boolean;
  /** Focus mode: one picture, whatever the view. */
  focus: boolean;
  /** The picture shown when only one is. */
  pick: Picture;
  /** Space between two panes, and between the picture switch and the picture. */
  gap?: number;
  /** The height of the switch shown above the picture when one of two shows (0: it is elsewhere). */
  switchHeight?: number;
}

export function fitStage({ view, width, height, stageFirst, focus, pick, gap = 8, switchHeight = 32 }: StageFitInput): StageFit {
  const both: Picture[] = ['town', 'tech'];
  if (!stageFirst) return { pictures: view === 'split' ? both : [view], zoom: 1, oneOfTwo: false };
  const zoomFor = (w: number, h: number) => Math.max(1, Math.min(STAGE_MAX_ZOOM, w / STAGE_MIN.width, h / STAGE_MIN.height));
  if (view !== 'split') return { pictures: [view], zoom: zoomFor(width, height), oneOfTwo: false };
  const half = zoomFor((width - gap) / 2, height);
  if (!focus && half >= STAGE_ZOOM) return { pictures: both, zoom: half, oneOfTwo: false };
  return { pictures: [pick], zoom: zoomFor(width, height - (switchHeight > 0 ? switchHeight + gap : 0)), oneOfTwo: true };
}
