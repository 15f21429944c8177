// An in-memory script hub speaking docs/collaboration.md, for the sync client's tests: a central authority that
// rebases stale pushes like the real one, and connections that deliver in order with random delays and can drop.
import { ChangeSet, Text } from '@codemirror/state';
import { rebaseUpdates } from '@codemirror/collab';

const tick = (rand, max) => new Promise((resolve) => setTimeout(resolve, Math.floor(rand() * max)));

export class FakeAuthority {
  constructor(text, rand) {
    this.doc = Text.of(text.split('\n'));
    this.updates = [];
    this.connections = new Set();
    this.rand = rand;
    this.heartbeatMs = 30000;
  }
  get version() { return this.updates.length; }

  handle(connection, method, args) {
    const [scriptId] = args;
    switch (method) {
      case 'Open':
        // Lists nobody, as an instance where the others are not would: they answer the hello.
        for (const c of this.connections) if (c !== connection) c.deliver('PresenceHello', { scriptId, clientId: args[1] });
        this.connections.add(connection);
        return { version: this.version, text: this.doc.toString(), role: connection.role, presence: [], presenceHeartbeatMs: this.heartbeatMs };
      case 'Pull':
        return { version: args[1], updates: this.updates.slice(args[1]).map(toWire) };
      case 'Push': {
        const [, version, wire] = args;
        if (connection.role !== 'Writer') return { accepted: false, version: this.version, error: 'read-only' };
        if (version > this.version || version < 0) return { accepted: false, version: this.version, error: 'bad version' };
        let updates = wire.map((u) => ({ clientID: u.clientId, changes: ChangeSet.fromJSON(u.changes) }));
        // Over each newer update in turn, as the client maps its own unconfirmed updates (see docs/collaboration.md).
        for (const over of this.updates.slice(version)) updates = rebaseUpdates(updates, [over]);
        const before = this.version;
        for (const u of updates) {
          this.doc = u.changes.apply(this.doc);
          this.updates.push(u);
        }
        if (updates.length > 0) {
          for (const c of this.connections) c.deliver('Updates', { scriptId, version: before, updates: updates.map(toWire) });
        }
        return { accepted: true, version: this.version };
      }
      case 'MoveCursor': {
        const [, version, anchor, head] = args;
        for (const c of this.connections) {
          if (c !== connection) c.deliver('Presence', { scriptId, clientId: connection.clientId, userId: connection.name, name: connection.name, colour: '#c33', version, anchor, head });
        }
        return undefined;
      }
      case 'Close':
        this.connections.delete(connection);
        return undefined;
      default:
        throw new Error(`no hub method ${method}`);
    }
  }
}

function toWire(u) {
  return { clientId: u.clientID, changes: u.changes.toJSON() };
}

export class FakeConnection {
  constructor(authority, { name = 'writer', role = 'Writer', rand, maxDelay = 4 }) {
    this.authority = authority;
    this.name = name;
    this.role = role;
    this.rand = rand;
    this.maxDelay = maxDelay;
    this.state = 'Disconnected';
    this.handlers = new Map();
    this.reconnecting = [];
    this.reconnected = [];
    this.closed = [];
    this.generation = 0;
    this.upstream = Promise.resolve(); // hub calls of one connection run one at a time, in order
    this.downstream = Promise.resolve(); // results and events reach the client in order
  }
  on(name, handler) { this.handlers.set(name, handler); }
  off(name) { this.handlers.delete(name); }
  onreconnecting(cb) { this.reconnecting.push(cb); }
  onreconnected(cb) { this.reconnected.push(cb); }
  onclose(cb) { this.closed.push(cb); }
  async start() { this.state = 'Connected'; }
  async stop() { this.state = 'Disconnected'; this.authority.connections.delete(this); }

  invoke(method, ...args) {
    if (this.state !== 'Connected') return Promise.reject(new Error('not connected'));
    if (method === 'Open') this.clientId = args[1];
    const generation = this.generation;
    return new Promise((resolve, reject) => {
      this.upstream = this.upstream.then(async () => {
        await tick(this.rand, this.maxDelay);
        if (generation !== this.generation) { reject(new Error('connection lost')); return; }
        let result;
        try { result = this.authority.handle(this, method, args); } catch (err) { reject(err); return; }
        this.enqueue(generation, () => resolve(result), () => reject(new Error('connection lost')));
      });
    });
  }
  send(method, ...args) { return this.invoke(method, ...args); }

  deliver(name, payload) {
    this.enqueue(this.generation, () => this.handlers.get(name)?.(payload), () => {});
  }
  enqueue(generation, run, lost) {
    this.downstream = this.downstream.then(async () => {
      await tick(this.rand, this.maxDelay);
      if (generation === this.generation && this.state === 'Connected') run(); else lost();
    });
  }

  /** The network goes: calls in flight fail, the group forgets this connection. */
  drop() {
    if (this.state !== 'Connected') return;
    this.generation++;
    this.state = 'Reconnecting';
    this.authority.connections.delete(this);
    for (const cb of this.reconnecting) cb(new Error('dropped'));
  }
  /** The network is back (a new connection id: the client must rejoin the group). */
  restore() {
    if (this.state !== 'Reconnecting') return;
    this.state = 'Connected';
    for (const cb of this.reconnected) cb('new-id');
  }
}
