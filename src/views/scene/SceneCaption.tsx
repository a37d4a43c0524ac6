// In step with the animation: the step's caption for the moment the cursor is at (a ```scene``` block's
// `captions`), in a line along the stage's bottom edge, and a badge in the playback status when playback
// has just jumped over a quiet stretch. Both are in polite live regions, so a screen reader hears them as
// the run reaches them. Neither covers the pictures: the caption's line is kept for a step that has captions,
// so the stage does not resize as they come and go.
import { useLab } from '../../store/lab-store.ts';
import { captionAt } from '../../lessons/scene.ts';
import { formatDuration } from '../../engine/core/index.ts';
import './scene.css';

/** "12 s", "350 ms", "1.5 s": a span of simulated time as the badge says it. */
export function spanWords(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return `${s >= 10 ? Math.round(s) : Math.round(s * 10) / 10} s`;
}

export function SceneCaptionLine() {
  const scene = useLab((s) => s.scene);
  const now = useLab((s) => s.now);
  const version = useLab((s) => s.version);
  const sim = useLab((s) => s.session.sim);
  // A free scene's captions describe the step's own run: once the learner changes it, they no longer apply.
  const changed = useLab((s) => s.inputs.length > 0);
  void version;
  if (!scene || scene.captions.length === 0 || (scene.kind === 'free' && changed)) return null;
  const shown = captionAt(scene.captions, { now, eventCount: sim.eventCount });
  return (
    <p className="scene-caption" aria-live="polite" data-testid="scene-caption">
      {shown ? shown.text : <span className="muted">Captions follow the run: press play.</span>}
    </p>
  );
}

/** " · ▸▸ 12 s later" after the playback status (a live region) while a skip is fresh. */
export function SkipBadge() {
  const skipped = useLab((s) => s.skipped);
  if (!skipped) return null;
  return (
    <> · <span key={skipped.id} className="scene-skip" data-testid="scene-skip" title={`Nothing happened for ${formatDuration(skipped.ms)}, so playback jumped ahead`}>
      <span aria-hidden="true">▸▸ </span>{spanWords(skipped.ms)} later
    </span></>
  );
}
