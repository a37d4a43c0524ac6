// How the stage fits presenter and focus mode (fitStage): the pictures are magnified so the views' smallest
// type (about 9 px) is drawn at 18 px or more where the room allows, never laid out smaller than the size
// they are checked at beside the narration, and one picture shows when two do not fit.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitStage, STAGE_DRAWN_TYPE, STAGE_MAX_ZOOM, STAGE_MIN, STAGE_TYPE, STAGE_ZOOM } from '../../../src/views/stages.ts';

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

  it('never lays a picture out smaller than STAGE_MIN (scaled by its smallest type) unless the stage itself is smaller, and never zooms past the limit', () => {
    fc.assert(fc.property(
      fc.integer({ min: 200, max: 4000 }), fc.integer({ min: 150, max: 2500 }), fc.boolean(), fc.constantFrom('split', 'town', 'tech'),
      fc.constantFrom(undefined, 9, 10, 11, 12),
      (width, height, focus, view, smallestType) => {
        const fit = fitStage({ ...base, focus, view: view as 'split' | 'town' | 'tech', width, height, smallestType });
        const type = smallestType ?? STAGE_TYPE;
        expect(fit.zoom).toBeGreaterThanOrEqual(1);
        expect(fit.zoom).toBeLessThanOrEqual(STAGE_MAX_ZOOM);
        const paneW = fit.pictures.length === 2 ? (width - 8) / 2 : width;
        if (fit.zoom > 1) {
          expect(paneW / fit.zoom).toBeGreaterThanOrEqual((STAGE_MIN.width * type) / STAGE_TYPE - 1e-9);
          expect(height / fit.zoom).toBeGreaterThanOrEqual((STAGE_MIN.height * type) / STAGE_TYPE - 1e-9);
        }
        // Two pictures only when each gets the magnification that draws its smallest type at 18 px.
        if (fit.pictures.length === 2) expect(fit.zoom * type).toBeGreaterThanOrEqual(STAGE_DRAWN_TYPE - 1e-9);
        if (fit.pictures.length === 2 && type === STAGE_TYPE) expect(fit.zoom).toBeGreaterThanOrEqual(STAGE_ZOOM);
        expect(fit.oneOfTwo).toBe(view === 'split' && fit.pictures.length === 1);
      }));
  });

  it('gives pictures whose small print is 11 px (the queues) more room at the same drawn size: lesson 04 at 1024x768', () => {
    // The stage under the caption strip at presenter 1024x768, the technical picture alone: about 1006x478.
    const nine = fitStage({ ...base, view: 'tech', width: 1006, height: 478 });
    const eleven = fitStage({ ...base, view: 'tech', width: 1006, height: 478, smallestType: 11 });
    expect(fitStage({ ...base, view: 'tech', width: 1006, height: 478, smallestType: 9 })).toEqual(nine);
    expect(eleven.zoom).toBeLessThan(nine.zoom);
    expect(eleven.zoom * 11).toBeGreaterThanOrEqual(18);
    // Laid out about a quarter larger each way than a 9 px picture: room for the three rule books' sections.
    expect(478 / eleven.zoom).toBeGreaterThan((478 / nine.zoom) * 1.2);
    expect(1006 / eleven.zoom).toBeGreaterThan((1006 / nine.zoom) * 1.2);
  });

  it('shows two 11 px pictures side by side where two 9 px ones fit (the same drawn room), each laid out larger', () => {
    // 1920x1080 presenter: each half about 948x740.
    const nine = fitStage({ ...base, view: 'split', width: 1904, height: 740 });
    const eleven = fitStage({ ...base, view: 'split', width: 1904, height: 740, smallestType: 11 });
    expect(eleven.pictures).toEqual(['town', 'tech']);
    expect(eleven.zoom).toBeLessThan(nine.zoom);
    expect(eleven.zoom * 11).toBeGreaterThanOrEqual(18);
    for (const width of [1700, 1760, 1770, 1800]) {
      const split = { ...base, view: 'split' as const, width, height: 740 };
      expect(fitStage({ ...split, smallestType: 11 }).oneOfTwo).toBe(fitStage(split).oneOfTwo);
    }
  });
});
