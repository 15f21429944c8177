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
    dispatch(trOrSpec) {
      const tr = trOrSpec instanceof Transaction ? trOrSpec : this.state.update(trOrSpec);
      this.state = tr.state;
      if (tr.docChanged && !tr.annotation(Transaction.remote)) client.localChanged();
      if (tr.docChanged || tr.selection) client.selectionChanged();
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

for (const seed of [1, 2, 3]) {
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
  assert.deepEqual(syncStatus(ann.host.state), { status: 'offline', pending: 1, error: null });
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
