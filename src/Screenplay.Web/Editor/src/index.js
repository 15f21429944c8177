// Entry point of the editor bundle (wwwroot/editor/screenplay-editor.js), loaded by the Blazor component
// Collaboration/ScriptEditor.razor. `createEditor` returns a handle at once; the editor appears when the hub has
// opened the script.
import { EditorState, Transaction } from '@codemirror/state';
import { EditorView, ViewPlugin, keymap, highlightActiveLine, drawSelection, dropCursor } from '@codemirror/view';
import { history, historyKeymap, defaultKeymap } from '@codemirror/commands';
import { search, searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { completionKeymap, closeBrackets } from '@codemirror/autocomplete';
import { collab, getSyncedVersion } from '@codemirror/collab';
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { screenplayLook, screenplayLines } from './look.js';
import { writerKeymap } from './keys.js';
import { screenplayAutocomplete } from './complete.js';
import { presence } from './presence.js';
import { statusBar, syncStatus } from './status.js';
import { SyncClient, isReadOnlyRole } from './sync.js';
import { UnsentStore } from './offline.js';
import { noteMarkers, showNotes, markedScenes, noteTarget } from './notes.js';

export { classify } from './fountain/classify.js';

function newClientId() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  return Math.random().toString(36).slice(2) + Date.now().toString(36);
}

/** Browser storage for unsent edits, per script and user; null where the browser refuses storage. */
function unsentStore(scriptId, userKey, clientId) {
  let storage = null;
  try { storage = globalThis.localStorage ?? null; } catch { /* blocked (privacy settings) */ }
  if (!storage) return null;
  return new UnsentStore({ storage, locks: globalThis.navigator?.locks ?? null, scriptId, userKey, clientId, page: { window, document } });
}

function colourFor(name) {
  let hash = 0;
  for (const ch of name ?? '') hash = (hash * 31 + ch.codePointAt(0)) | 0;
  return `hsl(${Math.abs(hash) % 360}, 65%, 42%)`;
}

function baseExtensions({ readOnly, userName, synced }) {
  return [
    history(),
    drawSelection(),
    dropCursor(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    closeBrackets(),
    search({ top: true }),
    screenplayAutocomplete(),
    keymap.of([...completionKeymap, ...writerKeymap, ...searchKeymap, ...historyKeymap, ...defaultKeymap]),
    screenplayLook(),
    presence(),
    synced ? statusBar({ name: userName ?? 'You', colour: colourFor(userName) }, readOnly) : [],
    EditorState.readOnly.of(readOnly),
    EditorView.contentAttributes.of({ 'aria-label': 'Screenplay text', 'aria-readonly': String(readOnly) }),
  ];
}

function buildConnection(hubUrl) {
  return new HubConnectionBuilder()
    .withUrl(hubUrl)
    // Never give up: a writer on a train gets the editor back whenever the network does.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(10000, 500 * 2 ** ctx.previousRetryCount) })
    .configureLogging(LogLevel.Warning)
    .build();
}

/**
 * Creates the editor in `parent`.
 * @param {HTMLElement} parent
 * @param {{ scriptId?: string, hubUrl?: string, role?: string, userName?: string, userKey?: string, text?: string,
 *   dotnet?: { invokeMethodAsync: (name: string, ...args: any[]) => Promise<any> } }} options
 *   With a `scriptId` the text comes from the hub and stays in sync; without one the editor edits `text` alone.
 *   `userKey` (the user's id) keeps one user's stored offline edits apart from another's in a shared browser.
 * @returns the handle the Blazor component keeps: `destroy()`, `jumpToScene(index)`, `jumpToLine(line)`,
 *   `getText()`, `status()`, `ready` (a promise), and for notes `showNotes(scenes, passages)`, `markedScenes()`,
 *   `noteTarget()` (see notes.js). A click on a note marker calls `dotnet.OnNoteMarkerClicked(sceneId)`.
 */
export function createEditor(parent, options = {}) {
  const roleReadOnly = isReadOnlyRole(options.role);
  let view = null;
  let sync = null;
  let destroyed = false;
  const message = document.createElement('div');
  message.className = 'sp-editor-message';
  message.textContent = 'Opening the script…';
  parent.appendChild(message);

  const networkLost = () => sync?.networkLost();
  const networkBack = () => sync?.networkBack();
  const unsavedGuard = (event) => {
    if (view && syncStatus(view.state).pending > 0) {
      event.preventDefault();
      event.returnValue = '';
    }
  };

  const scenesNotifier = options.dotnet ? debounce(() => {
    if (!view || destroyed) return;
    options.dotnet.invokeMethodAsync('OnScenesChanged', scenesOf(view.state)).catch(() => { /* circuit gone */ });
  }, 400) : null;

  // The server has the text as of the version we reached: it computes the statistics from that (cached per version
  // for everyone in the script). A pause of a second, so a typist does not make the server paginate per keystroke.
  const versionNotifier = options.dotnet && options.scriptId ? debounce(() => {
    if (!view || destroyed) return;
    options.dotnet.invokeMethodAsync('OnVersionReached', getSyncedVersion(view.state)).catch(() => { /* circuit gone */ });
  }, 1000) : null;

  function mount(text, version, readOnly, extra) {
    message.remove();
    view = new EditorView({
      parent,
      state: EditorState.create({
        doc: text,
        extensions: [
          baseExtensions({ readOnly, userName: options.userName, synced: Boolean(options.scriptId) }),
          noteMarkers((sceneId) => options.dotnet?.invokeMethodAsync('OnNoteMarkerClicked', sceneId).catch(() => { /* circuit gone */ })),
          extra,
          ViewPlugin.define(() => ({
            update(u) {
              const versionMoved = sync !== null && getSyncedVersion(u.state) !== getSyncedVersion(u.startState);
              if (u.docChanged && u.transactions.some((tr) => tr.docChanged && !tr.annotation(Transaction.remote))) sync?.localChanged();
              if (u.docChanged || versionMoved) sync?.remember();
              if (u.selectionSet || u.docChanged) sync?.selectionChanged();
              if (u.docChanged) scenesNotifier?.();
              if (versionMoved) versionNotifier?.();
            },
          })),
        ],
      }),
    });
    scenesNotifier?.();
    versionNotifier?.();
    return view;
  }

  const ready = (async () => {
    if (!options.scriptId) {
      mount(options.text ?? '', 0, roleReadOnly, []);
      return;
    }
    const clientId = newClientId(); // one per tab: two tabs of one user are two clients
    sync = new SyncClient({
      connection: buildConnection(options.hubUrl ?? '/hubs/script'), scriptId: options.scriptId, clientId,
      store: unsentStore(options.scriptId, options.userKey, clientId),
    });
    window.addEventListener('offline', networkLost);
    window.addEventListener('online', networkBack);
    let opened;
    try {
      opened = await sync.open();
    } catch (err) {
      message.textContent = `The script could not be opened: ${err?.message ?? err}`;
      message.classList.add('sp-editor-error');
      throw err;
    }
    if (destroyed) return;
    const readOnly = roleReadOnly || isReadOnlyRole(opened.role);
    mount(opened.text ?? '', opened.version ?? 0, readOnly, collab({ startVersion: opened.version ?? 0, clientID: clientId }));
    sync.attach(view, opened, readOnly);
    window.addEventListener('beforeunload', unsavedGuard);
  })();
  ready.catch(() => { /* shown in the message; the caller may await `ready` */ });

  const handle = {
    ready,
    destroy() {
      destroyed = true;
      if (parent.screenplayEditor === handle) delete parent.screenplayEditor;
      window.removeEventListener('beforeunload', unsavedGuard);
      window.removeEventListener('offline', networkLost);
      window.removeEventListener('online', networkBack);
      sync?.destroy();
      view?.destroy();
      message.remove();
    },
    /** Moves the caret to the start of the scene with this 0-based index (scene headings in order). */
    jumpToScene(index) {
      const scene = view ? scenesOf(view.state)[index] : undefined;
      if (!scene) return false;
      return this.jumpToLine(scene.line);
    },
    /** Moves the caret to the start of a 1-based line and scrolls it to the top. */
    jumpToLine(line) {
      if (!view || line < 1 || line > view.state.doc.lines) return false;
      const pos = view.state.doc.line(line).from;
      view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'start', yMargin: 40 }) });
      view.focus();
      return true;
    },
    getText() { return view ? view.state.doc.toString() : null; },
    // Notes (notes.js): markers beside scene headings and on pinned passages, and where a new note would go.
    showNotes(scenes, passages) { return view ? showNotes(view, scenesOf(view.state), scenes, passages) : 0; },
    markedScenes() { return view ? markedScenes(view.state) : []; },
    noteTarget() { return view ? noteTarget(view.state, scenesOf(view.state), Boolean(options.scriptId)) : null; },
    status() { return view ? syncStatus(view.state) : { status: 'connecting', pending: 0 }; },
  };
  // Reachable from the page (tests, the browser console) without a global.
  parent.screenplayEditor = handle;
  return handle;
}

/** The scene headings of the script: `{ index, line, heading }`. */
export function scenesOf(state) {
  const { lines } = screenplayLines(state);
  const scenes = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.type === 'scene_heading') scenes.push({ index: scenes.length, line: i + 1, heading: headingText(state.doc.line(i + 1).text) });
  }
  return scenes;
}

function headingText(line) {
  return line.trim().replace(/^\.(?!\.)/, '').replace(/#[^#\s]+#\s*$/, '').trim();
}

function debounce(fn, ms) {
  let timer = null;
  return () => { clearTimeout(timer); timer = setTimeout(fn, ms); };
}
