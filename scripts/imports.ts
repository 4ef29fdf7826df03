/**
 * The import rules of src/ (GUIDE "Architecture"), checked on the TypeScript compiler's own parse:
 * - no import cycles (type-only imports count too: a cycle of types is still a tangle to read);
 * - core/ imports nothing outside core/ but i18n *types* (core returns { key, params }; jobs render).
 * `npm test` runs them (test/build/imports.test.ts); `tsx scripts/imports.ts` prints the findings.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** Both paths relative to the checked root, with forward slashes, e.g. `core/text.ts`. */
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `./x` → x.ts or x/index.ts, as the bundler resolves it; null for packages. */
function resolveRelative(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(fromFile), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${fromFile}: cannot resolve import '${specifier}'`);
}

function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const clause = node.exportClause;
    return !!clause && ts.isNamedExports(clause) && clause.elements.every((e) => e.isTypeOnly);
  }
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return !!bindings && ts.isNamedImports(bindings) && bindings.elements.every((e) => e.isTypeOnly);
}

/** Every relative import and re-export under `root` (packages are left out: they cannot form a cycle here). */
export function importEdges(root: string): ImportEdge[] {
  const name = (file: string): string => relative(root, file).split(sep).join('/');
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(root)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, false);
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
      const specifier = statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier)) continue;
      const target = resolveRelative(file, specifier.text);
      if (target) edges.push({ from: name(file), to: name(target), typeOnly: isTypeOnly(statement) });
    }
  }
  return edges;
}

/** Each cycle once, as the list of files around it (Tarjan's strongly connected components). */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    next.set(from, [...(next.get(from) ?? []), to]);
    if (!next.has(to)) next.set(to, []);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) as number, low.get(to) as number));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node) as number, index.get(to) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfImport = (next.get(node) ?? []).includes(node);
      if (component.length > 1 || selfImport) cycles.push(component.sort());
    }
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

/** Imports from core/ to anything outside it, except type-only imports of i18n. */
export function coreLeaks(edges: readonly ImportEdge[]): ImportEdge[] {
  const inside = (path: string, folder: string): boolean => path.startsWith(`${folder}/`);
  return edges.filter(
    (edge) =>
      inside(edge.from, 'core') && !inside(edge.to, 'core') && !(edge.typeOnly && inside(edge.to, 'i18n')),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) {
  const edges = importEdges(join(__dirname, '..', 'src'));
  for (const cycle of importCycles(edges)) console.log(`cycle: ${cycle.join(' ↔ ')}`);
  for (const leak of coreLeaks(edges)) console.log(`core imports outside core: ${leak.from} → ${leak.to}`);
}
