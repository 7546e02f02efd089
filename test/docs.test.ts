import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from '@jest/globals';

import { VARIABLES } from '../src/shared/config-variables';
import { ERROR_CODES } from '../src/shared/errors';

const readme = readFileSync(join(__dirname, '../README.md'), 'utf8');

describe('the README', () => {
  it('documents every error code, and no code the app does not have', () => {
    const table = readme.split('### Error codes')[1]?.split('\n## ')[0] ?? '';
    const documented = [...table.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);

    expect(documented.sort()).toEqual([...ERROR_CODES].sort());
  });

  it('documents every configuration variable', () => {
    for (const name of Object.keys(VARIABLES)) expect(readme).toContain(`\`${name}\``);
  });
});
