// Edits that outlive the page: unsent edits in browser storage are sent by the next tab that opens the script, once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState, Transaction, ChangeSet } from '@codemirror/state';
import { collab, getSyncedVersion, sendableUpdates } from '@codemirror/collab';
import { SyncClient } from '../src/sync.js';
import { UnsentStore } from '../src/offline.js';
import { connectionField, syncStatus } from '../src/status.js';
import { peersField } from '../src/presence.js';
import { FakeAuthority, FakeConnection } from './fake-hub.mjs';

function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** localStorage's interface over a Map. */
class MemoryStorage {
  map = new Map();
  get length() { return this.map.size; }
  key(i) { return [...this.map.keys()][i] ?? null; }
  getItem(k) { return this.map.get(k) ?? null; }
  setItem(k, v) { this.map.set(k, String(v)); }
  removeItem(k) { this.map.delete(k); }
}

/** Web Locks (exclusive, `ifAvailable`) for one browser profile. */
class MemoryLocks {
  held = new Set();
  async request(name, options, callback) {
    if (typeof options === 'function') { callback = options; options = {}; }
    if (this.held.has(name)) {
      if (options.ifAvailable) return callback(null);
      throw new Error('this test never waits for a lock');
    }
    this.held.add(name);
    try { return await callback({ name }); } finally { this.held.delete(name); }
  }
}

/** localStorage that counts its writes. */
class CountingStorage extends MemoryStorage {
  writes = 0;
  setItem(k, v) { this.writes++; super.setItem(k, v); }
}

/** The window and document a store listens to for `pagehide` and `visibilitychange`. */
function fakePage() {
  const document = new EventTarget();
  document.visibilityState = 'visible';
  return { window: new EventTarget(), document };
}

const saveDelayMs = 60;
const afterSaveDelay = () => new Promise((r) => setTimeout(r, saveDelayMs * 2));

/** A tab of one browser profile (shared storage and locks) with an editor on the script. */
async function openTab(authority, browser, tabId, rand) {
  const connection = new FakeConnection(authority, { name: tabId, role: 'Writer', rand });
  const store = new UnsentStore({
    storage: browser.storage, locks: browser.locks, scriptId: 's1', userKey: 'ann', clientId: tabId, now: browser.now,
    saveDelayMs, page: browser.page,
  });
  const client = new SyncClient({ connection, scriptId: 's1', clientId: tabId, confirmTimeoutMs: 200, retryDelayMs: () => 20, log: () => {}, store });
  const opened = await client.open();
  const host = {
    state: EditorState.create({
      doc: opened.text,
      extensions: [collab({ startVersion: opened.version, clientID: tabId }), connectionField, peersField],
    }),
    dispatch(input) {
      const transactions = Array.isArray(input) ? input : [input instanceof Transaction ? input : this.state.update(input)];
      for (const tr of transactions) {
        const before = getSyncedVersion(this.state);
        this.state = tr.state;
        if (tr.docChanged && !tr.annotation(Transaction.remote)) client.localChanged();
        if (tr.docChanged || getSyncedVersion(this.state) !== before) client.remember(); // as the editor's view plugin does
      }
    },
  };
  client.attach(host, opened, false);
  return { connection, client, host, text: () => host.state.doc.toString() };
}

function profile() {
  return { storage: new MemoryStorage(), locks: new MemoryLocks(), now: Date.now };
}

async function settle(tabs, authority) {
  for (let i = 0; i < 300; i++) {
    await new Promise((r) => setTimeout(r, 10));
    if (tabs.every((t) => sendableUpdates(t.host.state).length === 0 && getSyncedVersion(t.host.state) === authority.version)) return;
  }
  throw new Error('tabs did not settle');
}

const insert = (tab, from, text) => tab.host.dispatch({ changes: { from, insert: text } });

test('edits typed offline outlive the tab: the next tab sends them, says so, and everyone gets them', async () => {
  const rand = random(3);
  const authority = new FakeAuthority('Hello', rand);
  const annBrowser = profile();
  const ann = await openTab(authority, annBrowser, 'ann-1', rand);
  const ben = await openTab(authority, profile(), 'ben-1', rand);
  ann.connection.drop();
  insert(ann, 5, ', world');
  insert(ann, 12, '!');
  insert(ben, 0, 'Oh. ');
  await settle([ben], authority);
  await afterSaveDelay();
  assert.equal(annBrowser.storage.length, 1, 'the offline edits are in storage');
  await ann.client.destroy(); // the tab is closed while offline

  const again = await openTab(authority, annBrowser, 'ann-2', rand);
  assert.equal(again.text(), 'Oh. Hello, world!');
  assert.equal(syncStatus(again.host.state).notice, '2 offline edits restored');
  await settle([again, ben], authority);
  assert.equal(ben.text(), 'Oh. Hello, world!');
  assert.equal(annBrowser.storage.length, 0, 'nothing is left to restore');
});

test('stored edits the server already took before the tab went away are not applied twice', async () => {
  const rand = random(4);
  const authority = new FakeAuthority('Hello', rand);
  const writer = { role: 'Writer' };
  const a = ChangeSet.of({ from: 5, insert: ' A' }, 5);
  const b = ChangeSet.of({ from: 7, insert: ' B' }, 7);
  // The old tab's first edit reached the server but its acknowledgement did not reach the tab; someone else typed.
  authority.handle(writer, 'Push', ['s1', 0, [{ clientId: 'ann-old', changes: a.toJSON() }]]);
  authority.handle(writer, 'Push', ['s1', 1, [{ clientId: 'ben-1', changes: ChangeSet.of({ from: 0, insert: 'Oh. ' }, 7).toJSON() }]]);
  const annBrowser = profile();
  annBrowser.storage.setItem('screenplay:unsent:ann:s1:ann-old',
    JSON.stringify({ clientId: 'ann-old', version: 0, updates: [a.toJSON(), b.toJSON()], alive: 0 }));

  const tab = await openTab(authority, annBrowser, 'ann-new', rand);

  assert.equal(authority.doc.toString(), 'Oh. Hello A B');
  assert.equal(tab.text(), 'Oh. Hello A B');
  assert.equal(syncStatus(tab.host.state).notice, '1 offline edit restored');
  assert.equal(annBrowser.storage.length, 0);
});

test("a live tab's stored edits are its own to send; a gone tab's are taken over once", async () => {
  const rand = random(5);
  const authority = new FakeAuthority('Hello', rand);
  const annBrowser = profile();
  const first = await openTab(authority, annBrowser, 'ann-1', rand);
  first.connection.drop();
  insert(first, 5, ' there');
  await afterSaveDelay();
  assert.equal(annBrowser.storage.length, 1);
  const second = await openTab(authority, annBrowser, 'ann-2', rand);
  assert.equal(authority.doc.toString(), 'Hello', 'the second tab left the first tab\'s edits alone');
  assert.equal(syncStatus(second.host.state).notice, null);
  first.connection.restore();
  await settle([first, second], authority);
  assert.equal(second.text(), 'Hello there');
  assert.equal(annBrowser.storage.length, 0, 'confirmed edits leave storage');
});

test('without Web Locks, an entry whose tab stopped beating is taken over and a fresh one is not', async () => {
  const rand = random(6);
  const authority = new FakeAuthority('Hello', rand);
  let clock = 1_000_000;
  const annBrowser = { storage: new MemoryStorage(), locks: null, now: () => clock };
  const first = await openTab(authority, annBrowser, 'ann-1', rand);
  first.connection.drop();
  insert(first, 5, ' there');
  await afterSaveDelay();
  assert.equal(annBrowser.storage.length, 1);
  const early = await openTab(authority, annBrowser, 'ann-2', rand);
  assert.equal(authority.doc.toString(), 'Hello');
  await first.client.destroy();
  await early.client.destroy();
  clock += 60_000;
  const late = await openTab(authority, annBrowser, 'ann-3', rand);
  assert.equal(late.text(), 'Hello there');
  await late.client.destroy();
});

test('a burst of keystrokes is written to storage once, after the save delay, with every edit', async () => {
  const rand = random(7);
  const authority = new FakeAuthority('Hello', rand);
  const annBrowser = { storage: new CountingStorage(), locks: new MemoryLocks(), now: Date.now, page: fakePage() };
  const ann = await openTab(authority, annBrowser, 'ann-1', rand);
  ann.connection.drop();
  const before = annBrowser.storage.writes;
  for (const ch of ' and goodbye') insert(ann, ann.text().length, ch);
  assert.equal(annBrowser.storage.writes, before, 'no write per keystroke');
  await afterSaveDelay();
  assert.equal(annBrowser.storage.writes, before + 1, 'one write for the burst');
  annBrowser.page = null;
  await ann.client.destroy();

  const again = await openTab(authority, annBrowser, 'ann-2', rand);
  assert.equal(again.text(), 'Hello and goodbye');
  await again.client.destroy();
});

test('hiding or leaving the page writes the pending edits at once, so closing the tab keeps them', async () => {
  const rand = random(8);
  const authority = new FakeAuthority('Hello', rand);
  const page = fakePage();
  const annBrowser = { storage: new CountingStorage(), locks: new MemoryLocks(), now: Date.now, page };
  const ann = await openTab(authority, annBrowser, 'ann-1', rand);
  ann.connection.drop();
  const stored = () => JSON.parse(annBrowser.storage.getItem('screenplay:unsent:ann:s1:ann-1'))?.updates.length ?? 0;

  insert(ann, 5, ',');
  page.document.dispatchEvent(new Event('visibilitychange'));
  assert.equal(stored(), 0, 'still visible: the edit waits for the save delay');
  page.document.visibilityState = 'hidden';
  page.document.dispatchEvent(new Event('visibilitychange'));
  assert.equal(stored(), 1, 'hidden: written in the event');

  page.document.visibilityState = 'visible';
  insert(ann, 6, ' world');
  insert(ann, 12, '!');
  page.window.dispatchEvent(new Event('pagehide'));
  assert.equal(stored(), 3, 'pagehide: written in the event');
  const writes = annBrowser.storage.writes;
  await afterSaveDelay();
  assert.equal(annBrowser.storage.writes, writes, 'nothing left to write after the flush');

  // The tab is gone without anything else running (no destroy): the next tab finds every edit.
  ann.client.store.releaseOwn?.();
  annBrowser.page = null;
  const again = await openTab(authority, annBrowser, 'ann-2', rand);
  assert.equal(again.text(), 'Hello, world!');
  await again.client.destroy();
});
