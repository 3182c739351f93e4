CREATE TABLE "service_owners" (
	"service" text NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"team" text,
	CONSTRAINT "service_owners_service_since_pk" PRIMARY KEY("service","since")
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "parent" text;--> statement-breakpoint
CREATE INDEX "service_owners_team_idx" ON "service_owners" USING btree ("team");--> statement-breakpoint
INSERT INTO "service_owners" ("service", "since", "team") SELECT "name", '-infinity', "team" FROM "services" WHERE "team" IS NOT NULL;
--> statement-breakpoint
-- Every write of services.team, by whichever source, records a change of owner (lib/db/schema/domain.ts). A first
-- owner holds since -infinity; a later one from the writing transaction's time. A row at the same instant (two
-- writes in one transaction) is replaced. No row is written while the team stays the same.
CREATE OR REPLACE FUNCTION record_service_owner() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.team IS NOT DISTINCT FROM OLD.team THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' AND NEW.team IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO service_owners (service, since, team)
  VALUES (
    NEW.name,
    CASE WHEN EXISTS (SELECT 1 FROM service_owners o WHERE o.service = NEW.name) THEN now() ELSE '-infinity' END,
    NEW.team
  )
  ON CONFLICT (service, since) DO UPDATE SET team = excluded.team;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER record_service_owner AFTER INSERT OR UPDATE OF "team" ON "services" FOR EACH ROW EXECUTE FUNCTION record_service_owner();
--> statement-breakpoint
CREATE TRIGGER data_revision_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "service_owners" FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump();
