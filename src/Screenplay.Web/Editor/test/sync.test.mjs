import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState, Transaction } from '@codemirror/state';
import { collab, sendableUpdates, getSyncedVersion } from '@codemirror/collab';
import { SyncClient } from '../src/sync.js';
import { connectionField, syncStatus } from '../src/status.js';
import { peersField } from '../src/presence.js';
import { FakeAuthority, FakeConnection } from './fake-hub.mjs';

function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** An editor without a DOM: the sync client only needs `state` and `dispatch`. */
async function openEditor(authority, name, rand, role = 'Writer') {
  const connection = new FakeConnection(authority, { name, role, rand });
  const client = new SyncClient({ connection, scriptId: 's1', clientId: `${name}-tab`, confirmTimeoutMs: 200, retryDelayMs: () => 20, log: () => {} });
  const opened = await client.open();
  const host = {
    state: EditorState.create({
      doc: opened.text,
      extensions: [collab({ startVersion: opened.version, clientID: `${name}-tab` }), connectionField, peersField,
        EditorState.readOnly.of(role !== 'Writer')],
    }),
    dispatch(input) {
      const transactions = Array.isArray(input) ? input : [input instanceof Transaction ? input : this.state.update(input)];
      for (const tr of transactions) {
        assert.equal(tr.startState, this.state, 'transactions must chain from the current state');
        this.state = tr.state;
        if (tr.docChanged && !tr.annotation(Transaction.remote)) client.localChanged();
        if (tr.docChanged || tr.selection) client.selectionChanged();
      }
    },
  };
  client.attach(host, opened, role !== 'Writer');
  return { name, connection, client, host };
}

function type(editor, rand) {
  const { state } = editor.host;
  const length = state.doc.length;
  const from = Math.floor(rand() * (length + 1));
  if (rand() < 0.3 && length > 0) {
    const to = Math.min(length, from + 1 + Math.floor(rand() * 4));
    editor.host.dispatch({ changes: { from: Math.min(from, to - 1), to } });
  } else {
    const words = ['a', 'BOB\n', 'INT. ', '\n\n', 'é', '日本', ' ', 'xyz'];
    editor.host.dispatch({ changes: { from, insert: words[Math.floor(rand() * words.length)] }, selection: { anchor: from } });
  }
}

async function settle(editors, authority) {
  for (let i = 0; i < 400; i++) {
    await new Promise((r) => setTimeout(r, 10));
    const done = editors.every((e) => sendableUpdates(e.host.state).length === 0
      && getSyncedVersion(e.host.state) === authority.version);
    if (done) return;
  }
  throw new Error('editors did not settle');
}

for (const seed of (process.env.SEEDS ?? "1,2,3,4,5,6,7,8").split(",").map(Number)) {
  test(`three typists with dropped connections converge on the server's text (seed ${seed})`, async () => {
    const rand = random(seed);
    const authority = new FakeAuthority('INT. LOT - DAY\n\nStart.', rand);
    const editors = await Promise.all(['ann', 'ben', 'cyd'].map((n) => openEditor(authority, n, rand)));
    for (let step = 0; step < 150; step++) {
      const e = editors[Math.floor(rand() * editors.length)];
      const roll = rand();
      if (roll < 0.05) e.connection.drop();
      else if (roll < 0.12) e.connection.restore();
      else type(e, rand);
      if (rand() < 0.5) await new Promise((r) => setTimeout(r, Math.floor(rand() * 3)));
    }
    for (const e of editors) e.connection.restore();
    await settle(editors, authority);
    const text = authority.doc.toString();
    assert.ok(authority.version > 60, `only ${authority.version} updates were accepted`);
    for (const e of editors) assert.equal(e.host.state.doc.toString(), text, `${e.name} differs`);
    for (const e of editors) await e.client.destroy();
  });
}

test('edits typed offline are kept, shown as offline, and pushed when the connection is back', async () => {
  const rand = random(7);
  const authority = new FakeAuthority('Hello', rand);
  const [ann, ben] = [await openEditor(authority, 'ann', rand), await openEditor(authority, 'ben', rand)];
  ann.connection.drop();
  ann.host.dispatch({ changes: { from: 5, insert: ', world' } });
  ben.host.dispatch({ changes: { from: 0, insert: 'Oh. ' } });
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(syncStatus(ann.host.state), { status: 'offline', pending: 1, error: null, notice: null });
  assert.equal(authority.doc.toString(), 'Oh. Hello');
  ann.connection.restore();
  await settle([ann, ben], authority);
  assert.equal(authority.doc.toString(), 'Oh. Hello, world');
  assert.equal(ben.host.state.doc.toString(), 'Oh. Hello, world');
  assert.equal(syncStatus(ann.host.state).status, 'saved');
});

test('others see a cursor where it is, in their own coordinates', async () => {
  const rand = random(9);
  const authority = new FakeAuthority('0123456789', rand);
  const [ann, ben] = [await openEditor(authority, 'ann', rand), await openEditor(authority, 'ben', rand)];
  ann.host.dispatch({ selection: { anchor: 4, head: 6 } });
  await settle([ann, ben], authority);
  await new Promise((r) => setTimeout(r, 150));
  // Ben types before Ann's cursor: her cursor moves with the text in Ben's editor.
  ben.host.dispatch({ changes: { from: 0, insert: 'ab' } });
  const peer = [...ben.host.state.field(peersField).values()][0];
  assert.equal(peer.name, 'ann');
  assert.deepEqual([peer.anchor, peer.head], [6, 8]);
  await settle([ann, ben], authority);
});

test('a reader gets live text and sends nothing', async () => {
  const rand = random(11);
  const authority = new FakeAuthority('Hi', rand);
  const writer = await openEditor(authority, 'wri', rand);
  const reader = await openEditor(authority, 'rea', rand, 'Reader');
  writer.host.dispatch({ changes: { from: 2, insert: ' there' } });
  await settle([writer], authority);
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(reader.host.state.doc.toString(), 'Hi there');
  assert.equal(reader.host.state.readOnly, true);
});

test('the server must rebase over each newer update in turn: mapping over a composition places ties differently', async () => {
  // A client inserts inside a range another client deletes, right where a third inserts. Mapped over the two
  // changes one by one, its insertion lands after the third's; mapped over their composition, before it.
  const { ChangeSet } = await import('@codemirror/state');
  const { rebaseUpdates } = await import('@codemirror/collab');
  const mine = [{ clientID: 'me', changes: ChangeSet.fromJSON([10, [0, 'xyz'], 5]) }];
  const deletion = { clientID: 'a', changes: ChangeSet.fromJSON([9, [3], 3]) };
  const insertion = { clientID: 'b', changes: ChangeSet.fromJSON([9, [0, 'BOB', ''], 3]) };
  let oneByOne = mine;
  for (const over of [deletion, insertion]) oneByOne = rebaseUpdates(oneByOne, [over]);
  const composed = rebaseUpdates(mine, [deletion, insertion]);
  assert.deepEqual(oneByOne[0].changes.toJSON(), [13, [0, 'xyz'], 3]);
  assert.deepEqual(composed[0].changes.toJSON(), [9, [0, 'xyz'], 7]);
  // The editor, receiving the two updates (even in one message), ends where the one-by-one rebase does.
  let state = EditorState.create({ doc: '0123456789abcde', extensions: [collab({ clientID: 'me' })] });
  state = state.update({ changes: { from: 10, insert: 'xyz' } }).state;
  const host = { state, dispatch(trs) { for (const tr of [].concat(trs)) this.state = tr.state; } };
  const client = new SyncClient({ connection: {}, scriptId: 's', clientId: 'me', log: () => {} });
  client.host = host;
  client.applyRemote(0, [deletion, insertion].map((u) => ({ clientId: u.clientID, changes: u.changes.toJSON() })));
  assert.deepEqual(sendableUpdates(host.state)[0].changes.toJSON(), [13, [0, 'xyz'], 3]);
});

test('someone who joins later, on an instance that cannot list the others, learns where they are', async () => {
  const rand = random(13);
  const authority = new FakeAuthority('0123456789', rand);
  const ann = await openEditor(authority, 'ann', rand);
  ann.host.dispatch({ selection: { anchor: 3 } });
  await new Promise((r) => setTimeout(r, 150));
  const ben = await openEditor(authority, 'ben', rand); // Open lists nobody; Ann answers the hello
  await waitFor(() => ben.host.state.field(peersField).get('ann-tab')?.anchor === 3, 'Ben sees Ann\'s cursor');
  assert.equal(ann.host.state.field(peersField).get('ben-tab')?.name, 'ben');
  for (const e of [ann, ben]) await e.client.destroy();
});

test('a peer silent for three heartbeats is forgotten, the others stay', async () => {
  const rand = random(14);
  const authority = new FakeAuthority('Hi', rand);
  authority.heartbeatMs = 40;
  const [ann, ben, cyd] = [await openEditor(authority, 'ann', rand), await openEditor(authority, 'ben', rand), await openEditor(authority, 'cyd', rand)];
  await waitFor(() => ann.host.state.field(peersField).size === 2, 'Ann sees both');
  cyd.connection.drop(); // its instance dies: no PresenceLeft
  await waitFor(() => !ann.host.state.field(peersField).has('cyd-tab'), 'Ann forgets Cyd');
  await new Promise((r) => setTimeout(r, 300)); // several heartbeats: Ben keeps talking and stays
  assert.deepEqual([...ann.host.state.field(peersField).keys()], ['ben-tab']);
  assert.deepEqual([...ben.host.state.field(peersField).keys()], ['ann-tab']);
  for (const e of [ann, ben, cyd]) await e.client.destroy();
});

async function waitFor(condition, what) {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out: ${what}`);
}
