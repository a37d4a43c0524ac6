// RabbitMQ topic matching: `*` exactly one word, `#` zero or more, dot-separated (possibly empty) words.
// The first table is RabbitMQ's own unit test (rabbit's topic exchange test: bindings t1..t26 and the
// keys each must reach); the second adds the edge cases a learner trips over.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { topicMatches } from '../../../src/engine/rabbit/topic.ts';

const bindings: Record<string, string> = {
  t1: 'a.b.c', t2: 'a.*.c', t3: 'a.#.b', t4: 'a.b.b.c', t5: '#', t6: '#.#', t7: '#.b', t8: '*.*', t9: 'a.*',
  t10: '*.b.c', t11: 'a.#', t12: 'a.#.#', t13: 'b.b.c', t14: 'a.b.b', t15: 'a.b', t16: 'b.c', t17: '',
  t18: '*.*.*', t19: 'vodka.martini', t20: 'a.b.c', t21: '*.#', t22: '#.*.#', t23: '*.#.#', t24: '#.#.#',
  t25: '*', t26: '#.b.#',
};
const expected: [string, string[]][] = [
  ['a.b.c', ['t1', 't2', 't5', 't6', 't10', 't11', 't12', 't18', 't20', 't21', 't22', 't23', 't24', 't26']],
  ['a.b', ['t3', 't5', 't6', 't7', 't8', 't9', 't11', 't12', 't15', 't21', 't22', 't23', 't24', 't26']],
  ['a.b.b', ['t3', 't5', 't6', 't7', 't11', 't12', 't14', 't18', 't21', 't22', 't23', 't24', 't26']],
  ['', ['t5', 't6', 't17', 't24']],
  ['b.c.c', ['t5', 't6', 't18', 't21', 't22', 't23', 't24', 't26']],
  ['a.a.a.a.a', ['t5', 't6', 't11', 't12', 't21', 't22', 't23', 't24']],
  ['vodka.gin', ['t5', 't6', 't8', 't21', 't22', 't23', 't24']],
  ['vodka.martini', ['t5', 't6', 't8', 't19', 't21', 't22', 't23', 't24']],
  ['b.b.c', ['t5', 't6', 't10', 't13', 't18', 't21', 't22', 't23', 't24', 't26']],
  ['nothing.here.at.all', ['t5', 't6', 't21', 't22', 't23', 't24']],
  ['oneword', ['t5', 't6', 't21', 't22', 't23', 't24', 't25']],
];

describe('topicMatches agrees with RabbitMQ', () => {
  for (const [key, hits] of expected) {
    it(`routing key '${key}' reaches exactly ${hits.join(',')}`, () => {
      const got = Object.keys(bindings).filter((t) => topicMatches(bindings[t]!, key));
      expect(got).toEqual(hits);
    });
  }

  // [pattern, key, matches]
  const edges: [string, string, boolean][] = [
    ['#', '', true], // only `#` matches everything, even the empty key
    ['#', 'a.b.c', true],
    ['*', '', false], // the empty key has no word for `*`
    ['*', 'a', true],
    ['*', 'a.b', false], // `*` is exactly one word
    ['', '', true],
    ['', 'a', false],
    ['a.*', 'a', false],
    ['a.*', 'a.b.c', false],
    ['a.#', 'a', true], // `#` takes zero words, and the dot before it goes with it
    ['#.a', 'a', true],
    ['a.#.b', 'a.b', true], // `#` in the middle, zero words
    ['a.#.b', 'a.x.y.b', true],
    ['a.#.b', 'a.x.y.c', false],
    ['#.#', '', true],
    ['#.#', 'a', true],
    ['#.*', '', false],
    ['#.*', 'a.b.c', true],
    ['a..b', 'a..b', true], // empty words are words
    ['a.*.b', 'a..b', true], // `*` matches an empty word
    ['a.b', 'a..b', false],
    ['a.#', 'a.', true], // trailing dot: words a and ''
    ['a.*', 'a.', true],
    ['a', 'a.', false],
    ['*.a', '.a', true], // leading dot: words '' and a
    ['#.a', '.a', true],
    ['a', '.a', false],
    ['*', '.', false], // '.' is two empty words
    ['*.*', '.', true],
    ['#', '.', true],
    ['stock.#', 'stock.usd.nyse', true],
    ['stock.*', 'stock.usd.nyse', false],
    ['*.orange.*', 'quick.orange.rabbit', true],
    ['*.*.rabbit', 'quick.orange.male.rabbit', false],
    ['lazy.#', 'lazy.orange.male.rabbit', true],
    ['a.b', 'A.b', false], // case-sensitive
    ['a*', 'ab', false], // wildcards only as whole words
    ['a#', 'a', false],
  ];
  for (const [pattern, key, want] of edges) {
    it(`'${pattern}' ${want ? 'matches' : 'does not match'} '${key}'`, () => {
      expect(topicMatches(pattern, key)).toBe(want);
    });
  }

  it('a pattern without wildcards matches only the identical key (as a direct exchange would)', () => {
    const word = fc.stringMatching(/^[a-c]{0,2}$/);
    const key = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join('.'));
    fc.assert(fc.property(key, key, (p, k) => topicMatches(p, k) === (p === k)));
  });

  it('agrees with a plain recursive reference (rabbit_exchange_type_topic:match_words) on random patterns and keys', () => {
    const words = (x: string) => (x === '' ? [] : x.split('.'));
    const ref = (p: string[], k: string[]): boolean => {
      if (p.length === 0) return k.length === 0;
      const [w, ...rest] = p as [string, ...string[]];
      if (w === '#') return ref(rest, k) || (k.length > 0 && ref(p, k.slice(1)));
      if (k.length === 0) return false;
      return (w === '*' || w === k[0]) && ref(rest, k.slice(1));
    };
    const pw = fc.constantFrom('a', 'b', '', '*', '#');
    const kw = fc.constantFrom('a', 'b', '');
    const text = (w: fc.Arbitrary<string>) => fc.array(w, { maxLength: 6 }).map((xs) => xs.join('.'));
    fc.assert(fc.property(text(pw), text(kw), (p, k) => topicMatches(p, k) === ref(words(p), words(k))), { numRuns: 3000 });
  });

  it('# matches every key, and a long chain of # stays fast', () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), (k) => topicMatches('#', k)));
    const pattern = Array.from({ length: 40 }, () => '#').join('.') + '.z';
    const keyText = Array.from({ length: 200 }, () => 'a').join('.');
    expect(topicMatches(pattern, keyText)).toBe(false);
    expect(topicMatches(pattern, `${keyText}.z`)).toBe(true);
  });
});
