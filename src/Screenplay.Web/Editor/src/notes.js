// Note markers: a gutter marker beside each scene heading that has notes, and a mark on each pinned passage.
// The server (through the Blazor notes panel) says which scenes and passages have notes; here they are placed in
// this editor's document and then mapped through every transaction, local or remote, so they follow the text until
// the next refresh. Clicking a marker tells the page which scene's notes to open.
import { StateEffect, StateField, RangeSetBuilder } from '@codemirror/state';
import { EditorView, Decoration, GutterMarker, gutter } from '@codemirror/view';
import { getSyncedVersion, sendableUpdates } from '@codemirror/collab';

/** Replaces every marker: `{ markers: [{ pos, sceneId, open, total }], passages: [{ from, to, threadId, open }] }` (positions in this document). */
export const setNotes = StateEffect.define();

class SceneNoteMarker extends GutterMarker {
  constructor(sceneId, open, total) {
    super();
    this.sceneId = sceneId;
    this.open = open;
    this.total = total;
  }
  eq(other) { return other.sceneId === this.sceneId && other.open === this.open && other.total === this.total; }
  toDOM() {
    const marker = document.createElement('span');
    marker.className = this.open > 0 ? 'sp-note-marker sp-note-open' : 'sp-note-marker sp-note-resolved';
    marker.dataset.sceneId = this.sceneId;
    marker.textContent = this.open > 0 ? String(this.open) : '✓';
    marker.title = this.open > 0
      ? `${this.open} open note${this.open === 1 ? '' : 's'} (${this.total} in all): show them`
      : `${this.total} resolved note${this.total === 1 ? '' : 's'}: show them`;
    return marker;
  }
}
// Text inserted right at a heading's start (a new scene typed above it) goes before the marker: it stays with its scene.
SceneNoteMarker.prototype.startSide = 1;
SceneNoteMarker.prototype.endSide = 1;

const passageMark = (threadId, open) => Decoration.mark({
  class: open ? 'sp-note-passage sp-note-open' : 'sp-note-passage',
  attributes: { 'data-thread-id': threadId },
});

/** Scene markers (a RangeSet of gutter markers at heading line starts) and passage marks, mapped through changes. */
export const notesField = StateField.define({
  create: () => ({ markers: new RangeSetBuilder().finish(), passages: Decoration.none }),
  update(value, tr) {
    let next = tr.docChanged
      ? { markers: value.markers.map(tr.changes), passages: value.passages.map(tr.changes) }
      : value;
    for (const effect of tr.effects) {
      if (effect.is(setNotes)) next = build(tr.state.doc, effect.value);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field, (value) => value.passages),
});

function build(doc, { markers = [], passages = [] }) {
  const clamp = (pos) => Math.max(0, Math.min(doc.length, pos | 0));
  const sceneMarkers = new RangeSetBuilder();
  for (const m of [...markers].map((m) => ({ ...m, pos: doc.lineAt(clamp(m.pos)).from })).sort((a, b) => a.pos - b.pos)) {
    sceneMarkers.add(m.pos, m.pos, new SceneNoteMarker(m.sceneId, m.open, m.total));
  }
  const marks = new RangeSetBuilder();
  for (const p of [...passages].map((p) => ({ ...p, from: clamp(p.from), to: clamp(p.to) })).filter((p) => p.to > p.from).sort((a, b) => a.from - b.from)) {
    marks.add(p.from, p.to, passageMark(p.threadId, p.open));
  }
  return { markers: sceneMarkers.finish(), passages: marks.finish() };
}

/** The extension: the field, a gutter showing its markers, and a click handler reporting the scene id. */
export function noteMarkers(onOpenScene) {
  return [
    notesField,
    gutter({
      class: 'sp-note-gutter',
      markers: (view) => view.state.field(notesField).markers,
      domEventHandlers: {
        mousedown(view, line) {
          let sceneId = null;
          view.state.field(notesField).markers.between(line.from, line.to, (_from, _to, marker) => { sceneId = marker.sceneId; return false; });
          if (sceneId == null) return false;
          onOpenScene?.(sceneId);
          return true;
        },
      },
    }),
    EditorView.baseTheme({
      '.sp-note-gutter': { minWidth: '1.6em' },
      '.sp-note-marker': {
        display: 'inline-block', minWidth: '1.2em', padding: '0 0.2em', borderRadius: '0.6em', cursor: 'pointer',
        fontSize: '0.75em', lineHeight: '1.4em', textAlign: 'center', fontFamily: 'system-ui, sans-serif',
      },
      '.sp-note-marker.sp-note-open': { background: '#f2c14e', color: '#000' },
      '.sp-note-marker.sp-note-resolved': { background: '#d8e8d0', color: '#2b5d1f' },
      '.sp-note-passage': { borderBottom: '2px dotted #b88a00' },
      '.sp-note-passage.sp-note-open': { background: 'rgba(242, 193, 78, 0.18)' },
    }),
  ];
}

/**
 * Shows notes: `scenes` are `{ index, sceneId, open, total }` by 0-based scene index (placed on that heading's line in
 * this document); `passages` are `{ from, to, threadId, open }` in this document's coordinates. Returns the number of
 * scene markers placed.
 */
export function showNotes(view, headings, scenes, passages) {
  const markers = [];
  for (const s of scenes ?? []) {
    const heading = headings[s.index];
    if (heading) markers.push({ pos: view.state.doc.line(heading.line).from, sceneId: s.sceneId, open: s.open, total: s.total });
  }
  view.dispatch({ effects: setNotes.of({ markers, passages: passages ?? [] }) });
  return markers.length;
}

/** Scene ids with markers, in document order (for tests and the console). */
export function markedScenes(state) {
  const ids = [];
  state.field(notesField).markers.between(0, state.doc.length, (_f, _t, marker) => { ids.push({ sceneId: marker.sceneId, open: marker.open }); });
  return ids;
}

/**
 * Where a new note goes: the 0-based index of the scene holding the caret (-1 before the first heading) and the
 * selection as offsets in the last version the server confirmed (`getSyncedVersion`), i.e. with this editor's
 * unconfirmed edits taken back out, which is what the server expects for a pinned passage.
 */
export function noteTarget(state, headings, synced) {
  const { from, to } = state.selection.main;
  const line = state.doc.lineAt(from).number;
  let index = -1;
  for (const h of headings) {
    if (h.line <= line) index = h.index; else break;
  }
  let start = from;
  let end = to;
  let version = 0;
  if (synced) {
    version = getSyncedVersion(state);
    const pending = sendableUpdates(state);
    for (let i = pending.length - 1; i >= 0; i--) {
      const inverse = pending[i].changes.invertedDesc;
      start = inverse.mapPos(start, 1);
      end = inverse.mapPos(end, -1);
    }
  }
  return { index, from: start, to: Math.max(start, end), version, text: state.sliceDoc(from, to) };
}
