// Presence: the others in this script, with their cursors and selections drawn in their colour and named.
// Positions are kept in this editor's own coordinates and mapped through every change, local or remote.
import { StateEffect, StateField, RangeSetBuilder } from '@codemirror/state';
import { EditorView, Decoration, WidgetType } from '@codemirror/view';

/** Someone arrives or moves: `{ clientId, userId, name, colour, anchor, head }` (anchor/head null: no cursor yet). */
export const setPeer = StateEffect.define({
  map: (peer, mapping) => (peer.anchor == null ? peer : {
    ...peer,
    anchor: mapping.mapPos(peer.anchor, 1),
    head: mapping.mapPos(peer.head, 1),
  }),
});
/** Someone leaves: the client id. */
export const removePeer = StateEffect.define();

/** Map of client id to peer, in this document's coordinates. */
export const peersField = StateField.define({
  create: () => new Map(),
  update(peers, tr) {
    let next = peers;
    if (tr.docChanged && peers.size > 0) {
      next = new Map();
      for (const [id, p] of peers) {
        next.set(id, p.anchor == null ? p : {
          ...p,
          anchor: tr.changes.mapPos(p.anchor, 1),
          head: tr.changes.mapPos(p.head, 1),
        });
      }
    }
    for (const e of tr.effects) {
      if (e.is(setPeer)) {
        if (next === peers) next = new Map(peers);
        const length = tr.state.doc.length;
        const p = e.value;
        next.set(p.clientId, p.anchor == null ? p : {
          ...p,
          anchor: Math.max(0, Math.min(length, p.anchor)),
          head: Math.max(0, Math.min(length, p.head)),
        });
      } else if (e.is(removePeer)) {
        if (next === peers) next = new Map(peers);
        next.delete(e.value);
      }
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field, peerDecorations),
});

class CaretWidget extends WidgetType {
  constructor(name, colour) {
    super();
    this.name = name;
    this.colour = colour;
  }
  eq(other) { return other.name === this.name && other.colour === this.colour; }
  toDOM() {
    const caret = document.createElement('span');
    caret.className = 'cm-sp-peer-caret';
    caret.style.borderLeftColor = this.colour;
    caret.setAttribute('aria-hidden', 'true');
    const label = document.createElement('span');
    label.className = 'cm-sp-peer-name';
    label.style.backgroundColor = this.colour;
    label.textContent = this.name;
    caret.appendChild(label);
    return caret;
  }
  ignoreEvent() { return true; }
}

function safeColour(colour) {
  return /^#[0-9a-f]{3,8}$|^(?:rgb|hsl)a?\([\d\s.,%]+\)$/i.test(colour ?? '') ? colour : '#888';
}

function peerDecorations(peers) {
  const ranges = [];
  for (const p of peers.values()) {
    if (p.anchor == null) continue;
    const colour = safeColour(p.colour);
    const from = Math.min(p.anchor, p.head);
    const to = Math.max(p.anchor, p.head);
    if (to > from) {
      ranges.push({ from, to, deco: Decoration.mark({ class: 'cm-sp-peer-selection', attributes: { style: `background-color: ${colour}33` } }) });
    }
    ranges.push({
      from: p.head,
      to: p.head,
      deco: Decoration.widget({ widget: new CaretWidget(p.name ?? 'Someone', colour), side: 1 }),
    });
  }
  ranges.sort((a, b) => a.from - b.from || a.deco.startSide - b.deco.startSide);
  const builder = new RangeSetBuilder();
  for (const r of ranges) builder.add(r.from, r.to, r.deco);
  return builder.finish();
}

export const presenceTheme = EditorView.baseTheme({
  '.cm-sp-peer-caret': {
    position: 'relative',
    borderLeft: '2px solid',
    marginLeft: '-1px',
    marginRight: '-1px',
  },
  '.cm-sp-peer-name': {
    position: 'absolute',
    top: '-1.25em',
    left: '-2px',
    fontFamily: 'system-ui, sans-serif',
    fontSize: '10px',
    lineHeight: '1.2',
    padding: '0 3px',
    borderRadius: '3px 3px 3px 0',
    color: '#fff',
    whiteSpace: 'nowrap',
    pointerEvents: 'none',
    userSelect: 'none',
  },
});

export function presence() {
  return [peersField, presenceTheme];
}
