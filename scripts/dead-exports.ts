/**
 * Dead exports of src/ (GUIDE: no dead exports), found with the TypeScript compiler's own resolution:
 * an export is alive when some file of the project (src, scripts, tests) imports it, directly or
 * through a barrel, or when its own file uses it. Entry files (what Apps Script and the build see) are
 * alive by definition. `npm run lint` runs it: `tsx scripts/dead-exports.ts` exits 1 and names each one.
 *
 * Hand-written rather than knip or ts-prune: the compiler it needs is already the project's, and the
 * rule is a short pass over its symbols.
 */
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface DeadExport {
  /** Relative to the project root, with forward slashes. */
  file: string;
  name: string;
}

export interface DeadExportOptions {
  /** The tsconfig whose files make up the project (every importer counts). */
  tsconfig: string;
  /** Only exports of files under these folders are checked (relative to the tsconfig's folder). */
  checked: readonly string[];
  /** Files whose exports are used from outside TypeScript (the bundle's entry points). */
  entries: readonly string[];
}

function program(tsconfig: string): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${tsconfig}`);
  return ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
}

export function deadExports({ tsconfig, checked, entries }: DeadExportOptions): DeadExport[] {
  const root = dirname(resolve(tsconfig));
  const name = (file: string): string => relative(root, file).split(sep).join('/');
  const prog = program(tsconfig);
  const checker = prog.getTypeChecker();
  const projectFiles = prog
    .getSourceFiles()
    .filter((f) => !f.isDeclarationFile && !f.fileName.includes('/node_modules/'));
  const used = new Set<ts.Symbol>();

  /** Marks a symbol and every alias it passes through (import → barrel re-export → declaration). */
  const markChain = (start: ts.Symbol | undefined): void => {
    let symbol = start;
    while (symbol && !used.has(symbol)) {
      used.add(symbol);
      if (!(symbol.flags & ts.SymbolFlags.Alias)) break;
      symbol = checker.getImmediateAliasedSymbol(symbol);
    }
  };
  const markModule = (specifier: ts.Expression): void => {
    const module = checker.getSymbolAtLocation(specifier);
    if (module) for (const exported of checker.getExportsOfModule(module)) markChain(exported);
  };

  for (const file of projectFiles) {
    for (const statement of file.statements) {
      if (ts.isImportDeclaration(statement)) {
        const clause = statement.importClause;
        if (!clause) continue;
        if (clause.name) markChain(checker.getSymbolAtLocation(clause.name));
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) markModule(statement.moduleSpecifier);
        if (bindings && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements) markChain(checker.getSymbolAtLocation(element.name));
        }
      } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
        // `export * as ns from` re-exports a whole module under one name.
        if (statement.exportClause && ts.isNamespaceExport(statement.exportClause)) {
          markModule(statement.moduleSpecifier);
        }
      }
    }
  }

  /** True when the file itself refers to the symbol (besides declaring it). */
  const usedInOwnFile = (file: ts.SourceFile, symbol: ts.Symbol): boolean => {
    const declarations = new Set(symbol.declarations?.map((d) => ts.getNameOfDeclaration(d)));
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (ts.isIdentifier(node) && node.text === symbol.name && !declarations.has(node)) {
        const at = checker.getSymbolAtLocation(node);
        const target = at && at.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(at) : at;
        if (target === symbol) found = true;
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    return found;
  };

  const isChecked = (file: string): boolean =>
    checked.some((folder) => file.startsWith(`${folder}/`)) && !entries.includes(file);
  const dead: DeadExport[] = [];
  for (const file of projectFiles) {
    const path = name(file.fileName);
    if (!isChecked(path)) continue;
    const module = checker.getSymbolAtLocation(file);
    if (!module) continue;
    for (const exported of checker.getExportsOfModule(module)) {
      if (used.has(exported)) continue;
      const local = exported.flags & ts.SymbolFlags.Alias ? undefined : exported;
      // `export *` brings symbols declared elsewhere: they are judged in their own file.
      if (local?.declarations?.every((d) => d.getSourceFile() !== file)) continue;
      if (local && usedInOwnFile(file, local)) continue;
      dead.push({ file: path, name: exported.name });
    }
  }
  return dead.sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) {
  /** Modules landed ahead of their users, with who will use them. Remove a line once they do. */
  const aheadOfUse: Record<string, string> = {
    'src/core/scoring/index.ts':
      'the rubric engine: quality audits, assessments and inspections (src/jobs/audits)',
  };
  const dead = deadExports({
    tsconfig: join(__dirname, '..', 'tsconfig.node.json'),
    checked: ['src'],
    entries: ['src/index.ts', 'src/handlers.ts'],
  }).filter((d) => !(d.file in aheadOfUse));
  for (const { file, name } of dead) console.error(`dead export: ${name} (${file}): nothing imports it`);
  if (dead.length > 0) {
    console.error(`${dead.length} dead export(s): remove them, or use them.`);
    process.exit(1);
  }
}
