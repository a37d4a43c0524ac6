// Which drawings the stage shows for the systems in the run. Each system's views register one definition
// (src/views/registry.ts, loaded from `src/views/<system>/index.ts`); the plan picks the definitions whose
// systems the run uses, and gives the nodes of any system without one to the generic views.
import type { Sim } from '../engine/core/index.ts';
import { registeredViews, systemsOf, type SystemStage } from './registry.ts';

export type { StageViewProps, SystemStage } from './registry.ts';

/** What an empty run shows: the town board's square, which says how to start one. */
export const EMPTY_RUN_SYSTEM = 'town';

export interface StagePlan {
  /** Registered stages with at least one active system, by their order and then by first use. */
  stages: SystemStage[];
  /** Systems used with nodes that no registered definition draws: drawn by the generic views. */
  generic: string[];
}

/** The systems a run uses: active ones in the order first used, then any other that owns nodes. */
export function usedSystems(sim: Sim): string[] {
  const active = sim.activeSystems();
  const withNodes = new Set(sim.nodes().map((n) => n.sys));
  return [...active, ...[...withNodes].filter((s) => !active.includes(s))];
}

/** The systems whose views this run's stage needs (an empty run: the town board's). */
export function stageSystems(sim: Sim): string[] {
  const used = usedSystems(sim);
  return used.length ? used : [EMPTY_RUN_SYSTEM];
}

/** What to draw for this run. */
export function planStage(sim: Sim): StagePlan {
  const withNodes = new Set(sim.nodes().map((n) => n.sys));
  const used = stageSystems(sim);
  const defs = registeredViews();
  const chosen: SystemStage[] = [];
  const claimed = new Set<string>();
  for (const sys of used) {
    if (claimed.has(sys)) continue;
    const def = defs.find((d) => systemsOf(d).includes(sys));
    if (!def) continue;
    if (!chosen.includes(def.stage)) chosen.push(def.stage);
    for (const x of systemsOf(def)) claimed.add(x);
  }
  chosen.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const generic = used.filter((s) => !claimed.has(s) && withNodes.has(s));
  return { stages: chosen, generic };
}

/** A key that changes only when the plan does, so the stage re-renders its layout only then. */
export const planKey = (p: StagePlan) => `${p.stages.map((s) => s.id).join(',')}|${p.generic.join(',')}`;

/**
 * How the stage fits a stage-first layout (presenter or focus mode). The views lay their pictures out in
 * CSS pixels and pick their type from that size; the stage gives each picture a box `zoom` times smaller
 * than its pane and magnifies it back, so every word is drawn `zoom` times larger. A picture's smallest
 * type is STAGE_TYPE (9 px) unless its stage says otherwise (`smallestType`): the zoom that draws that at
 * STAGE_DRAWN_TYPE (18 px) is what two pictures side by side must get (STAGE_ZOOM, 2, for 9 px type).
 * No picture is laid out smaller than STAGE_MIN, which is about what each picture gets at 1280×800 beside
 * the narration, where they are checked for overlaps, scaled by its smallest type over STAGE_TYPE: a
 * picture whose small print is 11 px needs 11/9 of that room to hold as much, and a zoom of 18/11 to draw
 * it at 18 px, so it is magnified less and laid out larger than a 9 px one (the same drawn size).
 */
export const STAGE_MIN = { width: 440, height: 230 } as const;
export const STAGE_TYPE = 9;
export const STAGE_DRAWN_TYPE = 18;
export const STAGE_ZOOM = STAGE_DRAWN_TYPE / STAGE_TYPE;
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
  /** The smallest type the shown pictures draw, px (STAGE_TYPE unless every one of them says larger). */
  smallestType?: number;
}

/** The smallest type the plan's pictures draw: the generic views' 9 px when they show. */
export function smallestTypeOf(plan: StagePlan): number {
  const sizes = plan.stages.map((s) => s.smallestType ?? STAGE_TYPE);
  return Math.min(...sizes, ...(plan.generic.length > 0 || sizes.length === 0 ? [STAGE_TYPE] : []));
}

export function fitStage({ view, width, height, stageFirst, focus, pick, gap = 8, switchHeight = 32, smallestType = STAGE_TYPE }: StageFitInput): StageFit {
  const both: Picture[] = ['town', 'tech'];
  if (!stageFirst) return { pictures: view === 'split' ? both : [view], zoom: 1, oneOfTwo: false };
  const scale = Math.max(STAGE_TYPE, smallestType) / STAGE_TYPE;
  const minW = STAGE_MIN.width * scale;
  const minH = STAGE_MIN.height * scale;
  const zoomFor = (w: number, h: number) => Math.max(1, Math.min(STAGE_MAX_ZOOM, w / minW, h / minH));
  if (view !== 'split') return { pictures: [view], zoom: zoomFor(width, height), oneOfTwo: false };
  const half = zoomFor((width - gap) / 2, height);
  if (!focus && half >= STAGE_ZOOM / scale) return { pictures: both, zoom: half, oneOfTwo: false };
  return { pictures: [pick], zoom: zoomFor(width, height - (switchHeight > 0 ? switchHeight + gap : 0)), oneOfTwo: true };
}
