/**
 * The whole demo as rows, area by area (pure: no database access). The order is the order
 * the areas draw from the one random sequence, so changing it changes every name and
 * number after it.
 */
import { buildEmploymentPlans, buildHouseholds } from './beneficiaries.ts';
import { buildCenters, decideLicenses } from './centers.ts';
import { createDemo, type Demo, type Refs } from './context.ts';
import { buildChatAccounts, buildDonors } from './donors.ts';
import { buildDistributions } from './funds.ts';
import { buildGiving } from './giving.ts';
import { buildPaymentSetting } from './payments.ts';
import { buildStaffLogins } from './logins.ts';
import { buildStatements } from './statements.ts';
import { buildPeople } from './people.ts';
import { buildBoards, buildCandidacies } from './trustees.ts';
import { buildNetworks, buildVolunteers } from './volunteers.ts';
import { buildArchive, buildFeedback, buildMinutes, buildTasks } from './work.ts';

/** The demo's rows and the steps of its history (run by seed/demo/replay.ts). */
export function buildDemoData(today: Date, refs: Refs): Pick<Demo, 'rows' | 'steps'> {
  const demo = createDemo(today, refs);
  const people = buildPeople(demo);
  const centers = buildCenters(demo, people);
  const boards = buildBoards(demo, people, centers);
  buildCandidacies(demo, people, centers, boards);
  buildStaffLogins(demo, people, boards);
  const networks = buildNetworks(demo, centers);
  const volunteerIds = buildVolunteers(demo, people, centers, networks);
  const donors = buildDonors(demo, people, centers, networks);
  const chatOf = buildChatAccounts(demo, people, donors, boards);
  const ledger = buildGiving(demo, people, centers, boards, donors, chatOf);
  const households = buildHouseholds(demo, people, centers, networks);
  buildDistributions(demo, people, households, boards, ledger);
  buildEmploymentPlans(demo, households, boards, volunteerIds);
  buildFeedback(demo, donors, chatOf, boards);
  decideLicenses(demo, people);
  buildTasks(demo, boards);
  buildMinutes(demo, people, boards);
  buildArchive(demo, people, boards);
  buildPaymentSetting(demo, people);
  // Last, on its own random sequence: it reads the gifts of the history above, changes nothing before it.
  buildStatements(demo, centers, boards);
  return { rows: demo.rows, steps: demo.steps };
}
