// The screenplay look while typing: every line styled and indented as the printed page sets it
// (Courier 12 pt, 10 characters per inch, so one inch is 10ch; a 6-inch text column is 60ch).
import { RangeSetBuilder, StateField } from '@codemirror/state';
import { EditorView, ViewPlugin, Decoration } from '@codemirror/view';
import { classify, classifyLines, findHiddenRanges, findEmphasis, isBlankLine, sceneNumberStart } from './fountain/classify.js';

/**
 * The classification of the whole document, kept current on every change. A change re-reads only the paragraphs it
 * touches (classification is paragraph-local once the notes and boneyard are known); when the notes or boneyard
 * themselves changed, the whole script is read again.
 */
export const classification = StateField.define({
  create: (state) => classify(state.doc.toString()),
  update: (value, tr) => (tr.docChanged ? reclassify(value, tr) : value),
});

const classified = new WeakMap();

/** The classification of a state's document: the field's when the state has it, else computed once per document. */
export function screenplayLines(state) {
  const field = state.field(classification, false);
  if (field) return field;
  let result = classified.get(state.doc);
  if (!result) {
    result = classify(state.doc.toString());
    classified.set(state.doc, result);
  }
  return result;
}

/** A blank line outside every note and boneyard: nothing on either side of it can change the other side's types. */
function isSeparator(doc, number, hidden) {
  const line = doc.line(number);
  if (!isBlankLine(line.text)) return false;
  let lo = 0, hi = hidden.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hidden[mid].to <= line.from) lo = mid + 1; else hi = mid;
  }
  // Covered when a note or boneyard ends after the line's start and starts before its end (as classifyLines reads it).
  return !(lo < hidden.length && hidden[lo].from < line.to) && !(lo < hidden.length && line.from === line.to && hidden[lo].from < line.from);
}

const markerChars = /[/*[\]]/;

/**
 * Whether `tr` leaves every note and boneyard where it was, only moved: notes and boneyard are made by the tokens
 * `/*`, `*\/`, `[[`, `]]` and bounded by blank lines, so a change that deletes and inserts none of those characters
 * nor a line break, has none of them right beside it, and leaves its line non-blank before and after, cannot
 * make, break or re-bound one.
 */
function movesHiddenOnly(tr) {
  const oldDoc = tr.startState.doc;
  const doc = tr.state.doc;
  let only = true;
  tr.changes.iterChanges((fromA, toA, fromB, toB, inserted) => {
    if (!only) return;
    const removed = oldDoc.sliceString(fromA, toA);
    const added = inserted.toString();
    const beside = oldDoc.sliceString(Math.max(0, fromA - 1), fromA) + oldDoc.sliceString(toA, Math.min(oldDoc.length, toA + 1))
      + doc.sliceString(Math.max(0, fromB - 1), fromB) + doc.sliceString(toB, Math.min(doc.length, toB + 1));
    if (markerChars.test(removed) || markerChars.test(added) || /[\n\r]/.test(removed + added) || markerChars.test(beside)
      || isBlankLine(oldDoc.lineAt(fromA).text) || isBlankLine(doc.lineAt(fromB).text)) {
      only = false;
    }
  });
  return only;
}

/** The classification after `tr`, from the one before it. Always equal to `classify` of the new text. */
export function reclassify(previous, tr) {
  const doc = tr.state.doc;
  let hidden;
  if (movesHiddenOnly(tr)) {
    // Typing that cannot make or break a note or boneyard: they just move with the text (no full read).
    hidden = previous.hidden.map((h) => ({ from: tr.changes.mapPos(h.from, 1), to: tr.changes.mapPos(h.to, -1), kind: h.kind }));
  } else {
    const text = doc.toString();
    hidden = findHiddenRanges(text);
    // Notes or boneyard that did not just move with the text: read everything again.
    if (hidden.length !== previous.hidden.length) return { lines: classifyLines(text, hidden, true), hidden };
    for (let i = 0; i < hidden.length; i++) {
      const old = previous.hidden[i];
      if (hidden[i].kind !== old.kind || hidden[i].from !== tr.changes.mapPos(old.from, 1) || hidden[i].to !== tr.changes.mapPos(old.to, -1)) {
        return { lines: classifyLines(text, hidden, true), hidden };
      }
    }
  }
  let fromA = Infinity, toA = -1, fromB = Infinity, toB = -1;
  tr.changes.iterChangedRanges((fa, ta, fb, tb) => {
    fromA = Math.min(fromA, fa); toA = Math.max(toA, ta);
    fromB = Math.min(fromB, fb); toB = Math.max(toB, tb);
  });
  const oldDoc = tr.startState.doc;
  const firstChanged = doc.lineAt(fromB).number;
  const lastChanged = doc.lineAt(toB).number;
  const removedLines = oldDoc.lineAt(toA).number - oldDoc.lineAt(fromA).number;
  const addedLines = lastChanged - firstChanged;
  // Widen to whole paragraphs: from the separator above the change to the one below it.
  let start = firstChanged - 1;
  while (start >= 1 && !isSeparator(doc, start, hidden)) start--;
  let end = lastChanged + 1;
  while (end <= doc.lines && !isSeparator(doc, end, hidden)) end++;
  const first = Math.max(start, 1);
  const last = Math.min(end, doc.lines);
  const from = doc.line(first).from;
  const to = doc.line(last).to;
  const local = [];
  for (const h of hidden) if (h.from >= from && h.to <= to) local.push({ from: h.from - from, to: h.to - from, kind: h.kind });
  const region = classifyLines(doc.sliceString(from, to), local, first === 1);
  const oldLast = last - addedLines + removedLines; // the same line before the change
  const lines = previous.lines.slice(0, first - 1).concat(region, previous.lines.slice(oldLast));
  return { lines, hidden };
}

const lineDecorations = new Map();
function lineDecoration(type, extraClass) {
  const key = type + (extraClass ?? '');
  let deco = lineDecorations.get(key);
  if (!deco) {
    const cls = `cm-sp-line cm-sp-${type.replace('_', '-')}` + (extraClass ? ` ${extraClass}` : '');
    deco = Decoration.line({ class: cls, attributes: { 'data-sp-type': type } });
    lineDecorations.set(key, deco);
  }
  return deco;
}

const marks = {
  bold: Decoration.mark({ class: 'cm-sp-bold' }),
  italic: Decoration.mark({ class: 'cm-sp-italic' }),
  underline: Decoration.mark({ class: 'cm-sp-underline' }),
  marker: Decoration.mark({ class: 'cm-sp-marker' }),
  note: Decoration.mark({ class: 'cm-sp-note' }),
  boneyard: Decoration.mark({ class: 'cm-sp-boneyard' }),
  sceneNumber: Decoration.mark({ class: 'cm-sp-scene-number' }),
};

function buildDecorations(view) {
  const { lines, hidden } = screenplayLines(view.state);
  const doc = view.state.doc;
  const builder = new RangeSetBuilder();
  for (const { from, to } of view.visibleRanges) {
    let lineNo = doc.lineAt(from).number;
    const lastLine = doc.lineAt(to).number;
    // Hidden ranges that reach into the visible range, in order.
    let h = firstHiddenEndingAfter(hidden, from);
    for (; lineNo <= lastLine; lineNo++) {
      const docLine = doc.line(lineNo);
      const info = lines[lineNo - 1];
      if (!info) continue;
      builder.add(docLine.from, docLine.from, lineDecoration(info.type, info.dual ? 'cm-sp-dual' : undefined));
      const spans = [];
      if (info.marker) {
        const lead = docLine.text.length - docLine.text.trimStart().length;
        spans.push({ from: docLine.from + lead, to: docLine.from + lead + info.marker, kind: 'marker' });
      }
      if (info.type === 'scene_heading') {
        const at = sceneNumberStart(docLine.text);
        if (at >= 0) spans.push({ from: docLine.from + at, to: docLine.to, kind: 'sceneNumber' });
      }
      if (info.type !== 'title_page' && info.type !== 'blank') {
        for (const e of findEmphasis(docLine.text)) spans.push({ from: docLine.from + e.from, to: docLine.from + e.to, kind: e.kind });
      }
      while (h < hidden.length && hidden[h].to <= docLine.from) h++;
      for (let k = h; k < hidden.length && hidden[k].from < docLine.to; k++) {
        const f = Math.max(hidden[k].from, docLine.from);
        const t = Math.min(hidden[k].to, docLine.to);
        if (t > f) spans.push({ from: f, to: t, kind: hidden[k].kind });
      }
      spans.sort((a, b) => a.from - b.from || a.to - b.to);
      for (const s of spans) if (s.to > s.from) builder.add(s.from, s.to, marks[s.kind]);
    }
  }
  return builder.finish();
}

function firstHiddenEndingAfter(hidden, pos) {
  let lo = 0, hi = hidden.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hidden[mid].to <= pos) lo = mid + 1; else hi = mid;
  }
  return lo;
}

const decorationsPlugin = ViewPlugin.fromClass(class {
  constructor(view) { this.decorations = buildDecorations(view); }
  update(update) {
    if (update.docChanged || update.viewportChanged) this.decorations = buildDecorations(update.view);
  }
}, { decorations: (plugin) => plugin.decorations });

const courier = '"Courier Prime", "Courier Final Draft", "Courier New", Courier, monospace';

// Indents from the left margin (1.5 in): character 3.7 in, parenthetical 3.1 in, dialogue 2.5 in;
// dialogue 3.5 in wide, parenthetical about 2.3 in; transitions end at the right margin (7.5 in).
const theme = EditorView.theme({
  '&': { fontFamily: courier, fontSize: '12pt', backgroundColor: '#f2f2f0', color: '#111' },
  '.cm-scroller': { fontFamily: courier, lineHeight: '1.2' },
  // A sheet of US Letter: the 6 in text column with the 1.5 in left and 1 in right margins around it.
  '.cm-content': {
    boxSizing: 'content-box', width: '60ch', flexGrow: '0', flexShrink: '0', margin: '1.5em auto',
    padding: '1in 10ch 1in 15ch', backgroundColor: '#fff', boxShadow: '0 1px 4px rgba(0,0,0,0.15)', caretColor: '#111',
  },
  '.cm-activeLine': { backgroundColor: '#f7f9ff' },
  '.cm-line': { padding: '0' },
  '.cm-sp-scene-heading': { fontWeight: 'bold' },
  '.cm-sp-character': { paddingLeft: '22ch' },
  '.cm-sp-parenthetical': { paddingLeft: '16ch', paddingRight: '21ch' },
  '.cm-sp-dialogue': { paddingLeft: '10ch', paddingRight: '15ch' },
  '.cm-sp-lyrics': { paddingLeft: '10ch', paddingRight: '15ch', fontStyle: 'italic' },
  '.cm-sp-transition': { textAlign: 'right' },
  '.cm-sp-centered': { textAlign: 'center' },
  '.cm-sp-section': { color: '#5b6b8c', fontFamily: 'system-ui, sans-serif', fontWeight: '600' },
  '.cm-sp-synopsis': { color: '#6b7a6b', fontStyle: 'italic' },
  '.cm-sp-page-break': { borderBottom: '1px dashed #bbb', color: '#aaa' },
  '.cm-sp-title-page': { color: '#444', textAlign: 'center' },
  '.cm-sp-hidden': { opacity: '0.6' },
  '.cm-sp-bold': { fontWeight: 'bold' },
  '.cm-sp-italic': { fontStyle: 'italic' },
  '.cm-sp-underline': { textDecoration: 'underline' },
  '.cm-sp-marker, .cm-sp-scene-number': { color: '#aaa' },
  '.cm-sp-note': { color: '#7a8a3a', backgroundColor: '#f6f8e8' },
  '.cm-sp-boneyard': { color: '#aaa', textDecoration: 'line-through' },
});

/** The screenplay look: line classification, decorations and the page-like theme. */
export function screenplayLook() {
  return [classification, decorationsPlugin, theme, EditorView.lineWrapping];
}
