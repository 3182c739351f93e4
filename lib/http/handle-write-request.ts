import { describeActor, describeRole, type Principal } from '../auth/roles';
import { recordAudit, type AuditEntry } from '../audit/record-audit';
import { getConfig } from '../config/load-config';
import { getDb, type Db } from '../db/client';
import { withSpan } from '../observability/trace';
import { authorizeWrite, type WriteAccess } from './authorize-request';
import { errorResponse, jsonResponse } from './json-response';
import { readBody } from './read-body';

type AuditNote = Pick<AuditEntry, 'target' | 'detail'> & { action?: string };

export type WriteContext = {
  db: Db;
  /** Who is writing: a token, a signed-in user or the local user. */
  caller: Principal;
  /** The caller's name for records (created_by, reported_by): the token's name, the user's e-mail, or `local`. */
  actor: string;
  /** The request body as text, refused with 413 past server.maxBodyBytes. */
  readBody: () => Promise<string>;
  /** What the audit row of this write says it touched (it is written once the write succeeded). */
  audit: (note: AuditNote) => void;
};

export type WriteOptions = { status?: number; access: WriteAccess };

// `waymark serve` sets this from the socket (and drops any that came with the request).
export const PEER_ADDRESS_HEADER = 'x-waymark-peer';

/**
 * What every write endpoint does around its one lib call: a span, 401/403 unless the caller has the role or token
 * scope the endpoint declares (before the body is read, so nothing is stored), CSRF for cookie callers, the
 * size-limited body, errors as JSON, and one audit row for every write that succeeded.
 */
export const handleWriteRequest = (request: Request, name: string, answer: (context: WriteContext) => Promise<unknown>, { status = 200, access }: WriteOptions) =>
  withSpan(`http ${request.method} ${name}`, {}, async () => {
    try {
      const db = await getDb();
      const config = getConfig();
      const caller = await authorizeWrite(db, config, request, access);
      if (caller instanceof Response) return caller;
      let note: AuditNote = {};
      const actor = describeActor(caller);
      const result = await answer({ db, caller, actor, readBody: () => readBody(request, config.server.maxBodyBytes), audit: (given) => (note = given) });
      const response = result instanceof Response ? result : jsonResponse(result, status);
      if (response.status < 400) {
        const address = request.headers.get(PEER_ADDRESS_HEADER);
        await recordAudit(db, { actor, actorRole: describeRole(caller), action: note.action ?? `${request.method} ${name}`, target: note.target, detail: note.detail, address });
      }
      return response;
    } catch (error) {
      return errorResponse(error);
    }
  });
