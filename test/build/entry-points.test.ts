/** src/index.ts only delegates (GUIDE "Architecture"): every entry point is one call, no branching. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const INDEX = join(__dirname, '../../src/index.ts');

/** Names of exported functions whose body is not exactly one call (as a statement or returned). */
function notDelegating(source: string): string[] {
  const file = ts.createSourceFile('index.ts', source, ts.ScriptTarget.ES2020, true);
  return file.statements.filter(ts.isFunctionDeclaration).flatMap((fn) => {
    const statements = fn.body?.statements ?? [];
    const [only] = statements;
    const expression =
      only && ts.isExpressionStatement(only)
        ? only.expression
        : only && ts.isReturnStatement(only)
          ? only.expression
          : undefined;
    return statements.length === 1 && expression && ts.isCallExpression(expression)
      ? []
      : [fn.name?.text ?? '?'];
  });
}

describe('src/index.ts', () => {
  test('every entry point is a one-call delegation', () => {
    expect(notDelegating(readFileSync(INDEX, 'utf8'))).toEqual([]);
  });

  test('the check catches an entry point that decides something itself', () => {
    const source = `export function onEdit(e) {\n  if (e.authMode !== 'FULL') return;\n  run(e);\n}\nexport function ok() {\n  run();\n}\n`;
    expect(notDelegating(source)).toEqual(['onEdit']);
  });
});
