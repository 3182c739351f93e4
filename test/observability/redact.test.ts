import { describe, expect, it } from 'vitest';
import { redactText } from '../../lib/observability/redact';

describe('redactText', () => {
  it('removes webhook signing secrets (whsec_…) and leaves other text alone', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    expect(redactText(`incident.io secret ${secret} refused`)).toBe('incident.io secret [redacted] refused');
    expect(redactText('whsec_ is the prefix')).toBe('whsec_ is the prefix');
  });
});
