// lesson.md -> Lesson. Front matter (YAML) between `---` lines; then an optional intro and ```lab setup```
// block; then steps, each starting at a `## ` heading, holding Markdown narration and optional ```lab```,
// ```predict``` and ```challenge``` blocks. Every mistake names the file, the line and what is wrong.
import { readFrontMatter } from './front-matter.ts';
import { rawHtml } from './markdown-lint.ts';
import { readChallenge, readLab, readPredict, readScene } from './blocks.ts';
import { LessonProblem, type Lesson, type LessonLoad, type LessonStep } from './types.ts';

/** Larger than any sensible lesson; protects the page from a runaway file. */
export const MAX_LESSON_CHARS = 200_000;
const SPECIAL = ['lab', 'lab setup', 'predict', 'challenge', 'scene'] as const;
type Special = (typeof SPECIAL)[number];
const FENCE = /^ {0,3}(`{3,}|~{3,})\s*(.*)$/;

interface Fence { kind: Special | null; marker: string; line: number; body: string[] }

export function parseLesson(source: string, file: string): LessonLoad {
  try {
    return { ok: true, lesson: parseOrThrow(source, file) };
  } catch (e) {
    if (e instanceof LessonProblem) return { ok: false, file, line: e.line, message: e.message };
    throw e;
  }
}

/** `file:line: message`, the one-line form used by the CLI and the error page. */
export const describeLoadError = (r: Extract<LessonLoad, { ok: false }>) => `${r.file}:${r.line}: ${r.message}`;

function parseOrThrow(source: string, file: string): Lesson {
  if (source.length > MAX_LESSON_CHARS) throw new LessonProblem(1, `the lesson is too long (${source.length} characters; at most ${MAX_LESSON_CHARS})`);
  const lines = source.replace(/^\uFEFF/, '').split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines[0]?.trim() !== '---') throw new LessonProblem(1, 'a lesson starts with front matter: a line `---`, then id, chapter, title, ... and another `---`');
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) throw new LessonProblem(1, 'the front matter opened on line 1 is never closed: add a line `---` after it');
  const meta = readFrontMatter(lines.slice(1, end).join('\n'), 2, file);

  const intro: string[] = [];
  let setup: string[] | null = null;
  const steps: LessonStep[] = [];
  const blockLines: Record<string, number> = {};
  let step: (LessonStep & { text: string[] }) | null = null;
  let fence: Fence | null = null;

  const closeFence = (f: Fence) => {
    const body = f.body.join('\n');
    const first = f.line + 1;
    if (f.kind === null) return;
    if (f.kind === 'lab setup') {
      if (step) throw new LessonProblem(f.line, 'a ```lab setup``` block belongs before the first step (`## ` heading); inside a step use ```lab```');
      if (setup) throw new LessonProblem(f.line, `the lesson already has a \`\`\`lab setup\`\`\` block (line ${blockLines.setup}); put every setup line in one block`);
      blockLines.setup = f.line;
      setup = readLab(body, first, file);
      return;
    }
    if (!step) {
      throw new LessonProblem(f.line, f.kind === 'lab'
        ? 'a ```lab``` block before the first step: use ```lab setup``` for lines every step needs, or start a step with `## `'
        : `a \`\`\`${f.kind}\`\`\` block before the first step: start a step with a \`## \` heading first`);
    }
    const key = `${steps.length}:${f.kind}`;
    if (blockLines[key] !== undefined) throw new LessonProblem(f.line, `this step already has a \`\`\`${f.kind}\`\`\` block (line ${blockLines[key]}); a step has at most one`);
    blockLines[key] = f.line;
    if (f.kind === 'lab') step.lab = readLab(body, first, file);
    else if (f.kind === 'predict') step.predict = readPredict(body, first);
    else if (f.kind === 'scene') step.scene = readScene(body, first);
    else step.challenge = readChallenge(body, first);
  };

  const finishStep = () => {
    if (!step) return;
    const { text, ...rest } = step;
    const narration = trimBlank(text).join('\n');
    if (narration === '') throw new LessonProblem(step.line, `step '${step.title}' has no narration: say what the learner should do and watch`);
    steps.push({ ...rest, narration });
  };

  lines.slice(end + 1).forEach((raw, k) => {
    const lineNo = end + 2 + k;
    if (fence) {
      const close = FENCE.exec(raw);
      if (close && close[2]!.trim() === '' && close[1]![0] === fence.marker[0] && close[1]!.length >= fence.marker.length) {
        if (fence.kind === null) (step ? step.text : intro).push(raw);
        closeFence(fence);
        fence = null;
      } else if (fence.kind === null) (step ? step.text : intro).push(raw);
      else if (/^## /.test(raw)) {
        // A step heading inside a lab/predict/challenge block: its closing fence was forgotten.
        throw new LessonProblem(fence.line, `the \`\`\`${fence.kind} block opened here is not closed before the step heading on line ${lineNo}: add a line ${fence.marker}`);
      } else fence.body.push(raw);
      return;
    }
    const open = FENCE.exec(raw);
    if (open) {
      const info = open[2]!.trim().replace(/\s+/g, ' ');
      const kind = specialKind(info, lineNo);
      fence = { kind, marker: open[1]!, line: lineNo, body: [] };
      if (kind === null) (step ? step.text : intro).push(raw);
      return;
    }
    const heading = /^##(?!#)(.*)$/.exec(raw);
    if (heading) {
      const title = heading[1]!.trim();
      if (title === '' || !heading[1]!.startsWith(' ')) throw new LessonProblem(lineNo, 'a step heading is `## ` followed by the step\'s title');
      finishStep();
      step = { title, narration: '', lab: [], line: lineNo, text: [] };
      return;
    }
    const html = rawHtml(raw);
    if (html) throw new LessonProblem(lineNo, `raw HTML (${html}) is never shown in lessons; write Markdown instead`);
    (step ? step.text : intro).push(raw);
  });
  if (fence) {
    const f = fence as Fence;
    throw new LessonProblem(f.line, `the ${f.kind ? `\`\`\`${f.kind}\`\`\`` : 'code'} block opened here is never closed: add a line ${f.marker}`);
  }
  finishStep();
  if (steps.length === 0) throw new LessonProblem(lines.length, 'the lesson has no steps: start each step with a `## ` heading');
  return { meta, intro: trimBlank(intro).join('\n'), setup: setup ?? [], steps, file };
}

function specialKind(info: string, line: number): Special | null {
  if ((SPECIAL as readonly string[]).includes(info)) return info as Special;
  const first = info.split(' ')[0]!;
  if ((SPECIAL as readonly string[]).includes(first)) {
    throw new LessonProblem(line, `unknown block '\`\`\`${info}': use \`\`\`lab, \`\`\`lab setup, \`\`\`predict, \`\`\`challenge or \`\`\`scene`);
  }
  return null;
}

function trimBlank(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.trim() === '') a++;
  while (b > a && lines[b - 1]!.trim() === '') b--;
  return lines.slice(a, b);
}
