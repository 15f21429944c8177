// The bar above the text: online / offline / saving / saved, read-only, and who is here.
import { StateEffect, StateField } from '@codemirror/state';
import { EditorView, showPanel } from '@codemirror/view';
import { sendableUpdates } from '@codemirror/collab';
import { peersField } from './presence.js';

/**
 * Connection facts the sync client reports: `{ connection: 'connecting'|'online'|'offline', error?: string,
 * notice?: string }` (a notice is news for the writer, such as edits restored from an earlier visit).
 */
export const setConnection = StateEffect.define();

export const connectionField = StateField.define({
  create: () => ({ connection: 'connecting', error: null, notice: null }),
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setConnection)) value = { ...value, ...e.value };
    return value;
  },
});

/**
 * What the writer should read: 'connecting', 'offline' (edits kept, sent when back), 'saving' (edits not yet
 * confirmed by the server) or 'saved'; with the number of unconfirmed edits. 'local' for an editor without a hub.
 */
export function syncStatus(state) {
  const field = state.field(connectionField, false);
  if (!field) return { status: 'local', pending: 0, error: null, notice: null }; // an editor with no hub behind it
  const { connection, error, notice } = field;
  let pending = 0;
  try { pending = sendableUpdates(state).length; } catch { /* no collab extension: a local editor */ }
  if (connection === 'connecting') return { status: 'connecting', pending, error, notice };
  if (connection === 'offline') return { status: 'offline', pending, error, notice };
  return { status: pending > 0 ? 'saving' : 'saved', pending, error, notice };
}

const labels = {
  connecting: 'Connecting…',
  offline: 'Offline',
  saving: 'Saving…',
  saved: 'Saved',
};

function statusPanel(self, readOnly) {
  return (view) => {
    const dom = document.createElement('div');
    dom.className = 'cm-sp-status';
    const state = document.createElement('span');
    state.className = 'cm-sp-status-state';
    state.setAttribute('role', 'status');
    state.setAttribute('aria-live', 'polite');
    const mode = document.createElement('span');
    mode.className = 'cm-sp-status-mode';
    mode.textContent = readOnly ? 'Read-only' : '';
    const news = document.createElement('span');
    news.className = 'cm-sp-status-notice';
    const people = document.createElement('ul');
    people.className = 'cm-sp-people';
    people.setAttribute('aria-label', 'Who is here');
    dom.append(state, mode, news, people);
    let last = '';
    const render = (s) => {
      const { status, pending, error, notice } = syncStatus(s);
      const peers = [...s.field(peersField).values()];
      const key = JSON.stringify([status, pending, error, notice, peers.map((p) => [p.clientId, p.name, p.colour])]);
      if (key === last) return;
      last = key;
      dom.dataset.status = status;
      state.textContent = labels[status]
        + (status === 'offline' && pending > 0 ? ` — ${pending} unsaved edit${pending === 1 ? '' : 's'} kept` : '')
        + (error ? ` — ${error}` : '');
      news.textContent = notice ?? '';
      const everyone = [{ clientId: 'self', name: `${self.name} (you)`, colour: self.colour }, ...peers];
      people.replaceChildren(...everyone.map((p) => {
        const li = document.createElement('li');
        li.className = 'cm-sp-person';
        li.dataset.clientId = p.clientId;
        const dot = document.createElement('span');
        dot.className = 'cm-sp-person-dot';
        dot.style.backgroundColor = p.colour ?? '#888';
        li.append(dot, document.createTextNode(p.name ?? 'Someone'));
        return li;
      }));
    };
    render(view.state);
    return { dom, top: true, update: (u) => render(u.state) };
  };
}

const statusTheme = EditorView.baseTheme({
  '.cm-sp-status': {
    display: 'flex', gap: '1em', alignItems: 'center', padding: '4px 8px',
    fontFamily: 'system-ui, sans-serif', fontSize: '13px', borderBottom: '1px solid #ddd', background: '#fafafa',
  },
  '.cm-sp-status-state::before': { content: '"●"', marginRight: '0.4em', color: '#999' },
  '.cm-sp-status[data-status=saved] .cm-sp-status-state::before': { color: '#2a9d3a' },
  '.cm-sp-status[data-status=saving] .cm-sp-status-state::before': { color: '#d9a400' },
  '.cm-sp-status[data-status=offline] .cm-sp-status-state::before': { color: '#c0392b' },
  '.cm-sp-status-mode': { color: '#666', fontStyle: 'italic' },
  '.cm-sp-status-notice': { color: '#1d5fa8' },
  '.cm-sp-people': { display: 'flex', gap: '0.8em', listStyle: 'none', margin: '0 0 0 auto', padding: '0' },
  '.cm-sp-person': { display: 'flex', alignItems: 'center', gap: '0.3em' },
  '.cm-sp-person-dot': { display: 'inline-block', width: '0.7em', height: '0.7em', borderRadius: '50%' },
});

/** The status bar; `self` is `{ name, colour }` of this user. */
export function statusBar(self, readOnly) {
  return [connectionField, showPanel.of(statusPanel(self, readOnly)), statusTheme];
}
