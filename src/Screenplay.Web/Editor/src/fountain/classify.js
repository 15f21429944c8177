// Fountain line classifier: gives every source line the element type the printed page gives it.
//
// It is the editor's twin of the C# parser (Fountain.Parse): tests run both over shared cases and compare the
// type of every line (tests/Screenplay.Web.Tests/Editor/ClassifierParityTests.cs). It works line by line with one
// line of look-behind and one of look-ahead, plus a first pass that finds notes and boneyard, so it stays linear
// on any text. It never throws.

/** Element types, spelled as the CLI's `parse --json` spells them. */
export const ElementTypes = Object.freeze([
  'scene_heading', 'action', 'character', 'parenthetical', 'dialogue', 'transition',
  'centered', 'lyrics', 'page_break', 'section', 'synopsis',
]);

/** Line types that print nothing: blank lines, the title page, lines made only of notes or boneyard. */
export const NonPrintingTypes = Object.freeze(['blank', 'title_page', 'hidden']);

const sceneHeadingPrefix = /^(?:int\.?\/ext|int|ext|est|i\/e)[. ]/i;
const sceneNumber = /\s*#[^#\s]+#\s*$/;

/**
 * Ranges of notes (`[[...]]`) and boneyard (`/* ... *\/`) in the text, in source order, never overlapping.
 * An opener without its closer is plain text. A note may span lines but not a truly empty line (the spec's rule:
 * an empty line inside a note needs two spaces); boneyard may span anything.
 * @param {string} text
 * @returns {{from: number, to: number, kind: 'note' | 'boneyard'}[]}
 */
export function findHiddenRanges(text) {
  const ranges = [];
  let boneyardClosable = true; // once a `/*` has no closer, no later one has
  let nextClose = -2; // cached offset of the next `]]` ahead, -1 when there is none
  let nextBlank = -2; // cached offset of the next blank line ahead, -1 when there is none
  for (let i = 0; i < text.length - 1;) {
    const bone = boneyardClosable ? text.indexOf('/*', i) : -1;
    const note = text.indexOf('[[', i);
    if (bone < 0 && note < 0) break;
    if (bone >= 0 && (note < 0 || bone < note)) {
      const close = text.indexOf('*/', bone + 2);
      if (close < 0) { boneyardClosable = false; i = bone + 2; continue; }
      ranges.push({ from: bone, to: close + 2, kind: 'boneyard' });
      i = close + 2;
      continue;
    }
    if (nextClose !== -1 && nextClose < note + 2) nextClose = text.indexOf(']]', note + 2);
    if (nextBlank !== -1 && nextBlank < note + 2) nextBlank = nextEmptyLine(text, note + 2);
    if (nextClose >= 0 && (nextBlank < 0 || nextClose < nextBlank)) {
      ranges.push({ from: note, to: nextClose + 2, kind: 'note' });
      i = nextClose + 2;
    } else {
      i = note + 2;
    }
  }
  return ranges;
}

/** Offset of the first blank line that starts after `from`, or -1. */
function nextEmptyLine(text, from) {
  for (let nl = text.indexOf('\n', from); nl >= 0;) {
    const start = nl + 1;
    const next = text.indexOf('\n', start);
    if (isBlankLine(text.slice(start, next < 0 ? text.length : next))) return start;
    nl = next;
  }
  return -1;
}

/**
 * Emphasis in one line: `***bold italic***`, `**bold**`, `*italic*`, `_underline_`; a backslash escapes a marker.
 * Offsets are relative to the line. Markers are reported as their own spans so the editor can dim them.
 * @param {string} line
 * @returns {{from: number, to: number, kind: 'bold' | 'italic' | 'underline' | 'marker'}[]}
 */
export function findEmphasis(line) {
  if (line.indexOf('*') < 0 && line.indexOf('_') < 0) return [];
  // Escaped markers are masked (same length) so no pass can pair them.
  let masked = line.replace(/\\[*_\\]/g, '\u0000\u0000');
  const spans = [];
  const passes = [
    [/\*\*\*(\S(?:[^\n]*?\S)?)\*\*\*/g, 3, ['bold', 'italic']],
    [/\*\*(\S(?:[^\n]*?\S)?)\*\*/g, 2, ['bold']],
    [/\*(\S(?:[^\n]*?\S)?)\*/g, 1, ['italic']],
    [/_(\S(?:[^\n]*?\S)?)_/g, 1, ['underline']],
  ];
  for (const [pattern, width, kinds] of passes) {
    const found = [];
    for (const m of masked.matchAll(pattern)) found.push([m.index, m.index + m[0].length]);
    for (const [from, to] of found) {
      for (const kind of kinds) spans.push({ from: from + width, to: to - width, kind });
      spans.push({ from, to: from + width, kind: 'marker' }, { from: to - width, to, kind: 'marker' });
      masked = masked.slice(0, from) + '\u0000'.repeat(width) + masked.slice(from + width, to - width)
        + '\u0000'.repeat(width) + masked.slice(to);
    }
  }
  return spans.sort((a, b) => a.from - b.from || a.to - b.to);
}

/** The name part of a cue: without a trailing `^`, extensions in parentheses and a forcing `@`. */
export function cueName(s) {
  let name = s.trim();
  if (name.endsWith('^')) name = name.slice(0, -1).trimEnd();
  if (name.startsWith('@')) name = name.slice(1);
  const paren = name.indexOf('(');
  if (paren >= 0) name = name.slice(0, paren);
  return name.trim();
}

/**
 * Whether a line, taken alone and opening a paragraph, reads as a character cue: all caps (extensions in
 * parentheses may be lower case) or forced with `@`. The next line is not looked at, so a cue being typed at the
 * end of the script counts (the editor's Enter key needs that).
 * @param {string} s the line without notes and boneyard
 */
export function looksLikeCue(s) {
  const t = s.trim();
  if (t.length === 0 || isForcedSceneHeading(t) || isNaturalSceneHeading(t) || isNaturalTransition(t)) return false;
  return isCharacterCue(t);
}

/** Blank: whitespace only, except that two or more spaces (and nothing else) keep a blank line inside a paragraph. */
export function isBlankLine(raw) {
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  return line.trim().length === 0 && !isTwoSpaces(line);
}

function isTwoSpaces(line) {
  return line.length >= 2 && /^ +$/.test(line);
}

/** Letters, none of them lower case (scripts without case count as capitals, as in the C# parser). */
function isUpperWithLetter(s) {
  return /\p{L}/u.test(s) && !/\p{Ll}/u.test(s);
}

function isForcedOther(t) {
  return /^[!@#=~>.]/.test(t);
}

function isForcedSceneHeading(t) {
  return t.length >= 2 && t[0] === '.' && /[\p{L}\p{N}]/u.test(t[1]);
}

function isNaturalSceneHeading(t) {
  return sceneHeadingPrefix.test(t);
}

function isNaturalTransition(t) {
  return t.endsWith('TO:') && isUpperWithLetter(t);
}

function stripDual(t) {
  t = t.trim();
  return t.endsWith('^') ? t.slice(0, -1).trimEnd() : t;
}

function isCharacterCue(t) {
  if (t.length > 1 && t[0] === '@') return stripDual(t.slice(1)).length > 0;
  if (isForcedOther(t)) return false;
  const name = stripDual(t);
  const paren = name.indexOf('(');
  return isUpperWithLetter(paren >= 0 ? name.slice(0, paren) : name);
}

function isPageBreak(t) {
  return t.length >= 3 && /^=+$/.test(t);
}

function isCentered(t) {
  return t.length >= 2 && t[0] === '>' && t.endsWith('<');
}

/** `Key: value` as the title page reads it: a key of letters, digits, spaces, `-` or `_` before the colon. */
function titleKey(text) {
  const colon = text.indexOf(':');
  if (colon <= 0 || /\s/.test(text[0])) return null;
  const key = text.slice(0, colon).trimEnd();
  if (!/^[\p{L}\p{N} _-]*$/u.test(key)) return null;
  return { key, value: text.slice(colon + 1) };
}

/**
 * The type of each line of `text` (lines split on `\n`, `\r\n` or `\r`), and the extra facts the editor styles by.
 * Mirrors the C# parser: paragraphs are runs of non-blank lines; lines holding only notes or boneyard are not there
 * at all (type `hidden`); a paragraph's first line decides whether it is a scene heading, a lone transition or a
 * cue with dialogue, otherwise each line is read on its own.
 * @param {string} text
 * @returns {{
 *   lines: {type: string, dual?: boolean, level?: number, marker?: number}[],
 *   hidden: {from: number, to: number, kind: string}[]
 * }} `marker` is the length of a forcing marker at the line's first non-blank character; `hidden` are the notes
 *   and boneyard (offsets into `text`).
 */
export function classify(text) {
  if (typeof text !== 'string') text = String(text ?? '');
  const hidden = findHiddenRanges(text);
  return { lines: classifyLines(text, hidden, true), hidden };
}

/**
 * The line types of `text` given its notes and boneyard (`hidden`, offsets into `text`). `atDocumentStart`: the
 * text is the start of the script, so its first paragraph may be a title page. The incremental path classifies a
 * run of whole paragraphs this way with the script's own hidden ranges.
 */
export function classifyLines(text, hidden, atDocumentStart) {
  const raw = [];
  const starts = [];
  if (text.indexOf('\r') < 0) {
    // The editor's text (CodeMirror joins lines with \n): split natively.
    let at = 0;
    for (const l of text.split('\n')) {
      raw.push(l);
      starts.push(at);
      at += l.length + 1;
    }
  } else {
    const breaks = /\r\n|\r|\n/g;
    let at = 0;
    for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
      raw.push(text.slice(at, m.index));
      starts.push(at);
      at = m.index + m[0].length;
    }
    raw.push(text.slice(at));
    starts.push(at);
  }
  if (atDocumentStart && raw[0].startsWith('\uFEFF')) raw[0] = raw[0].slice(1), starts[0] += 1;

  const lines = new Array(raw.length);
  const line = (type, index, extra) => (extra ? { type, ...extra } : { type });

  // The visible text of each line; null for a line that only holds notes or boneyard (it is not there at all).
  const visible = new Array(raw.length);
  let h = 0;
  for (let i = 0; i < raw.length; i++) {
    const from = starts[i];
    const to = from + raw[i].length;
    while (h < hidden.length && hidden[h].to <= from) h++;
    // As the parser: a line overlaps a note or boneyard that ends after its start and starts before its end.
    if (h >= hidden.length || hidden[h].from >= to) { visible[i] = raw[i]; continue; }
    let out = '';
    let pos = from;
    for (let k = h; k < hidden.length && hidden[k].from < to; k++) {
      if (hidden[k].from > pos) out += text.slice(pos, hidden[k].from);
      pos = Math.max(pos, hidden[k].to);
    }
    if (pos < to) out += text.slice(pos, to);
    visible[i] = out.trim().length === 0 ? null : out;
  }

  let paragraph = []; // line indexes
  let firstParagraph = atDocumentStart;
  const flush = () => {
    if (paragraph.length === 0) return;
    if (paragraph.every((i) => visible[i].trim().length === 0)) {
      for (const i of paragraph) lines[i] = line('blank', i); // spaces alone, with nothing around them, are nothing
    } else if (firstParagraph && startsTitlePage(paragraph)) {
      for (const i of paragraph) lines[i] = line('title_page', i);
    } else {
      classifyParagraph(paragraph);
    }
    firstParagraph = false;
    paragraph = [];
  };
  for (let i = 0; i < raw.length; i++) {
    if (visible[i] === null) { lines[i] = line('hidden', i); continue; }
    if (isBlankLine(raw[i])) {
      flush();
      firstParagraph = false;
      lines[i] = line('blank', i);
      continue;
    }
    paragraph.push(i);
  }
  flush();
  return lines;

  function startsTitlePage(p) {
    const first = titleKey(visible[p[0]]);
    if (!first) return false;
    if (first.value.trim().length > 0) return true;
    return p.length > 1 && /^\s/.test(visible[p[1]]);
  }

  function classifyParagraph(p) {
    const first = visible[p[0]].trim();
    if (isForcedSceneHeading(first) || (isNaturalSceneHeading(first) && !isForcedOther(first))) {
      lines[p[0]] = line('scene_heading', p[0], first[0] === '.' ? { marker: 1 } : undefined);
      readLines(p, 1);
      return;
    }
    if (p.length === 1 && !isForcedOther(first) && isNaturalTransition(first)) {
      lines[p[0]] = line('transition', p[0]);
      return;
    }
    if (p.length > 1 && isCharacterCue(first)) {
      lines[p[0]] = line('character', p[0], { dual: first.endsWith('^'), ...(first[0] === '@' ? { marker: 1 } : {}) });
      for (let k = 1; k < p.length; k++) {
        const t = visible[p[k]].trim();
        lines[p[k]] = line(t.length >= 2 && t[0] === '(' && t.endsWith(')') ? 'parenthetical' : 'dialogue', p[k]);
      }
      return;
    }
    readLines(p, 0);
  }

  function readLines(p, from) {
    for (let k = from; k < p.length; k++) {
      const i = p[k];
      const t = visible[i].trim();
      if (isPageBreak(t)) lines[i] = line('page_break', i);
      else if (t[0] === '#') {
        let level = 0;
        while (t[level] === '#') level++;
        lines[i] = line('section', i, { level, marker: level });
      } else if (t[0] === '=') lines[i] = line('synopsis', i, { marker: 1 });
      else if (t[0] === '~') lines[i] = line('lyrics', i, { marker: 1 });
      else if (isCentered(t)) lines[i] = line('centered', i, { marker: 1 });
      else if (t[0] === '>') lines[i] = line('transition', i, { marker: 1 });
      else lines[i] = line('action', i, t[0] === '!' ? { marker: 1 } : undefined);
    }
  }
}

/** Where a scene heading's `#1A#` scene number starts in the line, or -1. */
export function sceneNumberStart(lineText) {
  const m = sceneNumber.exec(lineText);
  return m ? m.index : -1;
}
