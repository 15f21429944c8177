// Autocomplete of what the script already has: character names on a cue line, locations and times of day in a
// scene heading.
import { autocompletion } from '@codemirror/autocomplete';
import { screenplayLines } from './look.js';
import { cueName } from './fountain/classify.js';

const headingStart = /^(\.?(?:int\.?\/ext|int|ext|est|i\/e)[. ]\s*)/i;
const standardTimes = ['DAY', 'NIGHT', 'MORNING', 'AFTERNOON', 'EVENING', 'DAWN', 'DUSK', 'CONTINUOUS', 'LATER', 'MOMENTS LATER'];

/** Character names (extensions removed) and heading locations / times in the script, in order of first use. */
export function scriptVocabulary(state) {
  const { lines } = screenplayLines(state);
  const names = new Set();
  const locations = new Set();
  const times = new Set();
  const doc = state.doc;
  for (let i = 0; i < lines.length; i++) {
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
  const vocabulary = scriptVocabulary(state);

  const heading = headingStart.exec(typed);
  if (heading) {
    const rest = typed.slice(heading[1].length);
    const dash = rest.lastIndexOf(' - ');
    if (dash >= 0) {
      const from = line.from + heading[1].length + dash + 3;
      const times = [...new Set([...vocabulary.times, ...standardTimes])];
      return { from, options: times.map((label) => ({ label, type: 'constant' })), validFor: /^[\w' ]*$/ };
    }
    const current = rest.trim().toUpperCase();
    const options = vocabulary.locations.filter((l) => l !== current).map((label) => ({ label, type: 'class' }));
    if (options.length === 0) return null;
    return { from: line.from + heading[1].length, options, validFor: /^[^-]*$/ };
  }

  const prevBlank = line.number === 1 || state.doc.line(line.number - 1).text.trim().length === 0;
  if (!prevBlank) return null;
  const forced = typed.trimStart().startsWith('@');
  const word = forced ? typed.trimStart().slice(1) : typed.trimStart();
  if (!context.explicit && (word.length === 0 || /\p{Ll}/u.test(word) || !/\p{L}/u.test(word))) return null;
  if (word.includes('(')) return null;
  const current = word.trim();
  const options = vocabulary.names.filter((n) => n !== current).map((label) => ({ label, type: 'variable' }));
  if (options.length === 0) return null;
  return { from: pos - word.length, options, validFor: /^[^(\n]*$/ };
}

export function screenplayAutocomplete() {
  return autocompletion({ override: [screenplayCompletions], activateOnTyping: true, defaultKeymap: true });
}
