// Play/pause, one event forward or back, reset, speed on a log scale (1/100x..100x) and the timeline;
// above them the step's caption for the moment (src/views/scene); the status says when a quiet stretch was skipped.
import { labStore, useLab, MIN_SPEED, MAX_SPEED } from '../../store/lab-store.ts';
import { Icon } from './Icon.tsx';
import { Timeline } from './Timeline.tsx';
import { formatSpeed, formatTime } from './format.ts';
import { SceneCaptionLine, SkipBadge } from '../scene/SceneCaption.tsx';

const LOG_MIN = Math.log10(MIN_SPEED);
const LOG_MAX = Math.log10(MAX_SPEED);

export function PlaybackBar({ onReset }: { onReset: () => void }) {
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  const now = useLab((s) => s.now);
  const version = useLab((s) => s.version);
  const sim = useLab((s) => s.session.sim);
  const st = labStore.getState();
  void version;
  const next = sim.nextEventTime();
  const idle = next === null && now >= sim.horizon;
  const violations = sim.violations();
  const lastViolation = violations[violations.length - 1];

  return (
    <section className="playback" aria-label="Playback">
      <SceneCaptionLine />
      <div className="playback-row">
        <div className="playback-buttons">
          <button type="button" className="btn icon-btn" onClick={onReset} aria-label="Reset this step" title="Reset this step">
            <Icon name="reset" />
          </button>
          <button type="button" className="btn icon-btn" onClick={() => st.backN()} aria-label="Step back one event" title="Step back one event (←)" disabled={sim.eventCount === 0}>
            <Icon name="stepBack" />
          </button>
          <button type="button" className="btn icon-btn play-btn" onClick={() => st.togglePlay()} aria-label={playing ? 'Pause' : 'Play'} aria-pressed={playing} title={playing ? 'Pause (space)' : 'Play (space)'} data-testid="play">
            <Icon name={playing ? 'pause' : 'play'} />
          </button>
          <button type="button" className="btn icon-btn" onClick={() => st.stepN()} aria-label="Step forward one event" title="Step forward one event (→)" disabled={idle}>
            <Icon name="stepForward" />
          </button>
        </div>
        <output className="clock" aria-live="off" data-testid="clock">
          <span className="clock-label">t =</span> {formatTime(now)}
        </output>
        <span className="playback-status" aria-live="polite">
          {playing ? <>playing<SkipBadge /></> : idle ? 'paused · nothing left to happen' : next !== null ? `paused · next event at ${formatTime(next)}` : 'paused'}
        </span>
        <label className="speed">
          <span>Speed</span>
          <input
            type="range" min={LOG_MIN} max={LOG_MAX} step={0.1} value={Math.log10(speed)}
            aria-valuetext={formatSpeed(speed)}
            onChange={(e) => st.setSpeed(10 ** Number(e.target.value))}
          />
          <output className="speed-value">{formatSpeed(speed)}</output>
        </label>
      </div>
      <Timeline />
      {lastViolation ? (
        <button type="button" className="violation-banner" onClick={() => { st.jumpTo(lastViolation.t); st.select({ kind: 'trace', id: lastViolation.i }); }}>
          <span className="violation-icon" aria-hidden="true"><span>!</span></span>
          <strong>Invariant broken{violations.length > 1 ? ` (${violations.length})` : ''}:</strong> {lastViolation.text} <span className="muted">at {formatTime(lastViolation.t)}</span>
        </button>
      ) : null}
    </section>
  );
}
