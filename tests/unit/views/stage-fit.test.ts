// How the stage fits presenter and focus mode (fitStage): the pictures are magnified so the views' smallest
// type (about 9 px) is drawn at 18 px or more where the room allows, never laid out smaller than the size
// they are checked at beside the narration, and one picture shows when two do not fit.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitStage, STAGE_MAX_ZOOM, STAGE_MIN, STAGE_ZOOM } from '../../../src/views/stages.ts';

const base = { stageFirst: true, focus: false, pick: 'tech' as const, gap: 8, switchHeight: 0 };

describe('fitStage', () => {
  it('leaves the normal layout alone: both pictures, drawn at their size', () => {
    expect(fitStage({ ...base, stageFirst: false, view: 'split', width: 900, height: 400 })).toEqual({ pictures: ['town', 'tech'], zoom: 1, oneOfTwo: false });
    expect(fitStage({ ...base, stageFirst: false, view: 'town', width: 300, height: 200 })).toEqual({ pictures: ['town'], zoom: 1, oneOfTwo: false });
  });

  it('presenter at 1920x1080 keeps both pictures, each magnified to 18 px type', () => {
    // The stage under the caption strip and the playback bar: about 1904x740.
    const fit = fitStage({ ...base, view: 'split', width: 1904, height: 740 });
    expect(fit.pictures).toEqual(['town', 'tech']);
    expect(fit.zoom * 9).toBeGreaterThanOrEqual(18);
  });

  it('presenter at 1024x768 shows the picked one of the two, magnified to 18 px type', () => {
    const fit = fitStage({ ...base, view: 'split', width: 1006, height: 470, pick: 'town' });
    expect(fit).toMatchObject({ pictures: ['town'], oneOfTwo: true });
    expect(fit.zoom * 9).toBeGreaterThanOrEqual(18);
  });

  it('focus mode shows one picture even when two would fit', () => {
    expect(fitStage({ ...base, focus: true, view: 'split', width: 1904, height: 740 })).toMatchObject({ pictures: ['tech'], oneOfTwo: true });
    expect(fitStage({ ...base, focus: true, view: 'town', width: 1904, height: 740 })).toMatchObject({ pictures: ['town'], oneOfTwo: false });
  });

  it('takes the picture switch row off the height when the stage shows it', () => {
    const without = fitStage({ ...base, view: 'split', width: 1000, height: 480 });
    const withRow = fitStage({ ...base, view: 'split', width: 1000, height: 480, switchHeight: 32 });
    expect(withRow.zoom).toBeCloseTo(Math.min(without.zoom, (480 - 40) / STAGE_MIN.height), 5);
  });

  it('never lays a picture out smaller than STAGE_MIN unless the stage itself is smaller, and never zooms past the limit', () => {
    fc.assert(fc.property(
      fc.integer({ min: 200, max: 4000 }), fc.integer({ min: 150, max: 2500 }), fc.boolean(), fc.constantFrom('split', 'town', 'tech'),
      (width, height, focus, view) => {
        const fit = fitStage({ ...base, focus, view: view as 'split' | 'town' | 'tech', width, height });
        expect(fit.zoom).toBeGreaterThanOrEqual(1);
        expect(fit.zoom).toBeLessThanOrEqual(STAGE_MAX_ZOOM);
        const paneW = fit.pictures.length === 2 ? (width - 8) / 2 : width;
        if (fit.zoom > 1) {
          expect(paneW / fit.zoom).toBeGreaterThanOrEqual(STAGE_MIN.width - 1e-9);
          expect(height / fit.zoom).toBeGreaterThanOrEqual(STAGE_MIN.height - 1e-9);
        }
        // Two pictures only when each gets the full magnification.
        if (fit.pictures.length === 2) expect(fit.zoom).toBeGreaterThanOrEqual(STAGE_ZOOM);
        expect(fit.oneOfTwo).toBe(view === 'split' && fit.pictures.length === 1);
      }));
  });
});
