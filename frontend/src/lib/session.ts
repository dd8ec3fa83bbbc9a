export interface Session {
  token: string;
  expiresAt: string | null;
  email: string;
}

const KEY = 'tasklog.session';

export function loadSession(storage: Storage | undefined = globalThis.localStorage): Session | null {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    if (!s?.token) return null;
    if (s.expiresAt && new Date(s.expiresAt).getTime() <= Date.now()) {
      storage?.removeItem(KEY);
      return null;
    }
    return s;
  } catch {
    return null;
  }
}

export function saveSession(s: Session | null, storage: Storage | undefined = globalThis.localStorage) {
  try {
    if (s) storage?.setItem(KEY, JSON.stringify(s));
    else storage?.removeItem(KEY);
  } catch {
    /* storage unavailable (private mode): session lasts until reload */
  }
}
