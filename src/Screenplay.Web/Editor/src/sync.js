// The sync client: @codemirror/collab over the script hub (docs/collaboration.md).
// It pushes the editor's unconfirmed updates against the version it has, applies the `Updates` stream (its own
// updates come back in it and are confirmed there), pulls when it sees a gap or comes back from being offline,
// and keeps every unconfirmed edit while offline. It talks to anything shaped like a SignalR HubConnection
// (invoke, send, on, off, onreconnecting, onreconnected, onclose, start, stop, state), so tests can give it an
// in-memory hub.
import { ChangeSet } from '@codemirror/state';
import { receiveUpdates, sendableUpdates, getSyncedVersion } from '@codemirror/collab';
import { setConnection, connectionField } from './status.js';
import { pushStoredUpdates } from './offline.js';
import { setPeer, removePeer, peersField } from './presence.js';

const readOnlyRoles = new Set(['reader', 'commenter']);
const recentLimit = 500; // remote updates kept to map presence positions sent against older versions

export function isReadOnlyRole(role) {
  return typeof role === 'string' && readOnlyRoles.has(role.toLowerCase());
}

export class SyncClient {
  /**
   * @param {{ connection: any, scriptId: string, clientId: string, log?: (level: string, message: string) => void,
   *   confirmTimeoutMs?: number, retryDelayMs?: (attempt: number) => number, store?: import('./offline.js').UnsentStore }} options
   *   With a `store`, unconfirmed edits are also kept in browser storage, and edits a closed tab left there are sent.
   */
  constructor({ connection, scriptId, clientId, log, confirmTimeoutMs = 3000, retryDelayMs, store }) {
    this.connection = connection;
    this.scriptId = scriptId;
    this.clientId = clientId;
    this.log = log ?? ((level, message) => console[level === 'error' ? 'error' : 'warn'](`[screenplay-editor] ${message}`));
    this.confirmTimeoutMs = confirmTimeoutMs;
    this.retryDelayMs = retryDelayMs ?? ((attempt) => Math.min(10000, 500 * 2 ** attempt));
    this.host = null; // { state, dispatch } once the editor exists
    this.online = false;
    this.readOnly = false;
    this.pushing = false;
    this.awaiting = null; // server version our last accepted push reaches, until the stream confirms it
    this.confirmTimer = null;
    this.retryTimer = null;
    this.rejections = 0;
    this.pulling = null;
    this.pullAgain = false;
    this.recent = []; // { version, changes } of remote updates applied, newest last
    this.pendingPresence = new Map(); // presence sent against a version we have not reached yet
    this.cursorTimer = null;
    this.destroyed = false;
    this.store = store ?? null;
    this.restored = null; // what the last restore of a closed tab's edits did, shown once the editor exists
    this.heartbeatMs = 30000; // the server says how often (`presenceHeartbeatMs` in Open's answer)
    this.heartbeatTimer = null;
    this.lastHeard = new Map(); // client id -> when we last heard of that peer (ms)
    this.handlers = {
      Updates: (e) => { if (e?.scriptId === this.scriptId) this.applyRemote(e.version, e.updates ?? []); },
      Presence: (p) => { if (p?.scriptId === this.scriptId) this.receivePresence(p); },
      // Someone (re)joined, maybe on another app instance where they could not see us: tell them where we are.
      PresenceHello: (h) => { if (h?.scriptId === this.scriptId && h.clientId !== this.clientId) this.selectionChanged(); },
      PresenceLeft: (p) => {
        if (p?.scriptId !== this.scriptId) return;
        this.pendingPresence.delete(p.clientId);
        this.lastHeard.delete(p.clientId);
        this.dispatchEffects([removePeer.of(p.clientId)]);
      },
    };
  }

  /** Connects and opens the script: `{ version, text, role, presence }`. Throws when the hub refuses. */
  async open() {
    for (const [name, handler] of Object.entries(this.handlers)) this.connection.on(name, handler);
    this.connection.onreconnecting?.(() => this.wentOffline());
    this.connection.onreconnected?.(() => this.cameBack());
    this.connection.onclose?.(() => { if (!this.destroyed) { this.wentOffline(); this.restartLater(0); } });
    if (this.connection.state !== 'Connected') await this.connection.start();
    if (this.store) {
      await this.store.holdOwn();
      // Before Open, so the text we open with has them.
      this.restored = await this.restoreStored();
    }
    const opened = await this.connection.invoke('Open', this.scriptId, this.clientId);
    this.online = true;
    return opened;
  }

  /** Sends the edits that closed tabs of this user left in storage: `{ restored, failed, error }`. */
  async restoreStored() {
    if (!this.store) return null;
    try {
      return await this.store.restoreOrphans((entry) =>
        pushStoredUpdates((...args) => this.connection.invoke(...args), this.scriptId, entry));
    } catch (err) {
      this.log('warn', `could not restore stored edits: ${err?.message ?? err}`);
      return null;
    }
  }

  /** Tells the writer what happened to edits restored from storage. */
  reportRestored() {
    const r = this.restored;
    this.restored = null;
    if (!r || (r.restored === 0 && r.failed === 0)) return;
    const plural = (n) => `${n} offline edit${n === 1 ? '' : 's'}`;
    const notice = [
      r.restored > 0 ? `${plural(r.restored)} restored` : null,
      r.failed > 0 ? `${plural(r.failed)} from an earlier visit could not be sent (kept for the next try): ${r.error}` : null,
    ].filter(Boolean).join('; ');
    this.dispatchEffects([setConnection.of({ notice })]);
  }

  /** Keeps this tab's unconfirmed edits in storage (or forgets them once all are confirmed). */
  remember() {
    if (!this.store || !this.host || this.readOnly || this.destroyed) return;
    this.store.save(getSyncedVersion(this.host.state), sendableUpdates(this.host.state));
  }

  /** The browser says the network is gone: stop now rather than wait minutes for the socket to time out. */
  networkLost() {
    if (this.destroyed || !this.online) return;
    this.wentOffline();
    Promise.resolve(this.connection.stop()).catch(() => { /* closing anyway */ });
  }

  /** The browser says the network is back: reconnect at once instead of at the next back-off step. */
  networkBack() {
    if (this.destroyed || this.online) return;
    this.restartLater(0);
  }

  /** Binds the editor (anything with `state` and `dispatch`) created from what `open` returned. */
  attach(host, opened, readOnly) {
    this.host = host;
    this.readOnly = readOnly;
    if (opened?.presenceHeartbeatMs > 0) this.heartbeatMs = opened.presenceHeartbeatMs;
    this.heartbeatTimer = setInterval(() => this.heartbeat(), this.heartbeatMs);
    this.heartbeatTimer?.unref?.(); // under node (tests), a forgotten editor does not keep the process alive
    this.dispatchEffects([setConnection.of({ connection: 'online', error: null })]);
    for (const p of opened?.presence ?? []) this.receivePresence(p);
    this.reportRestored();
    this.remember();
    this.sendCursor();
  }

  /** The editor made a local change: send it when nothing is in flight. */
  localChanged() {
    queueMicrotask(() => this.push());
  }

  /** The local selection moved: tell the others, at most every 80 ms. */
  selectionChanged() {
    if (this.cursorTimer || this.destroyed) return;
    this.cursorTimer = setTimeout(() => { this.cursorTimer = null; this.sendCursor(); }, 80);
  }

  async destroy() {
    this.destroyed = true;
    clearTimeout(this.confirmTimer);
    clearTimeout(this.retryTimer);
    clearTimeout(this.cursorTimer);
    clearInterval(this.heartbeatTimer);
    this.store?.close();
    for (const [name, handler] of Object.entries(this.handlers)) this.connection.off?.(name, handler);
    try {
      if (this.online) await this.connection.invoke('Close', this.scriptId);
    } catch { /* the connection may be gone already */ }
    try { await this.connection.stop(); } catch { /* idem */ }
  }

  // --- pushing -----------------------------------------------------------------------------------------------

  async push() {
    if (this.pushing || this.destroyed || !this.online || !this.host || this.readOnly) return;
    const state = this.host.state;
    const version = getSyncedVersion(state);
    if (this.awaiting !== null && version < this.awaiting) return;
    this.awaiting = null;
    const updates = sendableUpdates(state);
    if (updates.length === 0) return;
    this.pushing = true;
    let result;
    try {
      result = await this.connection.invoke('Push', this.scriptId, version,
        updates.map((u) => ({ clientId: u.clientID, changes: u.changes.toJSON() })));
    } catch (err) {
      this.pushing = false;
      // Transport trouble: the reconnect handlers push again; a timer covers a failed call on a live connection.
      if (!this.destroyed) this.scheduleRetry(`push failed: ${err?.message ?? err}`);
      return;
    }
    this.pushing = false;
    if (this.destroyed) return;
    if (result?.accepted) {
      this.rejections = 0;
      this.setError(null);
      if (getSyncedVersion(this.host.state) < result.version) {
        this.awaiting = result.version;
        clearTimeout(this.confirmTimer);
        this.confirmTimer = setTimeout(() => this.confirmOverdue(), this.confirmTimeoutMs);
      } else {
        this.push();
      }
      return;
    }
    // Rejected: usually a version the server no longer rebases over. Catch up and try again; an error that
    // persists is shown and retried with back-off, the edits are kept.
    this.rejections++;
    if (result?.error) this.log('warn', `push rejected: ${result.error}`);
    if (this.rejections >= 3) {
      this.setError(result?.error ? `edits not accepted: ${result.error}` : 'edits not accepted');
      this.scheduleRetry(null);
      return;
    }
    try {
      await this.pull();
    } catch (err) {
      this.scheduleRetry(`pull failed: ${err?.message ?? err}`);
      return;
    }
    this.push();
  }

  async confirmOverdue() {
    // Our accepted push has not come back in the stream: the broadcast was lost; fetch what we miss.
    if (this.destroyed || this.awaiting === null) return;
    try { await this.pull(); } catch { /* retried on reconnect */ }
    this.push();
  }

  scheduleRetry(message) {
    if (message) this.log('warn', message);
    clearTimeout(this.retryTimer);
    const attempt = Math.min(this.rejections, 6);
    this.retryTimer = setTimeout(() => { this.retryTimer = null; this.catchUp(); }, this.retryDelayMs(attempt));
  }

  // --- receiving ---------------------------------------------------------------------------------------------

  /** Applies updates that start at `version`, skipping what this editor already has, pulling over a gap. */
  applyRemote(version, updates) {
    if (!this.host || this.destroyed) return;
    const state = this.host.state;
    const synced = getSyncedVersion(state);
    if (version > synced) {
      this.pull().catch((err) => this.log('warn', `pull failed: ${err?.message ?? err}`));
      return;
    }
    const fresh = updates.slice(synced - version);
    if (fresh.length > 0) {
      let parsed;
      try {
        parsed = fresh.map((u) => ({ clientID: u.clientId, changes: ChangeSet.fromJSON(u.changes) }));
        // One update at a time, never a batch: mapping over a composition of changes can place an insertion
        // differently from mapping over each change in turn, and the server rebases one update at a time too.
        const transactions = [];
        let current = state;
        for (const u of parsed) {
          const tr = receiveUpdates(current, [u]);
          transactions.push(tr);
          current = tr.state;
        }
        this.host.dispatch(transactions);
      } catch (err) {
        this.log('error', `could not apply updates from the server: ${err?.message ?? err}`);
        this.setError('out of step with the server: reload the page');
        return;
      }
      parsed.forEach((u, i) => this.recent.push({ version: synced + i, changes: u.changes }));
      if (this.recent.length > recentLimit) this.recent.splice(0, this.recent.length - recentLimit);
      this.flushPendingPresence();
    }
    if (this.awaiting !== null && getSyncedVersion(this.host.state) >= this.awaiting) {
      this.awaiting = null;
      clearTimeout(this.confirmTimer);
    }
    this.push();
  }

  /** Fetches every update after the version this editor has. Concurrent calls share one round trip. */
  pull() {
    if (this.pulling) { this.pullAgain = true; return this.pulling; }
    this.pulling = (async () => {
      do {
        this.pullAgain = false;
        const version = getSyncedVersion(this.host.state);
        const result = await this.connection.invoke('Pull', this.scriptId, version);
        // `Pull` answers with every update after the version asked for.
        this.applyRemote(version, result?.updates ?? []);
      } while (this.pullAgain && !this.destroyed);
    })().finally(() => { this.pulling = null; });
    return this.pulling;
  }

  // --- connection state --------------------------------------------------------------------------------------

  wentOffline() {
    this.online = false;
    this.pushing = false;
    this.dispatchEffects([setConnection.of({ connection: 'offline' })]);
  }

  async cameBack() {
    if (this.destroyed) return;
    this.dispatchEffects([setConnection.of({ connection: 'connecting' })]);
    await this.catchUp();
  }

  /** Rejoins the script (a new connection is in no group), pulls what was missed, pushes what was kept. */
  async catchUp() {
    if (this.destroyed) return;
    try {
      this.restored = await this.restoreStored();
      const opened = await this.connection.invoke('Open', this.scriptId, this.clientId);
      this.online = true;
      const peers = this.host?.state.field(peersField, false);
      const effects = [setConnection.of({ connection: 'online' })];
      if (peers) for (const id of peers.keys()) effects.push(removePeer.of(id));
      this.lastHeard.clear();
      this.dispatchEffects(effects);
      for (const p of opened?.presence ?? []) this.receivePresence(p);
      this.reportRestored();
      await this.pull();
      this.awaiting = null;
      this.sendCursor();
      this.push();
    } catch (err) {
      this.log('warn', `could not rejoin the script: ${err?.message ?? err}`);
      if (this.connection.state === 'Connected') this.scheduleRetry(null);
    }
  }

  restartLater(attempt) {
    if (this.destroyed) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(async () => {
      this.retryTimer = null;
      try {
        await this.connection.start();
        await this.cameBack();
      } catch {
        this.restartLater(attempt + 1);
      }
    }, this.retryDelayMs(attempt));
  }

  setError(error) {
    const current = this.host?.state.field(connectionField, false)?.error ?? null;
    if (current !== error) this.dispatchEffects([setConnection.of({ error })]);
  }

  dispatchEffects(effects) {
    if (this.host && !this.destroyed && effects.length > 0) this.host.dispatch({ effects });
  }

  // --- presence ----------------------------------------------------------------------------------------------

  sendCursor() {
    if (!this.host || !this.online || this.destroyed) return;
    const state = this.host.state;
    const { anchor, head } = state.selection.main;
    const version = getSyncedVersion(state);
    // Positions go out in the coordinates of the version we name: undo our unconfirmed changes on them.
    const unconfirmed = sendableUpdates(state);
    let a = anchor, h = head;
    for (let i = unconfirmed.length - 1; i >= 0; i--) {
      const inverse = unconfirmed[i].changes.invertedDesc;
      a = inverse.mapPos(a, -1);
      h = inverse.mapPos(h, -1);
    }
    const send = this.connection.send ? 'send' : 'invoke';
    Promise.resolve(this.connection[send]('MoveCursor', this.scriptId, version, a, h))
      .catch(() => { /* presence is best effort */ });
  }

  /**
   * While others are here: resend our cursor (they forget the silent), and forget whoever has been silent for three
   * heartbeats: their app instance died without telling anyone they left.
   */
  heartbeat() {
    if (!this.host || this.destroyed) return;
    const peers = this.host.state.field(peersField, false);
    if (!peers || peers.size === 0) return;
    if (this.online) this.sendCursor();
    const silentSince = Date.now() - 3 * this.heartbeatMs;
    const gone = [...peers.keys()].filter((id) => (this.lastHeard.get(id) ?? 0) < silentSince);
    for (const id of gone) { this.lastHeard.delete(id); this.pendingPresence.delete(id); }
    this.dispatchEffects(gone.map((id) => removePeer.of(id)));
  }

  receivePresence(p) {
    if (!p || p.clientId === this.clientId || !this.host) return;
    this.lastHeard.set(p.clientId, Date.now());
    const local = this.toLocal(p.version, p.anchor, p.head);
    if (local === undefined) {
      this.pendingPresence.set(p.clientId, p);
      // Show who it is now; the cursor appears once this editor reaches that version.
      this.dispatchEffects([setPeer.of({ ...peerInfo(p), anchor: null, head: null })]);
      return;
    }
    this.pendingPresence.delete(p.clientId);
    this.dispatchEffects([setPeer.of({ ...peerInfo(p), ...local })]);
  }

  flushPendingPresence() {
    for (const p of [...this.pendingPresence.values()]) this.receivePresence(p);
  }

  /** A remote position at `version` in this editor's coordinates; undefined when we have not reached it. */
  toLocal(version, anchor, head) {
    if (anchor == null || head == null) return { anchor: null, head: null };
    const state = this.host.state;
    const synced = getSyncedVersion(state);
    if (typeof version !== 'number' || version > synced) return undefined;
    let a = anchor, h = head;
    const first = this.recent.length > 0 ? this.recent[0].version : synced;
    for (const r of this.recent) {
      if (r.version < version || version < first) continue;
      a = r.changes.mapPos(Math.min(a, r.changes.length), 1);
      h = r.changes.mapPos(Math.min(h, r.changes.length), 1);
    }
    for (const u of sendableUpdates(state)) {
      a = u.changes.mapPos(Math.min(a, u.changes.length), 1);
      h = u.changes.mapPos(Math.min(h, u.changes.length), 1);
    }
    return { anchor: a, head: h };
  }
}

function peerInfo(p) {
  return { clientId: p.clientId, userId: p.userId, name: p.name, colour: p.colour };
}
