// Grafana's LogQL grammar (@grafana/lezer-logql, the one Grafana's query
// editor highlights and lints with) as a second opinion on LogQL syntax.
//
//   node lezer_logql.mjs NODE_MODULES < inputs > verdicts
//
// Reads one JSON string a line (an expression may span lines) and prints one
// `{"input", "accept", "errors"}` object a line: accept is false when lezer's
// tree holds an error node; errors are the [from, to) offsets (UTF-16 units)
// of those nodes. Lezer recovers instead of failing, so an error node is its
// only way of saying "not LogQL". It knows syntax only: no semantic check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const nodeModules = process.argv[2];
if (!nodeModules) {
  console.error('usage: node lezer_logql.mjs NODE_MODULES < json-lines');
  process.exit(2);
}
const { parser } = await import(
  pathToFileURL(join(nodeModules, '@grafana/lezer-logql/index.es.js')).href);

const out = [];
for (const line of readFileSync(0, 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  const input = JSON.parse(line);
  const errors = [];
  parser.parse(input).iterate({
    enter(node) {
      if (node.type.isError) errors.push([node.from, node.to]);
    },
  });
  out.push(JSON.stringify({ input, accept: errors.length === 0, errors }));
}
process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
