// Loads the classifier cases shared with the C# parser (tests/Screenplay.Web.Tests/Editor/classifier-cases.txt).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const casesPath = fileURLToPath(new URL('../../../../tests/Screenplay.Web.Tests/Editor/classifier-cases.txt', import.meta.url));

/** @returns {{ name: string, text: string, types: string[] }[]} */
export function loadCases() {
  const cases = [];
  for (const line of readFileSync(casesPath, 'utf8').split('\n')) {
    if (line.startsWith('## ')) cases.push({ name: line.slice(3), lines: [], types: [] });
    else if (cases.length > 0 && line.includes('\t')) {
      const tab = line.indexOf('\t');
      cases.at(-1).types.push(line.slice(0, tab));
      cases.at(-1).lines.push(line.slice(tab + 1));
    }
  }
  return cases.map(({ name, lines, types }) => ({ name, text: lines.join('\n'), types }));
}
