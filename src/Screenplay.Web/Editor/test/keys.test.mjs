import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState, EditorSelection } from '@codemirror/state';
import { history, undo, redo } from '@codemirror/commands';
import { collab, receiveUpdates, sendableUpdates } from '@codemirror/collab';
import { CompletionContext } from '@codemirror/autocomplete';
import { screenplayLines } from '../src/look.js';
import { screenplayEnter, nextElementType, previousElementType, writerType } from '../src/keys.js';
import { screenplayCompletions } from '../src/complete.js';

/** A state from text where `|` marks the caret. */
function stateOf(textWithCaret, extensions = []) {
  const at = textWithCaret.indexOf('|');
  const doc = textWithCaret.replace('|', '');
  return EditorState.create({ doc, selection: EditorSelection.cursor(at), extensions });
}

/** Runs a command and returns the resulting text with `|` at the caret. */
function run(command, state) {
  let next = state;
  const handled = command({ state, dispatch: (tr) => { next = tr.state; } });
  const head = next.selection.main.head;
  const doc = next.doc.toString();
  return { handled, text: doc.slice(0, head) + '|' + doc.slice(head), state: next };
}

function typeOfCaretLine(state) {
  return writerType(state, state.doc.lineAt(state.selection.main.head).number);
}

const enterCases = [
  ['after a cue being typed, dialogue follows on the next line', 'INT. A - DAY\n\nMARGOT|', 'INT. A - DAY\n\nMARGOT\n|'],
  ['after a cue with an extension', 'x\n\nDEV (V.O.)|', 'x\n\nDEV (V.O.)\n|'],
  ['after a parenthetical, dialogue follows', 'BOB\n(softly)|\nHi.', 'BOB\n(softly)\n|\nHi.'],
  ['after dialogue, a new paragraph', 'BOB\nHi there.|', 'BOB\nHi there.\n\n|'],
  ['after a scene heading, a new paragraph', '\nEXT. LOT - DAY|', '\nEXT. LOT - DAY\n\n|'],
  ['after action, a new paragraph', 'She waits.|', 'She waits.\n\n|'],
];
for (const [name, before, after] of enterCases) {
  test(`Enter ${name}`, () => {
    const result = run(screenplayEnter, stateOf(before));
    assert.equal(result.handled, true);
    assert.equal(result.text, after);
  });
}

test('Enter after a cue puts the caret on a dialogue line once text is typed', () => {
  let { state } = run(screenplayEnter, stateOf('\nMARGOT|'));
  state = state.update({ changes: { from: state.selection.main.head, insert: 'Hello.' } }).state;
  assert.deepEqual(screenplayLines(state).lines.map((l) => l.type), ['blank', 'character', 'dialogue']);
});

test('Enter mid-line, on a blank line or read-only is left to the default keymap', () => {
  assert.equal(run(screenplayEnter, stateOf('She wa|its.')).handled, false);
  assert.equal(run(screenplayEnter, stateOf('a\n|\nb')).handled, false);
  assert.equal(run(screenplayEnter, stateOf('She waits.|', [EditorState.readOnly.of(true)])).handled, false);
});

test('Tab walks a line through action, heading, character, parenthetical, dialogue, transition and back', () => {
  let state = stateOf('BOB\nHi.\n\nthe kitchen|');
  const seen = [typeOfCaretLine(state)];
  const texts = [];
  for (let i = 0; i < 6; i++) {
    ({ state } = run(nextElementType, state));
    seen.push(typeOfCaretLine(state));
    texts.push(state.doc.toString());
  }
  assert.deepEqual(seen, ['action', 'scene_heading', 'character', 'parenthetical', 'dialogue', 'transition', 'action']);
  assert.deepEqual(texts, [
    'BOB\nHi.\n\n.THE KITCHEN',
    'BOB\nHi.\n\nTHE KITCHEN',
    'BOB\nHi.\n(THE KITCHEN)',
    'BOB\nHi.\nTHE KITCHEN',
    'BOB\nHi.\n\n>THE KITCHEN',
    'BOB\nHi.\n\nTHE KITCHEN'.replace('THE KITCHEN', '!THE KITCHEN'),
  ]);
});

test('Shift-Tab walks back, and skips types Fountain cannot give the line', () => {
  // No cue above: parenthetical and dialogue are impossible, so Shift-Tab from a heading goes to action,
  // and from action to transition.
  let state = stateOf('\nINT. ROOM - DAY|');
  ({ state } = run(previousElementType, state));
  assert.equal(typeOfCaretLine(state), 'action');
  ({ state } = run(previousElementType, state));
  assert.equal(typeOfCaretLine(state), 'transition');
  ({ state } = run(previousElementType, state));
  assert.equal(typeOfCaretLine(state), 'character');
});

test('Tab on an empty line leaves a placeholder for the type, caret where the text goes', () => {
  let state = stateOf('x\n\n|');
  let result = run(nextElementType, state);
  assert.equal(result.text, 'x\n\nINT. |');
  result = run(nextElementType, result.state);
  assert.equal(result.text, 'x\n\n@|');
  assert.equal(typeOfCaretLine(result.state), 'character');
});

test('undo takes back only this editor\'s edits, never a collaborator\'s', () => {
  let state = EditorState.create({ doc: 'Hello', extensions: [history(), collab({ clientID: 'me' })] });
  state = state.update({ changes: { from: 5, insert: ' world' }, userEvent: 'input.type' }).state;
  // A collaborator's update arrives (confirming nothing of ours).
  const theirs = EditorState.create({ doc: 'Hello' }).update({ changes: { from: 0, insert: 'Oh, ' } }).changes;
  state = receiveUpdates(state, [{ changes: theirs, clientID: 'them' }]).state;
  assert.equal(state.doc.toString(), 'Oh, Hello world');
  let undone = state;
  undo({ state, dispatch: (tr) => { undone = tr.state; } });
  assert.equal(undone.doc.toString(), 'Oh, Hello');
  assert.equal(sendableUpdates(undone).length, 2); // the edit and its undo are both ours to send
  let redone = undone;
  redo({ state: undone, dispatch: (tr) => { redone = tr.state; } });
  assert.equal(redone.doc.toString(), 'Oh, Hello world');
});

function complete(textWithCaret, explicit = false) {
  const state = stateOf(textWithCaret);
  const result = screenplayCompletions(new CompletionContext(state, state.selection.main.head, explicit));
  return result && { from: result.from, labels: result.options.map((o) => o.label) };
}

const script = 'INT. KITCHEN - DAY\n\nMARGOT\nHi.\n\nDEV (V.O.)\nHey.\n\nEXT. LOT 7 - NIGHT\n\nMARGOT (CONT\'D)\nGo.\n\n';

test('autocomplete offers character names on a cue line typed in capitals', () => {
  const result = complete(script + 'M|');
  assert.deepEqual(result.labels, ['MARGOT', 'DEV']);
  assert.equal(result.from, script.length);
  assert.equal(complete(script + 'Mar|'), null, 'lower case is action being typed: no popup');
  assert.equal(complete(script + 'She said\nM|'), null, 'not after a blank line: no cue');
});

test('a name, location or time typed in full closes the list, so Enter is the writer\'s', () => {
  assert.equal(complete(script + 'MARGOT|'), null);
  assert.equal(complete(script + 'EXT. LOT 7|'), null);
  assert.equal(complete(script + 'EXT. LOT 7 - NIGHT|'), null);
  const longer = complete(script + 'MARGOTTE\nYes.\n\nMARG|');
  assert.ok(longer.labels.includes('MARGOTTE') && longer.labels.includes('MARGOT'));
});

test('autocomplete offers locations after INT./EXT. and times after the dash', () => {
  const locations = complete(script + 'INT. K|');
  assert.deepEqual(locations.labels, ['KITCHEN', 'LOT 7']);
  assert.equal(locations.from, script.length + 'INT. '.length);
  const times = complete(script + 'EXT. LOT 7 - N|');
  assert.ok(times.labels.includes('NIGHT') && times.labels.includes('DAY'));
  assert.equal(times.from, script.length + 'EXT. LOT 7 - '.length);
});

test('a type change is its own undo step, apart from the typing before it', () => {
  let state = EditorState.create({ doc: 'x\n\n', selection: { anchor: 3 }, extensions: [history()] });
  state = state.update({ changes: { from: 3, insert: 'the lot' }, selection: { anchor: 10 }, userEvent: 'input.type' }).state;
  ({ state } = run(nextElementType, state));
  assert.equal(state.doc.toString(), 'x\n\n.THE LOT');
  undo({ state, dispatch: (tr) => { state = tr.state; } });
  assert.equal(state.doc.toString(), 'x\n\nthe lot');
});
