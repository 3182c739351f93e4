/**
 * The environment every git call runs with: no prompts (a repository must never wait for a password), messages in
 * English so errors can be recognised, and no pager. The user's own config is kept (safe.directory lives there).
 */
export const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_TERMINAL_PROMPT: '0',
  GIT_PAGER: 'cat',
  LC_ALL: 'C',
  LANG: 'C',
};

// Config that would change what plumbing-like commands print.
export const GIT_CONFIG_ARGS = ['-c', 'log.showSignature=false', '-c', 'core.quotePath=false', '-c', 'color.ui=never'];
