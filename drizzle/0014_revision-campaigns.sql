-- Campaigns and check acknowledgements are shown on the same pages as the scorecards (a service's to-do list, a
-- campaign's progress), and those pages are answered from a cache keyed by the data revision
-- (lib/http/create-page-answer-cache.ts): a write to either must move the revision like any other dashboard table.
CREATE TRIGGER data_revision_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "campaigns"
  FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump();
--> statement-breakpoint
CREATE TRIGGER data_revision_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "check_acknowledgements"
  FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump();
