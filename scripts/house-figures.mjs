// The house's figures for reviews and closing notes: lines over 140 characters, functions over 80
// lines (outside test/), and main/core folders that import each other. `npm run figures`.
import console from 'node:console';
import ts from 'typescript';
import fs from 'node:fs';
import path from 'node:path';
const roots = ['main', 'shared', 'preload', 'renderer/src', 'test', 'scripts'];
const files = [];
function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name === 'dist') continue;
      walk(p);
    } else if (/\.(ts|tsx|mjs)$/.test(e.name)) files.push(p);
  }
}
roots.forEach((r) => fs.existsSync(r) && walk(r));
let long = 0,
  fns = [];
for (const f of files) {
  const t = fs.readFileSync(f, 'utf8');
  long += t.split('\n').filter((l) => l.length > 140).length;
  const sf = ts.createSourceFile(f, t, ts.ScriptTarget.Latest, true, f.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const visit = (n) => {
    if (ts.isFunctionDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n)) {
      const a = sf.getLineAndCharacterOfPosition(n.getStart()).line,
        b = sf.getLineAndCharacterOfPosition(n.getEnd()).line;
      if (b - a + 1 > 80 && !f.startsWith('test/')) {
        let name = n.name?.getText?.() ?? (ts.isVariableDeclaration(n.parent) ? n.parent.name.getText() : '?');
        fns.push(`${f}:${a + 1} ${name} ${b - a + 1}`);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}
console.log('files', files.length, 'lines>140', long, 'functions>80 (non-test)', fns.length);
console.log(fns.join('\n'));
// mutual imports in main/core
const core = 'main/core';
const dep = {};
for (const f of files.filter((f) => f.startsWith(core + '/'))) {
  const from = f.split('/')[2];
  const t = fs.readFileSync(f, 'utf8');
  for (const m of t.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
    if (!m[1].startsWith('.')) continue;
    const abs = path.normalize(path.join(path.dirname(f), m[1]));
    if (!abs.startsWith(core + '/')) continue;
    const to = abs.split('/')[2];
    if (to !== from && !to.endsWith('.ts')) {
      (dep[from] ??= new Set()).add(to);
    }
  }
}
const pairs = [];
for (const a in dep) for (const b of dep[a]) if (a < b && dep[b]?.has(a)) pairs.push(a + '<->' + b);
console.log('mutual', pairs.length, pairs.join(', '));
