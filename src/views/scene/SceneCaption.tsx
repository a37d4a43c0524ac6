// Over the stage, in step with the animation: the step's caption for the moment the cursor is at (a
// ```scene``` block's `captions`), and a badge when playback has just jumped over a quiet stretch. Both
// are polite live regions, so a screen reader hears them as the run reaches them.
import { useLab } from '../../store/lab-store.ts';
import { captionAt } from '../../lessons/scene.ts';
import { formatDuration } from '../../engine/core/duration.ts';
import './scene.css';

/** "12 s", "350 ms", "1.5 s": a span of simulated time as the badge says it. */
export function spanWords(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return `${s >= 10 ? Math.round(s) : Math.round(s * 10) / 10} s`;
}

export function SceneCaption() {
  const scene = useLab((s) => s.scene);
  const skipped = useLab((s) => s.skipped);
  const now = useLab((s) => s.now);
  const version = useLab((s) => s.version);
  const sim = useLab((s) => s.session.sim);
  // A free scene's captions describe the step's own run: once the learner changes it, they no longer apply.
  const changed = useLab((s) => s.inputs.length > 0);
  void version;
  const shown = scene && !(scene.kind === 'free' && changed) ? captionAt(scene.captions, { now, eventCount: sim.eventCount }) : null;
  return (
    <div className="scene-overlay" data-testid="scene-overlay">
      <div className="scene-skip" aria-live="polite" data-testid="scene-skip">
        {skipped ? <span key={skipped.id} title={`Nothing happened for ${formatDuration(skipped.ms)}, so playback jumped ahead`}>⏩ {spanWords(skipped.ms)} later</span> : null}
      </div>
      <p className={`scene-caption${shown ? '' : ' empty'}`} aria-live="polite" data-testid="scene-caption">{shown?.text ?? ''}</p>
    </div>
  );
}
