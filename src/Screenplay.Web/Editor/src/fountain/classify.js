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
const titlePageKey = /^[^\s:][^:]*:/;
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
  let i = 0;
  let noteBlockedBefore = -1; // a `[[` before this offset is known to have no closer
  let boneyardBlocked = false; // once a `/*` has no closer, none later has one either
  while (i < text.length) {
    const note = text.indexOf('[[', i);
    const bone = boneyardBlocked ? -1 : text.indexOf('/*', i);
    if (note < 0 && bone < 0) break;
    if (bone >= 0 && (note < 0 || bone < note)) {
      const end = text.indexOf('*/', bone + 2);
      if (end < 0) { boneyardBlocked = true; continue; }
      ranges.push({ from: bone, to: end + 2, kind: 'boneyard' });
      i = end + 2;
    } else {
      if (note < noteBlockedBefore) { i = note + 2; continue; }
      const end = text.indexOf(']]', note + 2);
      const emptyLine = nextEmptyLine(text, note);
      if (end < 0 || (emptyLine >= 0 && emptyLine < end)) {
        noteBlockedBefore = emptyLine < 0 ? text.length : emptyLine;
        i = note + 2;
        continue;
      }
      ranges.push({ from: note, to: end + 2, kind: 'note' });
      i = end + 2;
    }
  }
  return ranges;
}

function nextEmptyLine(text, from) {
  const at = text.indexOf('\n\n', from);
  return at < 0 ? -1 : at + 1;
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

/** True when a line (markers and notes already removed) has upper-case letters and no lower-case ones. */
function isShouting(s) {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
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
 * Whether a line, taken alone and preceded by a blank line, reads as a character cue: all caps (extensions in
 * parentheses may be lower case) or forced with `@`. The next line is not looked at, so a cue being typed at the
 * end of the script counts (the editor's Enter key needs that).
 * @param {string} s the line without notes and boneyard
 */
export function looksLikeCue(s) {
  const t = s.trim();
  if (t.length === 0 || t.startsWith('!')) return false;
  if (t.startsWith('@')) return cueName(t).length > 0;
  if (sceneHeadingPrefix.test(t) || isTransitionText(t)) return false;
  if (/^[.~#=>\[(]/.test(t)) return false;
  const name = cueName(t);
  return name.length > 0 && isShouting(name);
}

function isTransitionText(t) {
  return t.endsWith('TO:') && isShouting(t);
}

function isBlank(s) {
  return s === undefined || s.trim().length === 0;
}

/**
 * The type of each line of `text` (lines split on `\n`, `\r\n` or `\r`), and the extra facts the editor styles by.
 * @param {string} text
 * @returns {{
 *   lines: {type: string, from: number, to: number, dual?: boolean, level?: number, marker?: number}[],
 *   hidden: {from: number, to: number, kind: string}[]
 * }} `from`/`to` are offsets of the line in `text`; `marker` is the length of a forcing marker at the line's
 *   first non-blank character; `hidden` are the notes and boneyard.
 */
export function classify(text) {
  if (typeof text !== 'string') text = String(text ?? '');
  const hidden = findHiddenRanges(text);
  const raw = [];
  const starts = [];
  for (let i = 0, at = 0; ; i++) {
    starts.push(at);
    let end = at;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    raw.push(text.slice(at, end));
    if (end >= text.length) break;
    at = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
  // Each line with notes and boneyard cut out; a line that had text but has none left is "hidden".
  const effective = new Array(raw.length);
  let h = 0;
  for (let i = 0; i < raw.length; i++) {
    const from = starts[i];
    const to = from + raw[i].length;
    while (h < hidden.length && hidden[h].to <= from) h++;
    if (h >= hidden.length || hidden[h].from >= to) { effective[i] = raw[i]; continue; }
    let out = '';
    let pos = from;
    for (let k = h; k < hidden.length && hidden[k].from < to; k++) {
      if (hidden[k].from > pos) out += text.slice(pos, hidden[k].from);
      pos = Math.max(pos, hidden[k].to);
    }
    if (pos < to) out += text.slice(pos, to);
    effective[i] = out;
  }

  const lines = new Array(raw.length);
  let i = 0;
  if (raw.length > 0 && titlePageKey.test(effective[0].replace(/^\uFEFF/, ''))) {
    for (; i < raw.length && !isBlank(effective[i]); i++) lines[i] = line('title_page', i);
  }

  function line(type, index, extra) {
    return { type, from: starts[index], to: starts[index] + raw[index].length, ...extra };
  }

  let inDialogue = false;
  for (; i < raw.length; i++) {
    const e = effective[i];
    const t = e.trim();
    const prevBlank = i === 0 || isBlank(effective[i - 1]);
    const nextBlank = isBlank(effective[i + 1]);
    if (inDialogue) {
      if (t.length > 0) {
        if (t.startsWith('(') && t.endsWith(')')) { lines[i] = line('parenthetical', i); continue; }
        lines[i] = line('dialogue', i);
        continue;
      }
      // Two spaces keep an empty line inside dialogue.
      if (/^ {2,}$/.test(e) && !nextBlank) { lines[i] = line('dialogue', i); continue; }
      inDialogue = false;
    }
    if (t.length === 0) {
      lines[i] = line(raw[i].trim().length > 0 ? 'hidden' : 'blank', i);
      continue;
    }
    lines[i] = classifyOutsideDialogue(t, prevBlank, nextBlank, i);
    if (lines[i].type === 'character') inDialogue = true;
  }
  return { lines, hidden };

  function classifyOutsideDialogue(t, prevBlank, nextBlank, index) {
    if (/^={3,}$/.test(t)) return line('page_break', index);
    switch (t[0]) {
      case '!': return line('action', index, { marker: 1 });
      case '@':
        if (!nextBlank && cueName(t).length > 0) return line('character', index, { marker: 1, dual: t.endsWith('^') });
        break;
      case '~': return line('lyrics', index, { marker: 1 });
      case '#': {
        let level = 0;
        while (t[level] === '#') level++;
        return line('section', index, { marker: level, level });
      }
      case '=': return line('synopsis', index, { marker: 1 });
      case '.':
        if (t[1] !== '.' && t.length > 1 && prevBlank) return line('scene_heading', index, { marker: 1 });
        break;
      case '>':
        if (t.endsWith('<') && t.length > 1) return line('centered', index, { marker: 1 });
        return line('transition', index, { marker: 1 });
    }
    if (prevBlank && nextBlank && sceneHeadingPrefix.test(t)) return line('scene_heading', index);
    if (prevBlank && nextBlank && isTransitionText(t)) return line('transition', index);
    if (prevBlank && !nextBlank && looksLikeCue(t)) return line('character', index, { dual: t.endsWith('^') });
    return line('action', index);
  }
}

/** Where a scene heading's `#1A#` scene number starts in the line, or -1. */
export function sceneNumberStart(lineText) {
  const m = sceneNumber.exec(lineText);
  return m ? m.index : -1;
}
