import type { Api } from '../lib/api';
import type { Session } from '../lib/session';
import type { StreamStatus } from '../lib/sse';
import type { Notification } from '../lib/types';
import { NotificationBell } from './NotificationBell';

/** The bar above the list: the live-stream indicator, the notification bell, who is logged in. */
export function TopBar({
  api,
  session,
  live,
  unread,
  setUnread,
  incoming,
  onOpenTask,
  onLogout,
}: {
  api: Api;
  session: Session;
  live: StreamStatus;
  unread: number;
  setUnread: (n: number | ((n: number) => number)) => void;
  incoming: Notification | null;
  onOpenTask: (id: string) => void;
  onLogout: () => void;
}) {
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">✓</span> Tasklog
      </div>
      <div className="topbar-right">
        <span className={`live live-${live}`} data-testid="live-indicator" data-status={live} title={liveLabel(live)} role="status" aria-label={liveLabel(live)}>
          <span className="live-dot" aria-hidden="true" />
          <span className="live-text">{live === 'open' ? 'Live' : live === 'closed' ? 'Offline' : 'Connecting'}</span>
        </span>
        <NotificationBell api={api} unread={unread} setUnread={setUnread} incoming={incoming} onOpenTask={onOpenTask} />
        <span className="user" title={session.email}>{session.email}</span>
        <button type="button" className="btn ghost" onClick={() => onLogout()} data-testid="logout">
          Log out
        </button>
      </div>
    </header>
  );
}

function liveLabel(s: StreamStatus): string {
  switch (s) {
    case 'open':
      return 'Live updates connected';
    case 'reconnecting':
      return 'Live updates interrupted, reconnecting';
    case 'closed':
      return 'Live updates off';
    default:
      return 'Connecting to live updates';
  }
}
