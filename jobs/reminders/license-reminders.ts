/**
 * A license running out: the chair and the county staff are told on each of
 * licenseReminderDays before the last valid day (30, 7 and 1 by default), once
 * per stage (the dedupe key names the expiry date and the stage, so a renewed
 * license starts over).
 */
import { actionFor } from '../../messenger/reminder-buttons.ts';
import type { Db } from '../../prisma/client.ts';
import type { ReminderSettings } from '../config.ts';
import { alreadyQueued, enqueueReminder, reminderChats } from './recipients.ts';
import { DAY_MS, isoDay, tehranDbDay } from './tehran-time.ts';

export async function remindLicenses(db: Db, now: Date, settings: ReminderSettings): Promise<number> {
  const stages = [...settings.licenseReminderDays].sort((a, b) => b - a);
  if (stages.length === 0) return 0;
  const today = tehranDbDay(now);
  const centers = await db.center.findMany({
    where: { licenseState: 'LICENSED', licenseExpiresOn: { gte: today, lte: new Date(today.getTime() + stages[0]! * DAY_MS) } },
    select: { id: true, name: true, countyId: true, licenseExpiresOn: true },
  });
  let sent = 0;
  for (const center of centers) {
    const daysLeft = Math.round((center.licenseExpiresOn!.getTime() - today.getTime()) / DAY_MS);
    const stage = stages.filter((d) => daysLeft <= d).pop()!;
    const dedupeKey = `reminder.licenseExpiring:${center.id}:${isoDay(center.licenseExpiresOn!)}:${stage}`;
    const chair = await db.trusteeMembership.findMany({ where: { centerId: center.id, role: 'CHAIR', state: 'APPOINTED' }, select: { personId: true } });
    const staff = await db.staffUser.findMany({ where: { role: 'COUNTY_STAFF', countyId: center.countyId, active: true }, select: { personId: true } });
    const chats = await reminderChats(db, [...chair, ...staff].map((p) => p.personId), 'license');
    if (await alreadyQueued(db, chats, dedupeKey)) continue;
    sent += await enqueueReminder(
      db,
      chats,
      {
        template: 'reminder.licenseExpiring',
        params: { center: center.name, validUntil: isoDay(center.licenseExpiresOn!), days: daysLeft, reminderAction: actionFor('license', center.id) },
        dedupeKey,
      },
      now,
    );
  }
  return sent;
}
