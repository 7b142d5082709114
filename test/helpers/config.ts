/** Reading the configuration's refusals, for the tests of each part's settings. */
import { expect } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';

/** The issues, one line each, for which the configuration refuses `env` (fails when it is accepted). */
export function issuesOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).issues;
  }
  throw new Error('expected the config to be rejected');
}

/** `env` is refused with exactly one issue, and it names the variable `name`. */
export function expectRefusedNaming(env: Record<string, string>, name: string): void {
  const issues = issuesOf(env);
  expect(issues).toHaveLength(1);
  expect(issues[0]).toMatch(new RegExp(`^${name}: `));
}
