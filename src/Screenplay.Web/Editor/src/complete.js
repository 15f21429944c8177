// Autocomplete of what the script already has: character names on a cue line, locations and times of day in a
// scene heading.
import { autocompletion } from '@codemirror/autocomplete';
import { screenplayLines } from './look.js';
import { cueName } from './fountain/classify.js';

const headingStart = /^(\.?(?:int\.?\/ext|int|ext|est|i\/e)[. ]\s*)/i;
const standardTimes = ['DAY', 'NIGHT', 'MORNING', 'AFTERNOON', 'EVENING', 'DAWN', 'DUSK', 'CONTINUOUS', 'LATER', 'MOMENTS LATER'];

/**
 * Character names (extensions removed) and heading locations / times in the script, in order of first use; the line
 * numbered `exceptLine` (the one being typed) does not count.
 */
export function scriptVocabulary(state, exceptLine = 0) {
  const { lines } = screenplayLines(state);
  const names = new Set();
  const locations = new Set();
  const times = new Set();
  const doc = state.doc;
  for (let i = 0; i < lines.length; i++) {
    if (i + 1 === exceptLine) continue;
    const type = lines[i]?.type;
    if (type === 'character') {
      const name = cueName(doc.line(i + 1).text);
      if (name) names.add(name);
    } else if (type === 'scene_heading') {
      const heading = splitHeading(doc.line(i + 1).text.replace(/#[^#\s]+#\s*$/, '').trim());
      if (heading?.location) locations.add(heading.location);
      if (heading?.time) times.add(heading.time);
    }
  }
  return { names: [...names], locations: [...locations], times: [...times] };
}

function splitHeading(text) {
  const m = headingStart.exec(text);
  if (!m) return null;
  const rest = text.slice(m[1].length);
  const dash = rest.lastIndexOf(' - ');
  return dash < 0
    ? { location: rest.trim(), time: '' }
    : { location: rest.slice(0, dash).trim(), time: rest.slice(dash + 3).trim() };
}

/**
 * The completion source. Names are offered on a line that stands after a blank line and is typed in capitals
 * (or forced with `@`); locations after a heading's INT./EXT. prefix, times after its ` - `.
 * @param {import('@codemirror/autocomplete').CompletionContext} context
 */
export function screenplayCompletions(context) {
  const { state, pos } = context;
  const line = state.doc.lineAt(pos);
  if (line.text.slice(pos - line.from).trim().length > 0) return null; // only at the end of the line
  const typed = line.text.slice(0, pos - line.from);
  const vocabulary = scriptVocabulary(state, line.number);

  const heading = headingStart.exec(typed);
  if (heading) {
    const rest = typed.slice(heading[1].length);
    const dash = rest.lastIndexOf(' - ');
    if (dash >= 0) {
      const from = line.from + heading[1].length + dash + 3;
      const times = [...new Set([...vocabulary.times, ...standardTimes])];
      if (isKnown(times, rest.slice(dash + 3))) return null;
      return { from, options: times.map((label) => ({ label, type: 'constant' })), validFor: unlessComplete(/^[\w' ]*$/, times) };
    }
    const current = rest.trim().toUpperCase();
    if (isKnown(vocabulary.locations, current)) return null;
    const options = vocabulary.locations.map((label) => ({ label, type: 'class' }));
    if (options.length === 0) return null;
    return { from: line.from + heading[1].length, options, validFor: unlessComplete(/^[^-]*$/, vocabulary.locations) };
  }

  const prevBlank = line.number === 1 || state.doc.line(line.number - 1).text.trim().length === 0;
  if (!prevBlank) return null;
  const forced = typed.trimStart().startsWith('@');
  const word = forced ? typed.trimStart().slice(1) : typed.trimStart();
  if (!context.explicit && (word.length === 0 || /\p{Ll}/u.test(word) || !/\p{L}/u.test(word))) return null;
  if (word.includes('(')) return null;
  const current = word.trim();
  if (isKnown(vocabulary.names, current)) return null;
  const options = vocabulary.names.map((label) => ({ label, type: 'variable' }));
  if (options.length === 0) return null;
  return { from: pos - word.length, options, validFor: unlessComplete(/^[^(\n]*$/, vocabulary.names) };
}

/**
 * Keeps a list open while the writer types, until what is typed is a whole name (or location, or time) already in
 * the script: then the list closes, so Enter is the writer's Enter (a cue goes on to dialogue) and never swaps the
 * name for a longer one that starts the same (MARGOT for MARGOTTE).
 */
function unlessComplete(pattern, known) {
  return (text) => pattern.test(text) && !isKnown(known, text);
}

function isKnown(known, text) {
  const typed = text.trim().toUpperCase();
  return typed.length > 0 && known.some((k) => k.toUpperCase() === typed);
}

export function screenplayAutocomplete() {
  return autocompletion({ override: [screenplayCompletions], activateOnTyping: true, defaultKeymap: true });
}
