// Writer's keys: Enter that knows what comes after a character cue, and Tab / Shift-Tab that cycle the element
// type of the current line as Final Draft and WriterDuet do. Fountain has no hidden paragraph styles, so a type is
// set by rewriting the line (case, forcing markers, the blank line before it), which keeps the text the truth.
import { EditorSelection } from '@codemirror/state';
import { isolateHistory } from '@codemirror/commands';
import { screenplayLines } from './look.js';
import { looksLikeCue, cueName } from './fountain/classify.js';

/** The order Tab walks through; Shift-Tab walks back. */
export const cycleOrder = Object.freeze(['action', 'scene_heading', 'character', 'parenthetical', 'dialogue', 'transition']);

const headingPrefix = /^(?:int\.?\/ext|int|ext|est|i\/e)[. ]/i;
const dialogueBlock = new Set(['character', 'parenthetical', 'dialogue']);

function linesOf(state) {
  return screenplayLines(state);
}

function isBlankLine(state, number) {
  return number < 1 || number > state.doc.lines || state.doc.line(number).text.trim().length === 0;
}

/**
 * The type the writer means for a line: the classifier's, except that a cue being typed (nothing after it yet)
 * is a character, and the placeholders Tab leaves on an empty line (`@`, `()`, `>`, `INT. `) count as their type.
 */
export function writerType(state, number) {
  const info = linesOf(state).lines[number - 1];
  const text = state.doc.line(number).text.trim();
  if (text === '@') return 'character';
  if (text === '()') return 'parenthetical';
  if (text === '>') return 'transition';
  if (info?.type === 'action' && isBlankLine(state, number - 1) && looksLikeCue(text)) return 'character';
  return info?.type ?? 'action';
}

function stripMarkers(text) {
  let t = text.trim();
  if (t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1);
  else if (t.startsWith('>') && t.endsWith('<')) t = t.slice(1, -1);
  else if (/^[!@~>]/.test(t) || (t.startsWith('.') && !t.startsWith('..'))) t = t.slice(1);
  if (t.endsWith('^')) t = t.slice(0, -1);
  t = t.trim();
  // The heading placeholder Tab leaves on an empty line is no text of the writer's.
  return /^(?:int\.?\/ext|int|ext|est|i\/e)\.?$/i.test(t) ? '' : t;
}

/**
 * The transaction that makes line `number` of type `type`, or null when Fountain cannot give that line that type
 * (dialogue and parentheticals need a cue above them).
 */
export function setLineType(state, number, type) {
  const line = state.doc.line(number);
  const base = stripMarkers(line.text);
  const prev = number > 1 ? state.doc.line(number - 1) : null;
  const prevType = prev ? writerType(state, number - 1) : null;
  const prevBlank = isBlankLine(state, number - 1);
  const nextBlank = isBlankLine(state, number + 1);
  let text;
  let before = 'keep'; // what to do with the line above: keep it, 'open' a blank line, or 'close' a blank line
  let caret = -1; // offset of the caret in the new line text, -1 for its end
  switch (type) {
    case 'action': {
      text = base;
      const upper = text.length > 0 && (looksLikeCue(text) || headingPrefix.test(text) || /TO:$/.test(text)
        || /^[.@~>#=]/.test(text));
      if (upper) text = '!' + text;
      if (prev && dialogueBlock.has(prevType)) before = 'open';
      break;
    }
    case 'scene_heading':
      if (base.length === 0) text = 'INT. ';
      else if (headingPrefix.test(base)) text = base.toUpperCase();
      else text = '.' + base.toUpperCase();
      if (!prevBlank) before = 'open';
      break;
    case 'character': {
      if (base.length === 0) text = '@';
      else {
        const upper = base.toUpperCase();
        text = looksLikeCue(upper) && cueName(upper).length > 0 ? upper : '@' + base;
      }
      if (!prevBlank) before = 'open';
      break;
    }
    case 'parenthetical':
    case 'dialogue': {
      if (prev && dialogueBlock.has(prevType) && !prevBlank) before = 'keep';
      else if (prevBlank && number > 2 && dialogueBlock.has(writerType(state, number - 2))) before = 'close';
      else return null;
      if (type === 'parenthetical') {
        text = '(' + base + ')';
        caret = text.length - 1;
      } else text = base;
      break;
    }
    case 'transition': {
      const upper = base.toUpperCase();
      text = upper.endsWith('TO:') && nextBlank ? upper : '>' + upper;
      if (!prevBlank) before = 'open';
      break;
    }
    default:
      return null;
  }
  if (text === line.text && before === 'keep') return null;
  const changes = [{ from: line.from, to: line.to, insert: text }];
  let lineStart = line.from;
  if (before === 'open') {
    changes[0].insert = '\n' + text;
    lineStart += 1;
  } else if (before === 'close') {
    changes.unshift({ from: prev.from, to: line.from, insert: '' });
    lineStart = prev.from;
  }
  const head = lineStart + (caret < 0 ? text.length : caret);
  // Its own undo step: Ctrl-Z takes back the type change, not the typing before it.
  return {
    changes, selection: EditorSelection.cursor(head), scrollIntoView: true, userEvent: 'input.type',
    annotations: isolateHistory.of('full'),
  };
}

function cycle(dir) {
  return ({ state, dispatch }) => {
    if (state.readOnly || !state.selection.main.empty || state.selection.ranges.length > 1) return false;
    const number = state.doc.lineAt(state.selection.main.head).number;
    const current = cycleOrder.indexOf(writerType(state, number));
    for (let step = 1; step < cycleOrder.length; step++) {
      const index = ((current < 0 ? 0 : current) + dir * step + cycleOrder.length * step) % cycleOrder.length;
      const spec = setLineType(state, number, cycleOrder[index]);
      if (spec) {
        dispatch(state.update(spec));
        return true;
      }
    }
    return true; // Tab never leaves the editor while writing; Escape then Tab does (CodeMirror's tab focus mode).
  };
}

/** Tab: the next element type for the current line. */
export const nextElementType = cycle(1);
/** Shift-Tab: the previous element type for the current line. */
export const previousElementType = cycle(-1);

/**
 * Enter at the end of a line: after a character cue or a parenthetical the next line is dialogue (one newline);
 * after a heading, action, dialogue or a transition a new paragraph starts (a blank line between).
 * Elsewhere (mid-line, selections, blank lines, the title page) Enter does what it always does.
 */
export function screenplayEnter({ state, dispatch }) {
  if (state.readOnly || state.selection.ranges.length > 1) return false;
  const range = state.selection.main;
  if (!range.empty) return false;
  const line = state.doc.lineAt(range.head);
  if (line.text.slice(range.head - line.from).trim().length > 0 || line.text.trim().length === 0) return false;
  const type = writerType(state, line.number);
  let insert;
  if (type === 'character' || type === 'parenthetical') insert = '\n';
  else if (['scene_heading', 'action', 'dialogue', 'transition', 'section', 'synopsis', 'centered', 'lyrics'].includes(type)) insert = '\n\n';
  else return false;
  dispatch(state.update({
    changes: { from: range.head, to: line.to, insert },
    selection: EditorSelection.cursor(range.head + insert.length),
    scrollIntoView: true,
    userEvent: 'input',
  }));
  return true;
}

/** The writer's key bindings, to put before the default keymap. */
export const writerKeymap = [
  { key: 'Enter', run: screenplayEnter },
  { key: 'Tab', run: nextElementType, shift: previousElementType },
];
