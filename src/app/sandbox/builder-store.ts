// The builder's state beside the lab: the topology being edited and the scenario text it last wrote
// (so the page can tell hand edits from generated text and never overwrite the former silently).
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { PRESETS } from './presets.ts';
import { topologyToScenario } from './to-scenario.ts';
import { validateTopology } from './validate.ts';
import { emptyTopology, type SandboxKind, type Topology } from './model.ts';

export interface BuilderState {
  topology: Topology;
  /** The text the builder last wrote into the editor (the last valid topology's scenario). */
  generated: string;
  /** The topology last built for each other kind, so switching kind and back loses nothing. */
  drafts: Partial<Record<SandboxKind, Topology>>;
}

export const DEFAULT_PRESET = PRESETS[0]!;
export const DEFAULT_SEED = 7;

export const builderStore = createStore<BuilderState>()(() => ({
  topology: DEFAULT_PRESET.topology,
  generated: topologyToScenario(DEFAULT_PRESET.topology),
  drafts: {},
}));

export function useBuilder<T>(selector: (s: BuilderState) => T): T {
  return useStore(builderStore, selector);
}

/** Sets the topology; `generated` follows it while it is valid. Returns the new generated text. */
export function setTopology(topology: Topology): string {
  const generated = validateTopology(topology).length === 0 ? topologyToScenario(topology) : builderStore.getState().generated;
  builderStore.setState({ topology, generated });
  return generated;
}

/** Switches to another system: its draft if there is one, else an empty topology. */
export function switchKind(kind: SandboxKind): string {
  const { topology, drafts } = builderStore.getState();
  if (kind === topology.kind) return builderStore.getState().generated;
  builderStore.setState({ drafts: { ...drafts, [topology.kind]: topology } });
  return setTopology(drafts[kind] ?? emptyTopology(kind));
}
