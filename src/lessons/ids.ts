// A lesson's id and the folder it sits in: shared by the parser, progress, share links and the catalog, and
// kept free of the parser's imports (the engine) so the home page can use them.
export const LESSON_ID = /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The folder a lesson file sits in (`lessons/01-events-vs-commands/lesson.md` -> `01-events-vs-commands`). */
export function folderOf(file: string): string | undefined {
  const parts = file.replace(/\\/g, '/').split('/');
  return parts.length >= 2 && parts[parts.length - 1] === 'lesson.md' ? parts[parts.length - 2] : undefined;
}
