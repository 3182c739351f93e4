import { noteFirstFailure } from './note-first-failure';

/**
 * Waits for writes started side by side in one transaction and returns their results in order. Started together,
 * each statement is sent as soon as it is built, so the database executes one while JavaScript builds the next.
 * Every write is waited for, even after one has failed, so that no statement is still running when the caller's
 * transaction rolls back; then the failure that says what went wrong is thrown (see noteFirstFailure).
 */
export const settleWrites = async <T extends readonly unknown[]>(writes: { [K in keyof T]: Promise<T[K]> }): Promise<T> => {
  const failures = noteFirstFailure();
  const results = await Promise.allSettled((writes as readonly Promise<unknown>[]).map(failures.watch));
  if (failures.failure) throw failures.failure.error;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
};
