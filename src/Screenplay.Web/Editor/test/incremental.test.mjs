import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EditorState } from '@codemirror/state';
import { classification } from '../src/look.js';
import { classify } from '../src/fountain/classify.js';
import { loadCases } from './cases.mjs';

function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

// Edits that move paragraph boundaries, forcing markers, notes, boneyard and the title page.
const pieces = ['\n', '\n\n', '  ', 'BOB', 'INT. ', '(beat)', '/*', '*/', '[[', ']]', '^', '#', '=', '@', '!', '.', '>', '<', '~',
  'Title: X', ':', 'CUT TO:', 'a', 'xyz', '===', '\t', ' ', '*', '_'];

function edit(state, rand) {
  const length = state.doc.length;
  const from = Math.floor(rand() * (length + 1));
  const to = rand() < 0.4 ? Math.min(length, from + Math.floor(rand() * 8)) : from;
  const insert = rand() < 0.8 ? pieces[Math.floor(rand() * pieces.length)] : '';
  return state.update({ changes: { from, to, insert } }).state;
}

test('incremental classification equals a full one after every random edit', () => {
  const rand = random(2024);
  const texts = [...loadCases().map((c) => c.text), readFileSync(new URL('../../../../bench/data/feature.fountain', import.meta.url), 'utf8').slice(0, 6000)];
  let checked = 0;
  for (const text of texts) {
    let state = EditorState.create({ doc: text, extensions: [classification] });
    for (let i = 0; i < 120; i++) {
      state = edit(state, rand);
      const full = classify(state.doc.toString());
      assert.deepEqual(state.field(classification), full, `after edit ${i} of a case:\n${JSON.stringify(state.doc.toString())}`);
      checked++;
    }
  }
  assert.ok(checked > 2000);
});
