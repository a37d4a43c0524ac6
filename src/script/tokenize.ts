// Splits one scenario line into a command name and `key=value` words, keeping columns for error messages.
export interface Word {
  /** 1-based column where the word starts. */
  col: number;
  key?: string;
  value: string;
  /** Column of the value (after `key=`), for pointing at a bad value. */
  valueCol: number;
}

export class SyntaxProblem extends Error {
  constructor(message: string, readonly col: number) {
    super(message);
  }
}

/** Strips a `#` comment that is not inside quotes. */
export function stripComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === '#' && !quoted) return line.slice(0, i);
  }
  return line;
}

export function tokenize(line: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === ' ' || line[i] === '\t') { i++; continue; }
    const start = i;
    let key: string | undefined;
    let value = '';
    let valueCol = start + 1;
    const eq = /^[A-Za-z][\w.-]*=/.exec(line.slice(i));
    if (eq) {
      key = eq[0].slice(0, -1);
      i += eq[0].length;
      valueCol = i + 1;
    }
    if (line[i] === '"') {
      const close = line.indexOf('"', i + 1);
      if (close < 0) throw new SyntaxProblem('unterminated quoted value: add the closing "', i + 1);
      value = line.slice(i + 1, close);
      i = close + 1;
    } else {
      while (i < line.length && line[i] !== ' ' && line[i] !== '\t') value += line[i++];
    }
    words.push(key === undefined ? { col: start + 1, value, valueCol } : { col: start + 1, key, value, valueCol });
  }
  return words;
}
