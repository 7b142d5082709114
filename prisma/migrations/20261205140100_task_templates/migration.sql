-- The recurring duties the regulation gives each main role of a board of trustees, as task
-- templates: every database has them from its first migration on, so the reminder tick's
-- generateRecurringTasks gives trustees their role tasks without any seeding. A migration runs
-- once: province staff edit, deactivate or add templates in the panel afterwards (a later
-- start never puts back what they changed). RRULEs are read on the Jalali calendar in
-- Asia/Tehran (core/work/recurrence.ts); a day past a month's end is its last day (31: every month's last day).
INSERT INTO "TaskTemplate" ("id", "code", "role", "title", "description", "rrule", "active", "createdAt", "updatedAt") VALUES
  ('tasktemplate-monthly-board-meeting', 'monthly-board-meeting', 'CHAIR',
   'جلسهٔ ماهانهٔ هیئت امنا', 'برگزاری جلسهٔ هیئت امنا و ثبت صورتجلسهٔ آن در سامانه.',
   'FREQ=MONTHLY;BYMONTHDAY=10', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('tasktemplate-monthly-report-to-imdad', 'monthly-report-to-imdad', 'VICE_CHAIR',
   'گزارش ماهانه به کمیته امداد', 'گزارش فعالیت‌ها، کمک‌های دریافتی و خدمات ماه به ادارهٔ امداد شهرستان.',
   'FREQ=MONTHLY;BYMONTHDAY=25', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('tasktemplate-monthly-documents-to-imdad', 'monthly-documents-to-imdad', 'VICE_CHAIR',
   'ارسال اسناد ماه به امداد', 'اسناد کمک‌های دریافتی و خدمات ارائه‌شده به‌طور مستمر برای امداد فرستاده می‌شود.',
   'FREQ=MONTHLY;BYMONTHDAY=31', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('tasktemplate-monthly-balance-sheet', 'monthly-balance-sheet', 'ADMIN_FINANCE',
   'تراز مالی ماهانه', 'تراز مالی ماه گذشته و تطبیق حساب مرکز در صندوق امداد ولایت.',
   'FREQ=MONTHLY;BYMONTHDAY=1', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('tasktemplate-annual-financial-plan', 'annual-financial-plan', 'ADMIN_FINANCE',
   'برنامه مالی سالانه', 'تنظیم برنامهٔ مالی سال آینده برای تصویب هیئت امنا.',
   'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('tasktemplate-monthly-donor-report-men', 'monthly-donor-report-men', 'DONORS_MEN',
   'گزارش شفاف ماهانه به خیرین', 'گزارش کمک‌ها و مصرف آن‌ها به خیرین و برادران امدادیار.',
   'FREQ=MONTHLY;BYMONTHDAY=20', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('tasktemplate-monthly-donor-report-women', 'monthly-donor-report-women', 'DONORS_WOMEN',
   'گزارش شفاف ماهانه به خیرین', 'گزارش کمک‌ها و مصرف آن‌ها به خیرین و بانوان امدادیار.',
   'FREQ=MONTHLY;BYMONTHDAY=20', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('tasktemplate-monthly-organizations-report', 'monthly-organizations-report', 'ORGANIZATIONS',
   'گزارش ماهانهٔ تشکل‌ها و مجامع', 'گزارش ارتباط با پایگاه بسیج، سمن‌ها، خیریه‌ها و نهادها.',
   'FREQ=MONTHLY;BYMONTHDAY=20', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
ON CONFLICT ("code") DO NOTHING;
