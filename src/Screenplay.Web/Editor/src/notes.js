// Note markers: a marker in the margin beside each scene heading that has notes, and a mark on each pinned passage.
// The server (through the Blazor notes panel) says which scenes and passages have notes; here they are placed in
// this editor's document and then mapped through every transaction, local or remote, so they follow the text until
// the next refresh. A passage comes in the server's offsets at a version: it is carried through this editor's
// unconfirmed edits, or held back until the editor has caught up with a newer version. Clicking a marker tells the
// page which scene's notes to open.
import { StateEffect, StateField, RangeSetBuilder } from '@codemirror/state';
import { EditorView, Decoration, WidgetType } from '@codemirror/view';
import { getSyncedVersion, sendableUpdates } from '@codemirror/collab';

/**
 * Replaces every marker: `{ markers: [{ pos, sceneId, open, total }], passages: [{ from, to, threadId, open, version }] }`.
 * Marker positions are in this document; passage offsets are in the server's text at `version` (without a version, in
 * this document).
 */
export const setNotes = StateEffect.define();

class SceneNoteMarker extends WidgetType {
  constructor(sceneId, open, total) {
    super();
    this.sceneId = sceneId;
    this.open = open;
    this.total = total;
  }
  eq(other) { return other.sceneId === this.sceneId && other.open === this.open && other.total === this.total; }
  toDOM() {
    // A zero-width anchor at the heading's start; the marker itself hangs in the page's left margin beside the line.
    const anchor = document.createElement('span');
    anchor.className = 'sp-note-anchor';
    const marker = document.createElement('span');
    marker.className = this.open > 0 ? 'sp-note-marker sp-note-open' : 'sp-note-marker sp-note-resolved';
    marker.dataset.sceneId = this.sceneId;
    marker.setAttribute('role', 'button');
    marker.textContent = this.open > 0 ? String(this.open) : '✓';
    marker.title = this.open > 0
      ? `${this.open} open note${this.open === 1 ? '' : 's'} (${this.total} in all): show them`
      : `${this.total} resolved note${this.total === 1 ? '' : 's'}: show them`;
    anchor.appendChild(marker);
    return anchor;
  }
  ignoreEvent() { return false; }
}

// side: 1 puts text inserted right at a heading's start (a new scene typed above it) before the marker, which so
// stays with its scene.
const sceneMarker = (sceneId, open, total) => Decoration.widget({ widget: new SceneNoteMarker(sceneId, open, total), side: 1 });

const passageMark = (threadId, open) => Decoration.mark({
  class: open ? 'sp-note-passage sp-note-open' : 'sp-note-passage',
  attributes: { 'data-thread-id': threadId },
});

/** Scene markers (widgets at heading line starts) and passage marks, mapped through changes; passages of a version still to come wait. */
export const notesField = StateField.define({
  create: () => ({ markers: Decoration.none, passages: Decoration.none, waiting: [] }),
  update(value, tr) {
    let next = tr.docChanged
      ? { ...value, markers: value.markers.map(tr.changes), passages: value.passages.map(tr.changes) }
      : value;
    for (const effect of tr.effects) {
      if (effect.is(setNotes)) next = build(tr.state, effect.value);
    }
    if (next.waiting.length > 0 && next.waiting.some((p) => p.version <= syncedVersion(tr.state))) {
      next = placePassages(tr.state, next, next.waiting);
    }
    return next;
  },
  provide: (field) => [
    EditorView.decorations.from(field, (value) => value.markers),
    EditorView.decorations.from(field, (value) => value.passages),
  ],
});

function build(state, { markers = [], passages = [] }) {
  const doc = state.doc;
  const clamp = (pos) => Math.max(0, Math.min(doc.length, pos | 0));
  const sceneMarkers = new RangeSetBuilder();
  for (const m of [...markers].map((m) => ({ ...m, pos: doc.lineAt(clamp(m.pos)).from })).sort((a, b) => a.pos - b.pos)) {
    sceneMarkers.add(m.pos, m.pos, sceneMarker(m.sceneId, m.open, m.total));
  }
  return placePassages(state, { markers: sceneMarkers.finish(), passages: Decoration.none, waiting: [] }, passages);
}

/** The editor's last server-confirmed version; null without live sync (then passages are in this document already). */
function syncedVersion(state) {
  try {
    return getSyncedVersion(state);
  } catch {
    return null;
  }
}

/**
 * Adds `passages` to the marks: one at the confirmed version is carried through this editor's unconfirmed edits; one at
 * a newer version waits until the editor has it; one at an older version (or without one) is taken as it is.
 */
function placePassages(state, value, passages) {
  const synced = syncedVersion(state);
  const pending = synced === null ? [] : sendableUpdates(state);
  const clamp = (pos) => Math.max(0, Math.min(state.doc.length, pos | 0));
  const placed = [];
  const waiting = [];
  for (const p of passages) {
    if (synced !== null && p.version > synced) {
      waiting.push(p);
      continue;
    }
    let { from, to } = p;
    if (synced !== null && p.version === synced) {
      for (const update of pending) {
        from = update.changes.mapPos(from, 1);
        to = update.changes.mapPos(to, -1);
      }
    }
    placed.push({ ...p, from: clamp(from), to: clamp(to) });
  }
  // Marks already placed stay where the edits since have carried them.
  const marks = new RangeSetBuilder();
  const all = [];
  value.passages.between(0, state.doc.length, (from, to, deco) => { all.push({ from, to, deco }); });
  for (const p of placed.filter((p) => p.to > p.from)) all.push({ from: p.from, to: p.to, deco: passageMark(p.threadId, p.open) });
  for (const m of all.sort((a, b) => a.from - b.from)) marks.add(m.from, m.to, m.deco);
  return { ...value, passages: marks.finish(), waiting };
}

/** The extension: the field, and a click on a marker reporting its scene id. */
export function noteMarkers(onOpenScene) {
  return [
    notesField,
    EditorView.domEventHandlers({
      mousedown(event) {
        const marker = event.target instanceof Element ? event.target.closest('.sp-note-marker') : null;
        if (!marker) return false;
        event.preventDefault();
        onOpenScene?.(marker.dataset.sceneId);
        return true;
      },
    }),
    EditorView.baseTheme({
      '.sp-note-anchor': { position: 'relative' },
      '.sp-note-marker': {
        position: 'absolute', right: '2ch', top: '0.1em', whiteSpace: 'nowrap', userSelect: 'none',
        display: 'inline-block', minWidth: '1.2em', padding: '0 0.2em', borderRadius: '0.6em', cursor: 'pointer',
        fontSize: '0.75em', lineHeight: '1.3em', textAlign: 'center', fontFamily: 'system-ui, sans-serif',
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
  state.field(notesField).markers.between(0, state.doc.length, (_f, _t, deco) => {
    ids.push({ sceneId: deco.spec.widget.sceneId, open: deco.spec.widget.open });
  });
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
