/**
 * Writes the demo's rows in one INSERT per table, in foreign-key order.
 */
import type { Prisma } from '../../prisma/generated/client/client.ts';
import type { DemoRows } from './context.ts';

type Tx = Prisma.TransactionClient;

/** The two calls every table's delegate shares, typed loosely enough to list them together. */
interface Table {
  createMany(args: { data: never[]; skipDuplicates: true }): Promise<{ count: number }>;
  count(args: { where: Record<string, { in: string[] }> }): Promise<number>;
}

export async function writeDemoData(tx: Tx, d: DemoRows, verify: boolean): Promise<void> {
  // In foreign-key order. skipDuplicates: rows already there (by id or by any unique key) are
  // left alone, which makes a second run a no-op.
  const t = (delegate: unknown) => delegate as Table;
  // prettier-ignore
  const steps: [string, Table, { id?: unknown }[]][] = [
    ['Person', t(tx.person), d.persons],
    ['ChatAccount', t(tx.chatAccount), d.chatAccounts],
    ['Center', t(tx.center), d.centers],
    ['TrusteeMembership', t(tx.trusteeMembership), d.trustees],
    ['TrusteeClearance', t(tx.trusteeClearance), d.clearances],
    ['StaffUser', t(tx.staffUser), d.staffUsers],
    ['Network', t(tx.network), d.networks],
    ['Volunteer', t(tx.volunteer), d.volunteers],
    ['Donor', t(tx.donor), d.donors],
    ['NetworkMembership', t(tx.networkMembership), d.networkMemberships],
    ['Pledge', t(tx.pledge), d.pledges],
    ['PledgeInstallment', t(tx.pledgeInstallment), d.installments],
    ['Donation', t(tx.donation), d.donations],
    ['Beneficiary', t(tx.beneficiary), d.beneficiaries],
    ['BeneficiaryNeed', t(tx.beneficiaryNeed), d.needs],
    ['EmploymentPlan', t(tx.employmentPlan), d.employmentPlans],
    ['EmploymentFollowUp', t(tx.employmentFollowUp), d.followUps],
    ['Feedback', t(tx.feedback), d.feedback],
    ['CenterLicenseEvent', t(tx.centerLicenseEvent), d.licenseEvents],
    ['TrusteeTask', t(tx.trusteeTask), d.tasks],
    ['Minutes', t(tx.minutes), d.minutes],
    ['ArchiveDocument', t(tx.archiveDocument), d.archiveDocuments],
  ];
  for (const [name, table, rows] of steps) {
    const { count } = await table.createMany({ data: rows as never[], skipDuplicates: true });
    // Every row written: nothing to check (a first seed; one count query per table cost a
    // tenth of it).
    if (!verify || count === rows.length) continue;
    // Forced into a live database, a demo row may clash with a real one on some other unique
    // column (a national ID, an activity code, a username ...) and be skipped: say so plainly
    // instead of failing later on a foreign key. (Skipped as already there is fine.)
    const ids = rows.map((r) => String(r.id));
    const found = await table.count({ where: { id: { in: ids } } });
    if (found !== ids.length) {
      throw new Error(
        `demo data clashes with existing ${name} rows on a unique column (${ids.length - found} rows); nothing was written`,
      );
    }
  }
}
