// Dumps the parts of compromise's lexicon that dossier uses, as `word<TAB>tags` lines.
// Usage: node compromise_dump.mjs PATH/TO/UNPACKED/compromise/package
import { createRequire } from 'module'; import path from 'path';
const dir = path.resolve(process.argv[2]); const require = createRequire(import.meta.url);
const nlp = require(path.join(dir, 'builds/three/compromise-three.cjs'));
const keep = new Set(['Organization','Demonym','Honorific','Actor','Country','City','Region','Place',
  'FirstName','MaleName','FemaleName','LastName','Person','Abbreviation']);
const lines = [];
for (const [w, t] of Object.entries(nlp.model().one.lexicon)) {
  const tags = Array.isArray(t) ? t : String(t).split(',');
  if (tags.some(x => keep.has(x))) lines.push(`${w}\t${tags.join(',')}`);
}
for (const [f, tag] of [['orgWords', 'OrgHeadWord'], ['placeWords', 'PlaceHeadWord']]) {
  const m = (await import(path.join(dir, `src/2-two/preTagger/model/${f}.js`))).default;
  for (const w of Object.keys(m)) lines.push(`${w}\t${tag}`);
}
lines.sort();
console.log(lines.join('\n'));
