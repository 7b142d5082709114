/**
 * Pledge installments: the donor is reminded on the days of
 * installmentReminderDays relative to the due day (by default three days
 * before, on the day, and three days after while partly paid), at most once a
 * day and never more than that many times (reminderCount). After downtime only
 * the latest stage due is sent. Installments already paid, missed (the daily
 * job marks unpaid ones MISSED after their day) or cancelled are not reminded.
 */
import type { NotificationParams } from '../../core/outbox.ts';
import { actionFor } from '../../messenger/reminder-buttons.ts';
import type { Db } from '../../prisma/client.ts';
import type { ReminderSettings } from '../config.ts';
import { enqueueReminder, reminderChats } from './recipients.ts';
import { DAY_MS, isoDay, startOfTehranDay, tehranDbDay } from './tehran-time.ts';

export async function remindInstallments(db: Db, now: Date, settings: ReminderSettings): Promise<number> {
  const offsets = [...settings.installmentReminderDays].sort((a, b) => a - b);
  if (offsets.length === 0) return 0;
  const today = tehranDbDay(now);
  const startOfToday = startOfTehranDay(now);
  const installments = await db.pledgeInstallment.findMany({
    where: {
      state: { in: ['PENDING', 'PARTIAL'] },
      reminderCount: { lt: offsets.length },
      dueOn: { lte: new Date(today.getTime() - offsets[0]! * DAY_MS) },
      pledge: { state: 'ACTIVE', center: { licenseState: 'LICENSED' } },
      OR: [{ lastRemindedAt: null }, { lastRemindedAt: { lt: startOfToday } }],
    },
    include: {
      pledge: {
        select: {
          kind: true,
          installmentCount: true,
          itemDescription: true,
          serviceDescription: true,
          center: { select: { name: true } },
          donor: { select: { personId: true, contactPersonId: true } },
        },
      },
    },
    orderBy: { dueOn: 'asc' },
  });
  let sent = 0;
  for (const inst of installments) {
    const daysFromDue = Math.round((today.getTime() - inst.dueOn.getTime()) / DAY_MS);
    let stage = -1;
    offsets.forEach((o, i) => {
      if (daysFromDue >= o) stage = i;
    });
    if (stage < inst.reminderCount) continue;
    const offset = offsets[stage]!;
    const personId = inst.pledge.donor.personId ?? inst.pledge.donor.contactPersonId;
    const p = inst.pledge;
    const what: NotificationParams =
      p.kind === 'CASH' && inst.scheduledAmountRial !== null
        ? { whatRial: (inst.scheduledAmountRial - inst.paidAmountRial).toString() }
        : { what: (p.kind === 'IN_KIND' ? p.itemDescription : p.serviceDescription) ?? '' };
    const template = offset < 0 ? 'reminder.installmentUpcoming' : offset === 0 ? 'reminder.installmentToday' : 'reminder.installmentLate';
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.pledgeInstallment.updateMany({
        where: { id: inst.id, reminderCount: inst.reminderCount },
        data: { reminderCount: stage + 1, lastRemindedAt: now },
      });
      if (count === 0) return false;
      const chats = personId ? await reminderChats(tx, [personId], 'installment') : [];
      await enqueueReminder(
        tx,
        chats,
        {
          template,
          params: { center: p.center.name, seq: inst.seq, count: p.installmentCount, dueOn: isoDay(inst.dueOn), ...what, reminderAction: actionFor('installment', inst.id) },
          dedupeKey: `reminder.installment:${inst.id}:${stage}`,
        },
        now,
      );
      return true;
    });
    if (done) sent++;
  }
  return sent;
}
