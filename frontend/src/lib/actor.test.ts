import { describe, expect, it } from 'vitest';
import { actorLabel, tokenSubject } from './actor';

const b64url = (s: string) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const token = (payload: object) => `${b64url('{"alg":"HS256"}')}.${b64url(JSON.stringify(payload))}.sig`;

describe('actor labels', () => {
  it('reads the user id from the token', () => {
    expect(tokenSubject(token({ sub: 'u-1', email: 'a@b.c' }))).toBe('u-1');
    expect(tokenSubject('garbage')).toBeNull();
    expect(tokenSubject(null)).toBeNull();
  });

  it('names the signed-in user "you" and reminders "Tasklog"', () => {
    expect(actorLabel('u-1', 'u-1')).toBe('you');
    expect(actorLabel('system', 'u-1')).toBe('Tasklog');
    expect(actorLabel('u-2', 'u-1')).toBe('u-2');
    expect(actorLabel(null, 'u-1')).toBeNull();
  });
});
