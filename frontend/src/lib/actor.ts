/** The user id (JWT `sub`) of an access token, or null when it cannot be read. */
export function tokenSubject(token: string | null | undefined): string | null {
  if (!token) return null;
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const sub = (JSON.parse(json) as { sub?: unknown }).sub;
    return typeof sub === 'string' ? sub : null;
  } catch {
    return null;
  }
}

/** How the history names who acted: "you" for the signed-in user, "Tasklog" for reminders. */
export function actorLabel(actor: string | null, ownUserId: string | null): string | null {
  if (!actor) return null;
  if (actor === 'system') return 'Tasklog';
  if (ownUserId && actor === ownUserId) return 'you';
  return actor;
}
