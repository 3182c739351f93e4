import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Checks `X-Gitlab-Token`, the secret token GitLab sends as is with every delivery. Both sides are hashed first, so
 * the comparison takes the same time whatever the received value's length or content.
 */
export const verifyGitlabToken = (secret: string, header: string | null | undefined): boolean =>
  typeof header === 'string' && header.length > 0 && timingSafeEqual(digest(secret), digest(header));
