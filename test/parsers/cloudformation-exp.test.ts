import { it } from 'vitest';
import { parseDataDocument } from '../../parsers/cloudformation/yaml.js';
it("exp", () => {
const show = (t: string) => console.log(JSON.stringify(parseDataDocument('f.yaml', t), (k, v) => (k === 'span' || k==='keySpan') ? `${v.start.line}:${v.start.column}-${v.end.line}:${v.end.column}` : v));
show('A: !Ref X # c1\nB: !GetAtt [A, B]\nC: !Sub\n  - "x # y"\n  - {a: 1}\nD: !GetAZs\nE: |\n  #!/bin/bash\n  # hi\n# top\nF: 0123\n');
show('{\n\t"a": [1, "x"],\n  "b":{"c":true}\n}');
show('a: 1\nb: 2\na: 3\n');
show('a: [1, 2\nb: 3');
show('');
show('a: &x !If [c, 1, 2]\nb: *x\n');
const lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (let i = 1; i < 10; i++) lol.push(`${String.fromCharCode(97+i)}: &${String.fromCharCode(97+i)} [${Array(9).fill('*'+String.fromCharCode(96+i)).join(',')}]`);
let t0 = Date.now(); show(lol.join('\n')); console.log(Date.now()-t0);
t0 = Date.now(); console.log(JSON.stringify(parseDataDocument('d.yaml', '['.repeat(1000) + ']'.repeat(1000)).errors), Date.now()-t0);
let s = ''; for (let i = 0; i < 1000; i++) s += ' '.repeat(i) + 'k:\n'; 
t0 = Date.now(); console.log(JSON.stringify(parseDataDocument('d.yaml', s).errors), Date.now()-t0);
t0 = Date.now(); console.log(JSON.stringify(parseDataDocument('d.yaml', '['.repeat(100000) + ']'.repeat(100000)).errors), Date.now()-t0);
});
