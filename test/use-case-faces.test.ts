/**
 * Every use-case core binds is reachable by someone: each name bound in core/<area>/index.ts
 * (and core/index.ts's approvals) must be called as `<area>.<name>` by a face -- the panel,
 * the bot, the jobs, the playground or a command -- read from the source files. A use-case
 * nothing calls is a rule of the regulation no one can exercise; the few that have no
 * face yet are listed below, each with the reason.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const FACES = ['admin', 'bot', 'jobs', 'playground', 'scripts', 'http', 'app.ts', 'main.ts'];

/** `<area>.<use-case>` with no face yet, and why. */
const NO_FACE_YET: Record<string, string> = {
  // The panel reads households through its scoped Beneficiary resource, which hides the same
  // identity fields (admin/access.ts BENEFICIARY_IDENTITY); a volunteer's view waits for the bot.
  'beneficiaries.getBeneficiary': 'the panel reads households through its scoped resource',
  'beneficiaries.listBeneficiaries': 'the panel reads households through its scoped resource',
  // The panel reads the balances of a page of centers, or of its whole area, at once (listFundBalances).
  'funds.getFundBalance': 'the panel reads balances through listFundBalances',
  // The panel records distributions with amounts in Toman (recordDistribution, which calls it).
  'funds.createDistribution': 'the panel calls it through recordDistribution',
  // The panel lists broadcasts through its own scoped Broadcast resource, which shows the same rows.
  'broadcasts.listBroadcasts': 'the panel reads broadcasts through its scoped resource',
};

function sourceFiles(p: string, out: string[] = []): string[] {
  if (!existsSync(p)) return out;
  if (statSync(p).isDirectory()) {
    for (const f of readdirSync(p)) if (f !== 'node_modules' && f !== 'generated') sourceFiles(path.join(p, f), out);
  } else if (/\.tsx?$/.test(p)) out.push(p);
  return out;
}

/** `area.name` of every bound use-case, read from the index files. */
function boundUseCases(): string[] {
  const names: string[] = [];
  for (const area of readdirSync(path.join(root, 'core'))) {
    const index = path.join(root, 'core', area, 'index.ts');
    if (!existsSync(index)) continue;
    for (const block of readFileSync(index, 'utf8').matchAll(/bindUseCases\(ctx, \{([^}]*)\}/g))
      for (const name of block[1]!.split(/[\s,]+/).filter(Boolean)) names.push(`${area}.${name.split(':')[0]!.trim()}`);
  }
  const approvals = readFileSync(path.join(root, 'core', 'index.ts'), 'utf8').match(/bindUseCases\(ctx, \{([^}]*)\}, approvalHandlers\)/);
  for (const entry of approvals![1]!.split(',')) names.push(`approvals.${entry.split(':')[0]!.trim()}`);
  return names;
}

const faceSource = FACES.flatMap((f) => sourceFiles(path.join(root, f))).map((f) => readFileSync(f, 'utf8')).join('\n');
const calledByAFace = (useCase: string) => {
  const [area, name] = useCase.split('.');
  // `core.centers.issueLicense`, `ctx.core.work\n  .listMyTasks(`: the area, a dot, the name.
  return new RegExp(`\\b${area}\\s*\\.\\s*${name}\\b`).test(faceSource);
};

describe('use-cases and their faces', () => {
  const useCases = boundUseCases();

  it('reads the bound use-cases (the reading itself works)', () => {
    expect(useCases).toEqual(expect.arrayContaining(['centers.issueLicense', 'work.createTask', 'approvals.decide', 'security.createStaffUser']));
    expect(useCases.length).toBeGreaterThan(60);
  });

  it('every bound use-case is called by a face, or is on the commented list', () => {
    const faceless = useCases.filter((u) => !calledByAFace(u) && !(u in NO_FACE_YET));
    expect(faceless, 'use-cases no face calls (give them one, or add them with a reason)').toEqual([]);
  });

  // A listed use-case that gains a face does not fail here (faces are built in parallel);
  // one that was renamed or removed does, so the list cannot hide a new faceless name.
  it('the list names only use-cases that exist', () => {
    const unknown = Object.keys(NO_FACE_YET).filter((u) => !useCases.includes(u));
    expect(unknown, 'remove these from NO_FACE_YET').toEqual([]);
  });
});
