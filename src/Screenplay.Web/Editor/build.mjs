// Bundles the editor into the web app's wwwroot/editor/ (git-ignored). Run by the MSBuild target in
// Screenplay.Web.csproj on every `dotnet build` whose inputs changed; `node build.mjs --dev` skips minifying.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const dev = process.argv.includes('--dev');

await build({
  entryPoints: [path.join(here, 'src', 'index.js')],
  outfile: path.join(here, '..', 'wwwroot', 'editor', 'screenplay-editor.js'),
  bundle: true,
  format: 'esm',
  target: ['es2022'],
  minify: !dev,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
