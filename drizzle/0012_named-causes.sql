ALTER TABLE "deployments" ADD COLUMN "artifact" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "caused_by_ref" text;--> statement-breakpoint
CREATE INDEX "pull_requests_url_idx" ON "pull_requests" USING btree ("url");