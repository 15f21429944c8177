// Reads a JSON array of Fountain texts on stdin and prints, for each, the classifier's type of every line.
// The C# parity test (tests/Screenplay.Web.Tests/Editor/ClassifierParityTests.cs) runs this next to Fountain.Parse.
import { classify } from '../src/fountain/classify.js';

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
const texts = JSON.parse(input);
process.stdout.write(JSON.stringify(texts.map((text) => classify(text).lines.map((l) => l.type))));
