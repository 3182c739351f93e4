import { AppError } from '../errors';

/**
 * Reads a request body up to `limit` bytes, as the bytes that came (a signature is computed over them). A declared
 * Content-Length over the limit is refused before reading; an undeclared one is cut off as soon as it passes the
 * limit, so an oversize body is never held in memory.
 */
export const readBodyBytes = async (request: Request, limit: number): Promise<Buffer> => {
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${limit} bytes (server.maxBodyBytes)`);
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
};
