/**
 * The centers' own work: feedback and complaints (one that led to an inspection), trustee
 * tasks (due, overdue, snoozed, done, cancelled, recurring), board minutes, and the archive,
 * whose documents are destroyed only with Imdad's approval (through core).
 */
import type { Prisma, TrusteeRole } from '../../prisma/generated/client/client.ts';
import { addJalaliMonths, faDigits } from '../../fixtures/values.ts';
import { centerId, DAY_MS, pad, staffId, type CenterNo, type Demo } from './context.ts';
import type { Donors } from './donors.ts';
import { staffActors } from './logins.ts';
import type { People } from './people.ts';
import type { Boards } from './trustees.ts';

export function buildFeedback(demo: Demo, donors: Donors, chatOf: Map<string, string>, boards: Boards): void {
  const { rows, refs, at } = demo;
  rows.feedback.push(
    {
      id: 'demo_feedback_1',
      kind: 'COMPLAINT',
      countyId: refs.countyIds.MSH,
      centerId: centerId(3),
      anonymous: true,
      body: 'در این مرکز کمک نقدی خیرین بدون ثبت در سامانه و بدون رسید دریافت می‌شود و به حساب صندوق واریز نمی‌گردد.',
      state: 'RESOLVED',
      assignedToId: staffId('mashhad'),
      response: 'بازرسی انجام شد؛ تخلف تأیید و مجوز مرکز تا اصلاح روال‌ها تعلیق گردید.',
      resolvedAt: at(-21, 14),
      createdAt: at(-40, 20),
    },
    {
      id: 'demo_feedback_2',
      kind: 'SUGGESTION',
      countyId: refs.countyIds.MSH,
      centerId: centerId(1),
      authorPersonId: donors.personOf(donors.ids[0]!)!,
      authorChatAccountId: chatOf.get(donors.personOf(donors.ids[0]!)!) ?? null,
      body: 'پیشنهاد می‌کنم گزارش ماهانه کمک‌ها و هزینه‌ها برای خیرین از طریق پیام‌رسان ارسال شود.',
      state: 'IN_REVIEW',
      assignedToId: staffId('mashhad'),
      createdAt: at(-9, 21),
    },
    {
      id: 'demo_feedback_3',
      kind: 'CRITICISM',
      countyId: refs.countyIds.MSH,
      centerId: centerId(2),
      authorPersonId: donors.personOf(donors.of(2)[0]!)!,
      body: 'پاسخ به پیام‌های خیرین درباره تأیید واریزی‌ها چند روز طول می‌کشد.',
      state: 'NEW',
      createdAt: at(-3, 19),
    },
    {
      id: 'demo_feedback_4',
      kind: 'PRAISE',
      countyId: refs.countyIds.NSH,
      centerId: centerId(4),
      anonymous: true,
      body: 'از رسیدگی سریع و محترمانه اعضای مرکز به خانواده ما در زمستان سپاسگزاریم.',
      state: 'NEW',
      createdAt: at(-7, 12),
    },
    {
      id: 'demo_feedback_5',
      kind: 'SUCCESS_STORY',
      countyId: refs.countyIds.NSH,
      centerId: centerId(4),
      authorPersonId: boards.held(4, 'VICE_CHAIR').personId,
      body: 'سرپرست یکی از خانوارهای تحت حمایت پس از معرفی به کارگاه فرش‌بافی شاغل شد و خانوار به خودکفایی رسید.',
      state: 'RESOLVED',
      response: 'برای انتشار در گزارش تجربه‌های موفق استان ثبت شد.',
      resolvedAt: at(-25),
      createdAt: at(-30, 10),
    },
  );
}

export function buildTasks(demo: Demo, boards: Boards): void {
  const { rows, today, at, jMonth } = demo;
  let taskNo = 0;
  const task = (
    no: CenterNo,
    role: TrusteeRole | null,
    t: Omit<Prisma.TrusteeTaskCreateManyInput, 'id' | 'centerId'>,
    byMembership = true,
  ) => {
    const due = (t.dueAt as Date).getTime();
    rows.tasks.push({
      id: `demo_task_${pad(++taskNo, 2)}`,
      centerId: centerId(no),
      assigneeRole: role,
      assigneeMembershipId: byMembership && role ? boards.held(no, role).membershipId : (t.assigneeMembershipId ?? null),
      createdAt: new Date(Math.min(at(-15).getTime(), due - 10 * DAY_MS)),
      ...t,
    });
  };
  const lastMonth = jMonth(addJalaliMonths(today, -1));
  task(1, 'VICE_CHAIR', {
    title: `تهیه تراز مالی ${faDigits(lastMonth)}`,
    description: 'تراز دریافت‌ها و پرداخت‌ها به تفکیک صندوق‌ها برای ارسال به اداره شهرستان',
    dueAt: at(5, 18),
  });
  task(1, 'ADMIN_FINANCE', {
    title: 'بررسی و تأیید کمک‌های گزارش‌شده',
    description: 'واریزی‌های گزارش‌شده خیرین را با صورتحساب صندوق امداد ولایت تطبیق دهید',
    dueAt: at(-1, 18),
    reminderCount: 2,
    lastRemindedAt: at(-1, 9),
  });
  task(1, 'CHAIR', {
    title: 'برگزاری جلسه ماهانه هیئت امنا',
    dueAt: at(-35, 20),
    state: 'DONE',
    completedAt: at(-35, 21),
    completedById: boards.held(1, 'CHAIR').personId,
  });
  task(1, 'DONORS_MEN', {
    title: 'برگزاری مجمع خیرین محله',
    description: 'دعوت از خیرین و ارائه گزارش شفاف کمک‌ها',
    dueAt: at(20, 19),
  });
  task(1, 'DONORS_WOMEN', {
    title: 'برگزاری مجمع بانوان کارآفرین',
    dueAt: at(2, 10),
    state: 'SNOOZED',
    snoozedUntil: at(3, 9),
    reminderCount: 1,
    lastRemindedAt: at(-1, 9),
  });
  task(2, 'ADMIN_FINANCE', {
    title: 'تدوین برنامه مالی سالانه',
    dueAt: at(-50, 18),
    state: 'DONE',
    completedAt: at(-52, 16),
    completedById: boards.held(2, 'ADMIN_FINANCE').personId,
  });
  task(2, 'ORGANIZATIONS', { title: 'هماهنگی با پایگاه بسیج محله برای توزیع بسته‌های معیشتی', dueAt: at(7, 18) });
  task(4, 'VICE_CHAIR', {
    title: 'ارسال اسناد کمک‌های دریافتی ماه به اداره شهرستان',
    dueAt: at(9, 18),
    rrule: 'FREQ=MONTHLY;BYMONTHDAY=25',
  });
  task(
    4,
    null,
    {
      title: 'بازدید از منزل خانوارهای جدید',
      dueAt: at(-2, 17),
      assigneeMembershipId: boards.held(4, 'SOCIAL_WORK').membershipId,
      reminderCount: 1,
      lastRemindedAt: at(-2, 9),
    },
    false,
  );
  task(4, 'CHAIR', { title: 'پیگیری جلسه با اداره شهرستان درباره تمدید مجوز', dueAt: at(-15, 12), state: 'CANCELLED' }, false);

}

export function buildMinutes(demo: Demo, people: People, boards: Boards): void {
  const { rows, at, jMonth } = demo;
  const board = (no: CenterNo) =>
    (['CHAIR', 'VICE_CHAIR', 'ADMIN_FINANCE', 'DONORS_MEN', 'DONORS_WOMEN', 'ORGANIZATIONS'] as const)
      .map((r) => people.nameOf(boards.held(no, r).personId))
      .join('، ');
  rows.minutes.push(
    {
      id: 'demo_minutes_1',
      centerId: centerId(1),
      meetingAt: at(-35, 20),
      title: `جلسه ماهانه هیئت امنا — ${faDigits(jMonth(at(-35)))}`,
      location: 'دفتر مرکز، مسجد جامع گوهرشاد',
      attendees: board(1),
      agenda: '۱. گزارش مالی ماه گذشته ۲. بررسی خانوارهای جدید ۳. برنامه جشن نیکوکاری',
      decisions:
        'گزارش مالی تصویب شد. سه خانوار جدید پس از بازدید مددکار ثبت شوند. جشن نیکوکاری با مشارکت شبکه توسعه مشارکت‌ها برگزار شود.',
    },
    {
      id: 'demo_minutes_2',
      centerId: centerId(2),
      meetingAt: at(-20, 19),
      title: 'جلسه برنامه‌ریزی حمایت از محله‌های کم‌برخوردار',
      location: 'کتابخانه مسجد امام جعفر صادق (ع)',
      attendees: board(2),
      agenda: 'همکاری با مرکز مسجد جامع گوهرشاد در حمایت از خانوارهای پایین‌خیابان',
      decisions: 'با هماهنگی اداره شهرستان، ماهانه بخشی از صندوق عمومی به خانوارهای معرفی‌شده مرکز گوهرشاد اختصاص یابد.',
    },
    {
      id: 'demo_minutes_3',
      centerId: centerId(4),
      meetingAt: at(-12, 18),
      title: 'جلسه بررسی طرح‌های اشتغال',
      location: 'دفتر مرکز، مسجد جامع نیشابور',
      attendees: board(4),
      agenda: 'بررسی طرح آموزش قالی‌بافی و پیگیری اشتغال خانوارها',
      decisions: 'طرح آموزش قالی‌بافی برای دو خانوار تصویب و برای تأمین سرمایه از صندوق اشتغال اقدام شود.',
    },
  );

}

/**
 * The archive: documents kept, and destruction only with Imdad's approval, through core: a
 * request the county approved (the document destroyed), one waiting for the county.
 */
export function buildArchive(demo: Demo, people: People, boards: Boards): void {
  const { rng, rows, at, day, jMonth } = demo;
  rows.archiveDocuments.push(
    {
      id: 'demo_archive_1',
      centerId: centerId(1),
      kind: 'FINANCIAL',
      title: `رسیدها و اسناد کمک‌های نقدی ${faDigits(jMonth(at(-40)))}`,
      referenceNo: `م/${rng.int(100, 999)}`,
      documentDate: day(-40),
      physicalLocation: 'قفسه ۲، زونکن ۷',
      submittedToImdadAt: at(-30, 11),
    },
    {
      id: 'demo_archive_2',
      centerId: centerId(1),
      kind: 'DECREE',
      title: 'احکام انتصاب اعضای هیئت امنا',
      physicalLocation: 'قفسه ۱، پوشه احکام',
      submittedToImdadAt: at(-290, 11),
    },
    {
      id: 'demo_archive_3',
      centerId: centerId(1),
      kind: 'ADMINISTRATIVE',
      title: 'نسخه‌های تکراری فرم‌های ثبت‌نام امدادیاران',
    },
    {
      id: 'demo_archive_4',
      centerId: centerId(4),
      kind: 'FINANCIAL',
      title: 'رونوشت‌های تکراری رسیدهای سال نخست فعالیت',
      physicalLocation: 'انبار مسجد، کارتن ۳',
    },
    {
      id: 'demo_archive_5',
      centerId: centerId(4),
      kind: 'BENEFICIARY_FILE',
      title: 'پرونده‌های خانوارهای تحت حمایت (محرمانه)',
      physicalLocation: 'کمد قفل‌دار دفتر نائب رئیس',
    },
  );
  let approved = '';
  demo.later(at(-60, 10), async (core) => {
    ({ approvalRequestId: approved } = await core.work.requestArchiveDestruction(boards.actor(1, 'VICE_CHAIR'), {
      documentId: 'demo_archive_3',
      reason: 'نسخه‌های تکراری فرم‌ها که اصل آن‌ها در پرونده‌ها بایگانی شده است',
    }));
  });
  demo.later(at(-55, 12), (core) =>
    core.approvals.decide(staffActors(demo, people).mashhad, {
      requestId: approved,
      decision: 'APPROVE',
      reason: 'با امحای نسخه‌های تکراری موافقت می‌شود',
    }),
  );
  demo.later(at(-5, 10), (core) =>
    core.work.requestArchiveDestruction(boards.actor(4, 'VICE_CHAIR'), {
      documentId: 'demo_archive_4',
      reason: 'رونوشت‌های تکراری رسیدهای سال نخست فعالیت مرکز',
    }),
  );
}
