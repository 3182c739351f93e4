import { AppError } from '../../lib/errors';

/** A wrong invocation: exits with code 2 and points at `--help`. */
export const usageError = (message: string) => new AppError('USAGE', message);
