// `name` or `name(arg, arg)`: how conditions name a value a system exposes.
export function parseQueryCall(expr: string): { name: string; args: string[] } {
  const m = /^\s*([A-Za-z_][\w.-]*)\s*(?:\((.*)\))?\s*$/.exec(expr);
  if (!m) throw new Error(`not a query: '${expr}'`);
  const inner = m[2]?.trim();
  return { name: m[1]!, args: inner ? inner.split(',').map((a) => a.trim()) : [] };
}
