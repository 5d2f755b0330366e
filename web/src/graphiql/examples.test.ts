import { describe, expect, it } from '@jest/globals';
import { defaultVariables, exampleTabs } from './examples.js';

describe('GraphiQL example tabs', () => {
  it('fills the variables editor with the defaults the operation declares, as JSON values', () => {
    const query = 'query Jst($teryt: String! = "1201011", $first: Int = 20, $level: JstLevel = MUNICIPALITY, $bbox: [Float!] = [19.8, 49.95], $f: JstFilter = { search: "lodz" }) { __typename }';
    expect(defaultVariables(query)).toEqual({ teryt: '1201011', first: 20, level: 'MUNICIPALITY', bbox: [19.8, 49.95], f: { search: 'lodz' } });
  });

  it('leaves out variables without a default, and gives null when nothing has one', () => {
    expect(defaultVariables('query Q($a: Int, $b: Int = 2) { __typename }')).toEqual({ b: 2 });
    expect(defaultVariables('query Q($a: Int) { __typename }')).toBeNull();
    expect(defaultVariables('{ __typename }')).toBeNull();
  });

  it('gives a document that does not parse no variables (GraphiQL shows the syntax error itself)', () => {
    expect(defaultVariables('query Q($a: Int = 1) { ')).toBeNull();
  });

  it('makes one tab per file in file-name order, the text unchanged', () => {
    const files = {
      '../../../schema/examples/b.graphql': '# second\nquery B($x: Int = 3) { __typename }\n',
      '../../../schema/examples/a.graphql': '# first\nquery A { __typename }\n',
    };
    expect(exampleTabs(files)).toEqual([
      { query: '# first\nquery A { __typename }\n', variables: null },
      { query: '# second\nquery B($x: Int = 3) { __typename }\n', variables: '{\n  "x": 3\n}' },
    ]);
  });
});
