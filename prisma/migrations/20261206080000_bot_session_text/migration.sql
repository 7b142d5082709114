-- A session row is written and read back by the bot only, as the JSON text it wrote: json keeps
-- that text as it is, where jsonb hands back its own (keys reordered), which the bot had to parse
-- and print again on every update to tell an unchanged value from a changed one.
ALTER TABLE "BotSession" ALTER COLUMN "value" SET DATA TYPE JSON USING "value"::json;
