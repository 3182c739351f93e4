/** SQLSTATE 25P02: a statement sent after another failed in the same transaction. */
const IN_FAILED_TRANSACTION = '25P02';

const codeOf = (error: unknown): unknown => {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: unknown };
  return code ?? (cause ? codeOf(cause) : undefined);
};

/**
 * Watches writes running side by side in one transaction and keeps the failure that says what went wrong. Once a
 * statement fails, every statement after it fails too, saying only that the transaction is aborted, and those
 * echoes can reach their callers first; the cause is the first failure that is not one.
 */
export const noteFirstFailure = () => {
  let cause: { error: unknown } | null = null;
  let echo: { error: unknown } | null = null;
  return {
    /** Watches a write; its failure still reaches whoever awaits it. */
    watch: <T>(write: Promise<T>) => {
      write.catch((error: unknown) => {
        if (codeOf(error) === IN_FAILED_TRANSACTION) echo ??= { error };
        else cause ??= { error };
      });
      return write;
    },
    /** The failure to report, if any write failed. */
    get failure() {
      return cause ?? echo;
    },
  };
};
