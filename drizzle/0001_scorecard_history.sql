CREATE TABLE "check_definitions" (
	"hash" text PRIMARY KEY NOT NULL,
	"check_id" text NOT NULL,
	"definition" jsonb NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "check_results" ADD COLUMN "exemption" jsonb;--> statement-breakpoint
ALTER TABLE "check_results" ADD COLUMN "commit_sha" text;--> statement-breakpoint
CREATE INDEX "check_definitions_check_idx" ON "check_definitions" USING btree ("check_id","first_seen_at");--> statement-breakpoint
CREATE INDEX "check_results_evaluated_idx" ON "check_results" USING btree ("evaluated_at");