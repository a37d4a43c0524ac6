// Sandbox share links in the page: make one from the lab's current moment, and restore one (the same
// trace hash and time), or say why not and open an empty sandbox.
import { CURSOR, inputsToHere, labStore, replayJob, survivingInputs } from '../../store/lab-store.ts';
import { lessonStore } from '../../store/lesson-store.ts';
import { loadScenario } from '../controller.ts';
import { MAX_LINK_TIME, type Decoded } from '../lessons-api.ts';
import { builderStore } from './builder-store.ts';
import { emptyTopology } from './model.ts';
import { decodeSandboxShare, encodeSandboxShare, type SandboxShareState } from './share.ts';
import { topologyToScenario } from './to-scenario.ts';

export const sandboxHref = (code: string) => `#/sandbox?share=${code}`;

/** The link that reopens this sandbox moment, or why it cannot be made; null outside the sandbox. */
export function trySandboxShareUrl(): Decoded<string> | null {
  const { lesson, scenario } = lessonStore.getState();
  if (lesson !== null || !location.hash.startsWith('#/sandbox')) return null;
  const lab = labStore.getState();
  const { topology, generated } = builderStore.getState();
  const state: SandboxShareState = {
    v: 1, sandbox: scenario.text, seed: lab.session.seed, inputs: lab.inputs.map((x) => ({ ...x })), t: lab.session.sim.now, view: lab.view,
    // The builder's form comes along only when it is what wrote the text that ran.
    ...(scenario.text === generated ? { topology } : {}),
  };
  // As for lesson links (controller.ts shareUrl): the full history to the exact event, else what survived
  // going back in time, else those inputs and the time alone.
  const sim = lab.session.sim;
  const surviving = survivingInputs(state.inputs);
  const tries = [inputsToHere(state.inputs, sim), inputsToHere(surviving, sim), surviving];
  let last: Decoded<string> = { ok: false, message: 'This sandbox cannot be shared.' };
  for (const inputs of tries) {
    last = encodeSandboxShare({ ...state, inputs });
    if (last.ok) break;
  }
  if (!last.ok) return last;
  return { ok: true, value: `${location.origin}${location.pathname}${location.search}${sandboxHref(last.value)}` };
}

export function sandboxShareUrl(): string | null {
  const r = trySandboxShareUrl();
  return r && r.ok ? r.value : null;
}

/** Restores a sandbox link; null when restored, else the sentence saying why not (an empty sandbox is open then). */
export function restoreSandboxLink(code: string): string | null {
  const decoded = decodeSandboxShare(code);
  const problem = decoded.ok ? replay(decoded.value) : decoded.message;
  if (problem === null) return null;
  fail(problem);
  return problem;
}

function fail(problem: string): void {
  const empty = emptyTopology('sqs');
  builderStore.setState({ topology: empty, generated: '' });
  loadScenario('', 1);
  labStore.getState().setNotice(`This sandbox link could not be opened: ${problem} An empty sandbox opened instead.`);
}

/** Loads the scenario, then replays the inputs in slices (a progress bar with Cancel if it takes long). */
function replay(s: SandboxShareState): string | null {
  if (s.topology) builderStore.setState({ topology: s.topology, generated: topologyToScenario(s.topology) });
  loadScenario(s.sandbox, s.seed);
  labStore.getState().setView(s.view);
  labStore.getState().setNotice(null);
  labStore.getState().pause();
  const last = s.inputs[s.inputs.length - 1];
  const target = last?.line === CURSOR ? last.now : Math.max(s.t, last?.now ?? 0);
  labStore.getState().runJob('Opening the shared sandbox', replayJob(labStore, s.inputs, s.t, MAX_LINK_TIME), target, (r) => {
    if (r.cancelled) labStore.getState().setNotice('You stopped opening the sandbox link: the run shows the moment it had reached, not the shared one.');
    else if (r.error !== null) fail(`one of its commands failed (${r.error}).`);
  });
  return null;
}
