// Unsent edits kept in browser storage, so closing or reloading the page while offline (or before the server
// confirmed) loses nothing (docs/collaboration.md, "Edits that outlive the page").
//
// Each tab writes one entry per script under its own client id: the version its unconfirmed updates are based on and
// the updates themselves, removed once the server has confirmed them all. The entry is rewritten at most every
// `saveDelayMs` while they change (serialising the whole backlog per keystroke would cost a long offline session
// more with every key), and at once when the page is hidden or goes away (`pagehide`, `visibilitychange`), which is
// the last moment a closing tab reliably runs code. A tab
// that opens the script later takes over the entries of tabs that are gone and pushes them under their original
// client id, so the server's and the client's de-duplication by client id (`rebaseUpdates`) skips whatever of them
// did reach the server. A live tab holds a Web Lock named after its client id; without Web Locks (an insecure
// context), a heartbeat in the entry tells a live tab from a gone one.
import { ChangeSet } from '@codemirror/state';
import { rebaseUpdates } from '@codemirror/collab';

const prefix = 'screenplay:unsent:';
const heartbeatMs = 5000;
const goneAfterMs = 20000; // without Web Locks: an entry whose tab has not beaten for this long is orphaned
const defaultSaveDelayMs = 400;

export class UnsentStore {
  /**
   * @param {{ storage: Storage, locks?: LockManager | null, scriptId: string, userKey?: string, clientId: string,
   *   now?: () => number, saveDelayMs?: number, page?: { window: EventTarget, document: EventTarget & { visibilityState: string } } }} options
   *   `page`: where `pagehide` and `visibilitychange` are heard, to write what is pending before the tab goes.
   */
  constructor({ storage, locks, scriptId, userKey, clientId, now, saveDelayMs = defaultSaveDelayMs, page }) {
    this.storage = storage;
    this.locks = locks ?? null;
    this.scope = `${prefix}${userKey || 'anyone'}:${scriptId}:`;
    this.clientId = clientId;
    this.now = now ?? Date.now;
    this.saved = false;
    this.lastSaved = null;
    this.releaseOwn = null;
    this.heartbeat = null;
    this.saveDelayMs = saveDelayMs;
    this.pending = null; // { version, updates } not written yet
    this.saveTimer = null;
    this.page = page ?? null;
    this.flushNow = () => this.flush();
    this.flushIfHidden = () => { if (this.page?.document?.visibilityState === 'hidden') this.flush(); };
    this.page?.window?.addEventListener('pagehide', this.flushNow);
    this.page?.document?.addEventListener('visibilitychange', this.flushIfHidden);
  }

  /** Marks this tab alive (its entry is not to be taken over) until `close`. */
  async holdOwn() {
    if (this.locks) {
      await new Promise((held) => {
        this.locks.request(lockName(this.clientId), () => {
          held();
          return new Promise((release) => { this.releaseOwn = release; });
        }).catch(() => held());
      });
    } else {
      this.heartbeat = setInterval(() => { if (this.saved && this.lastSaved) this.write({ ...this.lastSaved }); }, heartbeatMs);
    }
  }

  /** Writes what is pending, then lets the entry be taken over by the next tab. */
  close() {
    this.flush();
    this.page?.window?.removeEventListener('pagehide', this.flushNow);
    this.page?.document?.removeEventListener('visibilitychange', this.flushIfHidden);
    clearInterval(this.heartbeat);
    this.releaseOwn?.();
  }

  /**
   * Records this tab's unconfirmed updates (`{ changes }`, based on `version`): written within `saveDelayMs` (the
   * timer is not pushed back by further calls, so a writer who never pauses is never more than that behind) or at
   * `flush`. None: the entry is removed at once.
   */
  save(version, updates) {
    if (updates.length === 0) {
      this.pending = null;
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
      if (this.saved) {
        this.storage.removeItem(this.scope + this.clientId);
        this.saved = false;
        this.lastSaved = null;
      }
      return;
    }
    this.pending = { version, updates };
    this.saveTimer ??= setTimeout(() => this.flush(), this.saveDelayMs);
  }

  /** Writes the pending updates now (synchronously: the page may be gone after this event). */
  flush() {
    clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    this.lastSaved = { clientId: this.clientId, version: pending.version, updates: pending.updates.map((u) => u.changes.toJSON()) };
    this.write(this.lastSaved);
  }

  write(entry) {
    try {
      this.storage.setItem(this.scope + entry.clientId, JSON.stringify({ ...entry, alive: this.now() }));
      this.saved = true;
    } catch {
      // Storage full or forbidden: the edits are still in the editor and sent when the connection allows.
    }
  }

  /** Every stored entry of this script and user, whoever wrote it. */
  entries() {
    const found = [];
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (!key?.startsWith(this.scope)) continue;
      try {
        const entry = JSON.parse(this.storage.getItem(key));
        if (entry && typeof entry.clientId === 'string' && Number.isInteger(entry.version) && Array.isArray(entry.updates)) found.push(entry);
      } catch { /* not ours to read: left alone */ }
    }
    return found;
  }

  /**
   * Runs `restore(entry)` for each entry whose tab is gone, holding that tab's lock meanwhile so two tabs never
   * restore one entry; removes the entry when `restore` resolves, keeps it when it throws.
   * @returns {Promise<{ restored: number, failed: number, error: string | null }>}
   */
  async restoreOrphans(restore) {
    const outcome = { restored: 0, failed: 0, error: null };
    for (const entry of this.entries()) {
      if (entry.clientId === this.clientId) continue;
      const run = async () => {
        try {
          outcome.restored += await restore(entry);
          this.storage.removeItem(this.scope + entry.clientId);
        } catch (err) {
          outcome.failed += entry.updates.length;
          outcome.error = err?.message ?? String(err);
        }
      };
      if (this.locks) {
        await this.locks.request(lockName(entry.clientId), { ifAvailable: true }, async (lock) => { if (lock) await run(); });
      } else if (this.now() - (entry.alive ?? 0) > goneAfterMs) {
        await run();
      }
    }
    return outcome;
  }
}

function lockName(clientId) {
  return `${prefix}${clientId}`;
}

/**
 * Pushes a gone tab's stored updates through `invoke` (the hub): pulls what happened since their version, drops the
 * ones the server already has (same client id, in order) and rebases the rest one update at a time, then pushes them
 * against the version it pulled. Returns how many updates the server took that it did not have.
 */
export async function pushStoredUpdates(invoke, scriptId, entry, attempts = 4) {
  let base = entry.version;
  let pending = entry.updates.map((changes) => ({ clientID: entry.clientId, changes: ChangeSet.fromJSON(changes) }));
  let lastError = 'the server did not take them';
  for (let attempt = 0; attempt < attempts; attempt++) {
    const pulled = await invoke('Pull', scriptId, base);
    if (pulled?.error) throw new Error(pulled.error);
    for (const u of pulled?.updates ?? []) {
      pending = rebaseUpdates(pending, [{ clientID: u.clientId, changes: ChangeSet.fromJSON(u.changes) }]);
    }
    base += pulled?.updates?.length ?? 0;
    if (pending.length === 0) return 0;
    const result = await invoke('Push', scriptId, base, pending.map((u) => ({ clientId: u.clientID, changes: u.changes.toJSON() })));
    if (result?.accepted) return pending.length;
    lastError = result?.error ?? lastError;
  }
  throw new Error(lastError);
}
