import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState, EditorSelection, ChangeSet } from '@codemirror/state';
import { collab, receiveUpdates } from '@codemirror/collab';
import { notesField, setNotes, markedScenes, noteTarget } from '../src/notes.js';

const script = 'INT. KITCHEN - NIGHT\n\nAnna cooks.\n\nEXT. GARDEN - DAY\n\nBirds.\n';
const headings = [{ index: 0, line: 1 }, { index: 1, line: 5 }];

function withNotes(state) {
  const garden = script.indexOf('EXT.');
  return state.update({
    effects: setNotes.of({
      markers: [{ pos: garden, sceneId: 'garden', open: 2, total: 3 }, { pos: 0, sceneId: 'kitchen', open: 0, total: 1 }],
      passages: [{ from: script.indexOf('Birds'), to: script.indexOf('Birds') + 5, threadId: 't1', open: true }],
    }),
  }).state;
}

function passages(state) {
  const found = [];
  state.field(notesField).passages.between(0, state.doc.length, (from, to) => { found.push(state.sliceDoc(from, to)); });
  return found;
}

test('markers sit at their headings in document order and follow the text through edits', () => {
  let state = withNotes(EditorState.create({ doc: script, extensions: [notesField] }));
  assert.deepEqual(markedScenes(state), [{ sceneId: 'kitchen', open: 0 }, { sceneId: 'garden', open: 2 }]);
  assert.deepEqual(passages(state), ['Birds']);

  // A new scene typed above the garden, and text inserted inside the passage: the marker stays on the garden's line.
  const insert = 'INT. HALL - DAY\n\nSteps.\n\n';
  state = state.update({ changes: { from: script.indexOf('EXT.'), insert } }).state;
  state = state.update({ changes: { from: state.doc.toString().indexOf('Birds') + 2, insert: 'RR' } }).state;
  const gardenLine = state.doc.lineAt(state.doc.toString().indexOf('EXT.'));
  const positions = [];
  state.field(notesField).markers.between(0, state.doc.length, (from, _to, m) => { positions.push([m.spec.widget.sceneId, from]); });
  assert.deepEqual(positions, [['kitchen', 0], ['garden', gardenLine.from]]);
  assert.deepEqual(passages(state), ['BiRRrds']);

  // Deleting the passage drops its mark; a new setNotes replaces everything.
  const at = state.doc.toString().indexOf('BiRRrds');
  state = state.update({ changes: { from: at, to: at + 7 } }).state;
  assert.deepEqual(passages(state), []);
  state = state.update({ effects: setNotes.of({ markers: [], passages: [] }) }).state;
  assert.deepEqual(markedScenes(state), []);
});

test('the note target is the scene at the caret and the selection in the server-confirmed version', () => {
  const from = script.indexOf('Birds');
  let state = EditorState.create({ doc: script, selection: EditorSelection.range(from, from + 5), extensions: [collab({ startVersion: 7 })] });
  assert.deepEqual(noteTarget(state, headings, true), { index: 1, from, to: from + 5, version: 7, text: 'Birds' });

  // Unconfirmed local typing before the selection is taken back out of the offsets sent to the server.
  state = state.update({ changes: { from: 0, insert: 'XYZ' } }).state;
  const target = noteTarget(state, headings, true);
  assert.equal(target.text, 'Birds');
  assert.deepEqual([target.from, target.to, target.version], [from, from + 5, 7]);

  const before = EditorState.create({ doc: '\n' + script, selection: EditorSelection.cursor(0) });
  assert.equal(noteTarget(before, [{ index: 0, line: 2 }], false).index, -1);
});

test('a passage in the server version is carried through unconfirmed local edits, and a newer one waits for its version', () => {
  const birds = script.indexOf('Birds');
  let state = EditorState.create({ doc: script, extensions: [collab({ startVersion: 7 }), notesField] });
  // The writer typed above the passage; the server has not confirmed it, so it still sends offsets in version 7.
  state = state.update({ changes: { from: 0, insert: 'FADE IN:\n\n' } }).state;
  state = state.update({ effects: setNotes.of({ passages: [{ from: birds, to: birds + 5, threadId: 't1', open: true, version: 7 }] }) }).state;
  assert.deepEqual(passages(state), ['Birds']);

  // A passage from version 8, which this editor has not received yet: nothing until that update arrives.
  const garden = script.indexOf('EXT. GARDEN');
  const fresh = EditorState.create({ doc: script, extensions: [collab({ startVersion: 7 }), notesField] });
  let later = fresh.update({ effects: setNotes.of({ passages: [{ from: birds + 1, to: birds + 6, threadId: 't2', open: true, version: 8 }] }) }).state;
  assert.deepEqual(passages(later), []);
  later = receiveUpdates(later, [{ changes: ChangeSet.of({ from: garden, insert: 'X' }, script.length), clientID: 'other' }]).state;
  assert.deepEqual(passages(later), ['Birds']);
});
