CREATE TABLE "data_revision" (
	"stripe" smallint PRIMARY KEY NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stored_analyses" (
	"kind" text NOT NULL,
	"inputs" text NOT NULL,
	"revision" bigint NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"value" jsonb NOT NULL,
	CONSTRAINT "stored_analyses_kind_inputs_pk" PRIMARY KEY("kind","inputs")
);

--> statement-breakpoint
INSERT INTO "data_revision" ("stripe") SELECT generate_series(0, 15);
--> statement-breakpoint
-- The data revision (lib/db/get-data-revision.ts): one more in every transaction that writes a table the dashboard
-- reads, so readers can share results computed at a revision until the next write. Once per transaction (a
-- transaction-local setting remembers it), on the stripe of the transaction's id: concurrent writers update
-- different rows instead of queueing on one until commit.
CREATE OR REPLACE FUNCTION data_revision_bump() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('waymark.data_revision_bumped', true) IS DISTINCT FROM 'yes' THEN
    UPDATE data_revision SET revision = revision + 1 WHERE stripe = txid_current() % 16;
    PERFORM set_config('waymark.data_revision_bumped', 'yes', true);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER data_revision_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "teams" FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump();
--> statement-breakpoint
CREATE TRIGGER data_revision_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "services" FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump();
--> statement-breakpoint
CREATE TRIGGER data_revision_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "deployments" FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump();
--> statement-breakpoint
CREATE TRIGGER data_revision_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "changes" FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump();
--> statement-breakpoint
CREATE TRIGGER data_revision_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "deployment_changes" FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump();
--> statement-breakpoint
CREATE TRIGGER data_revision_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "pull_requests" FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump();
--> statement-breakpoint
CREATE TRIGGER data_revision_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "incidents" FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump();
--> statement-breakpoint
CREATE TRIGGER data_revision_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "pipeline_runs" FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump();
--> statement-breakpoint
CREATE TRIGGER data_revision_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "facts" FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump();
--> statement-breakpoint
CREATE TRIGGER data_revision_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "check_definitions" FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump();
--> statement-breakpoint
CREATE TRIGGER data_revision_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "check_results" FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump();
--> statement-breakpoint
CREATE TRIGGER data_revision_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "scorecard_snapshots" FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump();
--> statement-breakpoint
CREATE TRIGGER data_revision_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "exemptions" FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump();
--> statement-breakpoint
CREATE TRIGGER data_revision_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "external_check_results" FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump();
--> statement-breakpoint
CREATE TRIGGER data_revision_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "settings" FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump();
