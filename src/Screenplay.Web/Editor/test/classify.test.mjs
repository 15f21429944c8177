import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify, findEmphasis, findHiddenRanges, ElementTypes, NonPrintingTypes } from '../src/fountain/classify.js';
import { loadCases } from './cases.mjs';

for (const c of loadCases()) {
  test(`classifies: ${c.name}`, () => {
    assert.deepEqual(classify(c.text).lines.map((l) => l.type), c.types);
  });
}

test('one type per line, whatever the line endings', () => {
  const text = 'INT. A - DAY\r\n\r\nBOB\rHi.\nEnd';
  assert.deepEqual(classify(text).lines.map((l) => l.type), ['scene_heading', 'blank', 'character', 'dialogue', 'dialogue']);
});

test('dual dialogue, section levels and forcing markers are reported', () => {
  const { lines } = classify('BOB ^\nHi.\n\n### Deep\n\n@ann\nYo.');
  assert.equal(lines[0].dual, true);
  assert.equal(lines[3].level, 3);
  assert.equal(lines[3].marker, 3);
  assert.equal(lines[5].marker, 1);
});

test('emphasis spans with markers, escapes left alone', () => {
  const spans = findEmphasis('a **b *c* d** \\*e\\* _f_');
  const text = 'a **b *c* d** \\*e\\* _f_';
  const of = (kind) => spans.filter((s) => s.kind === kind).map((s) => text.slice(s.from, s.to));
  assert.deepEqual(of('bold'), ['b *c* d']);
  assert.deepEqual(of('italic'), ['c']);
  assert.deepEqual(of('underline'), ['f']);
  assert.equal(of('marker').length, 6);
});

test('an unclosed note or boneyard is plain text; a note stops at an empty line', () => {
  assert.deepEqual(findHiddenRanges('a /* b'), []);
  assert.deepEqual(findHiddenRanges('a [[ b\n\nc ]]'), []);
  assert.deepEqual(findHiddenRanges('a [[ b\nc ]] /* d\n\ne */').map((r) => r.kind), ['note', 'boneyard']);
});

// Deterministic garbage: the classifier never throws, gives one known type per line, and stays linear.
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

test('never throws on garbage and gives every line a known type', () => {
  const rand = random(42);
  const alphabet = ['\n', '\n\n', '\r\n', ' ', '  ', '\t', '[[', ']]', '/*', '*/', '*', '_', '\\', '^', '@', '!', '.', '>', '<', '~', '#', '=', '===', '(', ')', 'INT. ', 'TO:', 'BOB', 'hello', 'É', '日本', '\u0000', '\uFEFF', ':'];
  const known = new Set([...ElementTypes, ...NonPrintingTypes]);
  for (let round = 0; round < 300; round++) {
    let text = '';
    const n = Math.floor(rand() * 200);
    for (let i = 0; i < n; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
    const { lines } = classify(text);
    assert.equal(lines.length, text.split(/\r\n|\r|\n/).length);
    for (const l of lines) assert.ok(known.has(l.type), `unknown type ${l.type}`);
  }
});

test('linear on long inputs: unbalanced openers and one huge line', () => {
  const many = '[[ /* '.repeat(100000) + '\n' + 'BOB\nHi.\n\n'.repeat(20000);
  const huge = 'x'.repeat(1 << 20);
  const start = performance.now();
  classify(many);
  classify(huge);
  // Generous bound: quadratic behaviour on these inputs takes minutes, linear takes milliseconds.
  assert.ok(performance.now() - start < 5000);
});
