/** One record as read from a file or request: where it was (`line 12`, `index 3`) and its parsed value. */
export type EventInput = { position: string; value?: unknown; parseError?: string };
