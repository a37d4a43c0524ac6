// The fallback pictures for a system without views of its own: every node of the systems they are given,
// named and stated in words, with the lines its system's summary gives (here Raft's, through the registry).
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { labStore } from '../../../src/store/lab-store.ts';
import { loadAllSystemViews } from '../../../src/views/load.ts';
import { GenericTech, GenericTown } from '../../../src/views/generic/index.ts';

await loadAllSystemViews();

describe('the generic pictures', () => {
  it('draw each node of the systems given, with its summary lines, and no other system’s nodes', () => {
    const { exec } = labStore.getState();
    for (const l of ['service name=app', 'raft.start servers=3', 'run until="raft.leader != none" max=5s', 'crash node=n1']) {
      expect(exec(l).error, l).toBeUndefined();
    }
    for (const View of [GenericTown, GenericTech]) {
      const html = renderToStaticMarkup(createElement(View, { systems: ['raft'] }));
      for (const id of ['n1', 'n2', 'n3']) expect(html).toContain(`aria-label="${id} (raft)`);
      expect(html).toContain('n1 (raft), crashed');
      expect(html).toMatch(/leader · term \d+/);
      expect(html).not.toContain('app (town)');
      expect(html).toContain('3 nodes');
    }
  });
});
