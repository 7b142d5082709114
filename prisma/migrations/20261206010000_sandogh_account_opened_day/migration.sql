-- The day the center's Sandogh account was opened is a calendar day (core stores it as that
-- day's UTC midnight), so the panel shows it without a time of day like the other @db.Date days.
ALTER TABLE "Center" ALTER COLUMN "sandoghAccountOpenedAt" SET DATA TYPE DATE;
