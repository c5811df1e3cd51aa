import { buildSchema, getOperationAST, parse } from 'graphql';
import { hasRecursiveVariables } from '../../src/execution/recursive-inputs';

const schema = buildSchema(`
  input Leaf { value: String }
  input Holder { leaf: Leaf, leaves: [Leaf!] }
  input Tree { children: [Tree!], leaf: Leaf }
  input Outer { tree: Tree }
  input A { b: B }
  input B { a: A }
  type Query { f(leaf: Leaf, holder: Holder, tree: [Tree!], outer: Outer, a: A, n: Int): Int }
`);

const operation = (variables: string) => {
  const found = getOperationAST(parse(`query (${variables}) { f(n: 1) }`));
  if (!found) throw new Error('no operation');
  return found;
};

describe('hasRecursiveVariables', () => {
  it.each([
    ['$n: Int', false],
    ['$leaf: Leaf', false],
    ['$holder: Holder!', false],
    ['$tree: [Tree!]', true],
    ['$outer: Outer', true],
    ['$a: A', true],
    ['$n: Int, $leaf: Leaf, $tree: Tree', true],
  ])('%s -> %s', (variables, expected) => {
    expect(hasRecursiveVariables(schema, operation(variables))).toBe(expected);
  });

  it('is false for an operation without variables', () => {
    const found = getOperationAST(parse('{ f(n: 1) }'));
    expect(found && hasRecursiveVariables(schema, found)).toBe(false);
  });
});
