import { createHash, randomBytes } from 'node:crypto';

// wmk_<id>_<secret>: the id finds the row, the secret proves possession; only sha256(secret) is stored.
const TOKEN = /^wmk_([a-f0-9]{12})_([A-Za-z0-9_-]{43})$/;

export const generateToken = () => {
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, token: `wmk_${id}_${secret}` };
};

export const parseToken = (token: string) => {
  const match = TOKEN.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : null;
};

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
