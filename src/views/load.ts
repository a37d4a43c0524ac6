// Where the systems' views come from: every `src/views/<folder>/index.ts` whose default export is a
// `defineSystemViews(...)`. The folder is named after its system (raft/, kafka/, town/); a family drawn
// in one pane lives in one folder (queues/: sqs, rabbit, pubsub, stream), listed in FAMILY_FOLDER.
//
// The glob below is the one place that decides eager or lazy loading. Lazy (today): each folder is a chunk
// of its own, `loadSystemViews(systems)` imports just those systems' folders (a lesson page asks for its
// front matter's systems before it shows, app/App.tsx; the stage for any other system a run starts), and
// the stage (which subscribes to the registry) redraws when they arrive. Eager (`eager: true`): every folder
// is in the page's script and registered when this module loads.
import { registerSystemViews, viewsOf, type SystemViews } from './registry.ts';

type ViewsModule = { default?: unknown };
type Entry = ViewsModule | (() => Promise<ViewsModule>);

const FOLDERS: Record<string, Entry> = import.meta.glob<ViewsModule>('./*/index.ts');

/** Systems whose views live in a family folder rather than a folder of their own name. */
const FAMILY_FOLDER: Readonly<Record<string, string>> = { sqs: 'queues', rabbit: 'queues', pubsub: 'queues', stream: 'queues' };

export const folderOf = (sys: string) => FAMILY_FOLDER[sys] ?? sys;

const isSystemViews = (v: unknown): v is SystemViews =>
  typeof v === 'object' && v !== null && 'sys' in v && 'stage' in v && 'inspect' in v && 'summary' in v;

const loaded = new Map<string, Promise<void>>();

function loadFolder(folder: string): Promise<void> {
  const entry = FOLDERS[`./${folder}/index.ts`];
  if (!entry) return Promise.resolve();
  let p = loaded.get(folder);
  if (!p) {
    p = (typeof entry === 'function' ? entry() : Promise.resolve(entry)).then((m) => {
      if (isSystemViews(m.default)) registerSystemViews(m.default);
    });
    loaded.set(folder, p);
  }
  return p;
}

/** Loads and registers the views of these systems (those not registered yet); resolves when all are. */
export function loadSystemViews(systems: readonly string[]): Promise<void> {
  const missing = [...new Set(systems.filter((s) => !viewsOf(s)).map(folderOf))];
  return Promise.all(missing.map(loadFolder)).then(() => undefined);
}

/** Every folder's views (the sandbox, where any system may be used; the tests). */
export function loadAllSystemViews(): Promise<void> {
  return Promise.all(Object.keys(FOLDERS).map((k) => loadFolder(k.slice(2, -'/index.ts'.length)))).then(() => undefined);
}

// Eager entries are already in the script: register them now, so the first render has them.
for (const [key, entry] of Object.entries(FOLDERS)) {
  if (typeof entry !== 'function' && isSystemViews(entry.default)) {
    registerSystemViews(entry.default);
    loaded.set(key.slice(2, -'/index.ts'.length), Promise.resolve());
  }
}
