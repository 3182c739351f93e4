import type { Presence } from './demo-organization';

/** Whether a standard is in place on `day` of the period. */
export const isPresent = (presence: Presence, day: number) => presence === true || (typeof presence === 'number' && day >= presence);
