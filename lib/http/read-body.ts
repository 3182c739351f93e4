import { readBodyBytes } from './read-body-bytes';

/** Reads a request body up to `limit` bytes as UTF-8 text (see readBodyBytes for how the limit is enforced). */
export const readBody = async (request: Request, limit: number): Promise<string> => (await readBodyBytes(request, limit)).toString('utf8');
