// RabbitMQ topic-exchange matching. A routing key and a binding pattern are lists of words separated by
// dots; words may be empty ("a..b" is a, "", b; "a." is a, ""), but the empty string is zero words, not
// one empty word (split_topic_key in rabbit_exchange_type_topic.erl). In a pattern `*` matches exactly
// one word and `#` zero or more, so "a.#" matches "a", "#.a" matches "a", "a.#.b" matches "a.b", and
// "*" does not match "" while "#" does. The table in tests/unit/rabbit/topic.test.ts is RabbitMQ's own.

const split = (s: string): string[] => (s === '' ? [] : s.split('.'));

/** True when a message published with `routingKey` is routed through a binding with `bindingPattern`. */
export function topicMatches(bindingPattern: string, routingKey: string): boolean {
  const pattern = split(bindingPattern);
  const key = split(routingKey);
  // matched[i][j]: pattern words from i on match key words from j on. Filled back to front, so each
  // (i, j) is decided once: linear in |pattern| x |key| even for patterns like "#.#.#.#".
  const cols = key.length + 1;
  const matched: boolean[] = new Array<boolean>((pattern.length + 1) * cols).fill(false);
  const at = (i: number, j: number) => matched[i * cols + j]!;
  matched[pattern.length * cols + key.length] = true; // both used up
  for (let i = pattern.length - 1; i >= 0; i--) {
    const word = pattern[i]!;
    for (let j = key.length; j >= 0; j--) {
      let ok: boolean;
      if (word === '#') ok = at(i + 1, j) || (j < key.length && at(i, j + 1)); // zero words, or one more
      else if (j === key.length) ok = false; // a literal or `*` needs a word
      else if (word === '*') ok = at(i + 1, j + 1);
      else ok = word === key[j] && at(i + 1, j + 1);
      matched[i * cols + j] = ok;
    }
  }
  return at(0, 0);
}
