// The one message of the hash ring: a node hands the keys that now belong to another node over to it
// (Cassandra streams a token range's data to its new owner when a node joins or is decommissioned).
export interface Handoff {
  readonly type: 'Handoff';
  readonly keys: number;
  /** The first few keys handed over, for the trace and the inspector. */
  readonly sample: string;
}

export const formatHandoff = (m: Handoff): string => `Handoff ${m.keys} key${m.keys === 1 ? '' : 's'} (${m.sample})`;
