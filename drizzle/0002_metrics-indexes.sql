CREATE TABLE "metrics_first_shipments" (
	"service" text NOT NULL,
	"sha" text NOT NULL,
	"deployment_id" text NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"authored_at" timestamp with time zone NOT NULL,
	"pull_request_ids" text[],
	CONSTRAINT "metrics_first_shipments_service_sha_pk" PRIMARY KEY("service","sha")
);
--> statement-breakpoint
CREATE TABLE "metrics_rollup_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"production_pattern" text,
	"built_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "metrics_first_shipments_finished_idx" ON "metrics_first_shipments" USING btree ("finished_at");--> statement-breakpoint
CREATE INDEX "metrics_first_shipments_service_finished_idx" ON "metrics_first_shipments" USING btree ("service","finished_at");