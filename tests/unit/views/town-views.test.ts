// The town board's two pictures and the generic ones, rendered without a browser: one model for both
// panes, and messages in flight a learner can reach from the keyboard and drop (the `drop` command), as
// in the consensus pictures. The browser half (Tab, Delete, the menu) is tests/e2e/town-flights.spec.ts.
import { describe, expect, it } from 'vitest';
import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { labStore } from '../../../src/store/lab-store.ts';
import { pictureAt } from '../../../src/views/kit/picture.ts';
import { NO_TOWN, townPicture } from '../../../src/views/town/model.ts';
import { TownView } from '../../../src/views/town/TownView.tsx';
import { TownTech } from '../../../src/views/town/TownTech.tsx';
import { GenericTech, GenericTown } from '../../../src/views/generic/index.ts';

// A server render reads the store's first session, so the tests continue one run (in order) with exec.
const exec = (line: string) => expect(labStore.getState().exec(line).error, line).toBeUndefined();
const sim = () => labStore.getState().session.sim;
const draw = (View: FunctionComponent<{ className?: string; systems?: readonly string[] }>, systems?: readonly string[]) =>
  renderToStaticMarkup(createElement(View, systems ? { systems } : {}));
/** The flights that are the picture's one tab stop. */
const tabStops = (html: string) => html.match(/<g data-key="[^"]*" class="tb-flight[^"]*" role="button" aria-label="[^"]*" tabindex="0"/g) ?? [];

// Lesson 00's first step up to the moment the board's reply and its notice are on the way.
const SCENE = ['service name=bakery work=20ms', 'service name=grocery work=30ms', 'subscribe service=grocery topic=FlourNeeded',
  'publish from=bakery topic=FlourNeeded', 'run for=15ms'];

describe('the town board’s pictures', () => {
  it('share one model per state of the run; a run without the board draws the empty square', () => {
    expect(pictureAt('town', townPicture, sim(), labStore.getState().version)).toBeNull();
    expect(NO_TOWN.nodes).toEqual([]);
    expect(draw(TownView)).toContain('The town is empty');
    for (const line of SCENE) exec(line);
    const v = labStore.getState().version;
    const model = pictureAt('town', townPicture, sim(), v);
    expect(model?.nodes.map((n) => n.id)).toEqual(['bakery', 'grocery']);
    expect(model?.board?.id).toBe('board');
    expect(pictureAt('town', townPicture, sim(), v)).toBe(model);
  });

  it('messages in flight are one tab stop in each picture, say how to act on them, and cross out once dropped by hand', () => {
    const flying = sim().inFlight();
    expect(flying.map((f) => f.msg.type)).toEqual(['Pinned', 'Notice']);
    for (const View of [TownView, TownTech]) {
      const html = draw(View);
      expect(tabStops(html)).toHaveLength(1);
      expect(html).toContain('2 messages in flight: arrow keys move between them, Enter opens a message&#x27;s menu, Delete drops it');
      expect(html).toContain(`aria-label="message #${flying[0]!.msgId}, board to bakery: Pinned`);
      expect(html).toMatch(/board to grocery: Notice[^"]*\. Enter for its menu, Delete drops it\."/);
    }
    exec(`drop msg=${flying[0]!.msgId}`);
    for (const View of [TownView, TownTech]) {
      expect(draw(View)).toMatch(new RegExp(`aria-label="message #${flying[0]!.msgId}, board to bakery: [^"]*It will be lost on arrival\\."`));
    }
  });
});

describe('the generic pictures’ messages in flight', () => {
  it('are reachable and droppable as the town board’s are', () => {
    for (const line of ['run for=100ms', 'raft.start servers=3', 'raft.timeout node=n1', 'run for=5ms']) exec(line);
    for (const View of [GenericTown, GenericTech]) {
      const html = draw(View, ['raft']);
      expect(tabStops(html)).toHaveLength(1);
      expect(html).toMatch(/aria-label="message #\d+, n1 to n\d: RequestVote, sent at \d+ms, arrives at \d+ms\. Enter for its menu, Delete drops it\."/);
    }
  });
});
