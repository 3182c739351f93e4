CREATE TABLE "api_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "changes" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"url" text,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"service" text NOT NULL,
	"sha" text NOT NULL,
	"authored_at" timestamp with time zone NOT NULL,
	"committed_at" timestamp with time zone,
	"author" text,
	"title" text,
	"pull_request_id" text
);
--> statement-breakpoint
CREATE TABLE "deployment_changes" (
	"deployment_id" text NOT NULL,
	"change_id" text NOT NULL,
	CONSTRAINT "deployment_changes_deployment_id_change_id_pk" PRIMARY KEY("deployment_id","change_id")
);
--> statement-breakpoint
CREATE TABLE "deployments" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"url" text,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"service" text NOT NULL,
	"environment" text NOT NULL,
	"status" text NOT NULL,
	"commit_sha" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"rollback_of" text,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"url" text,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"service" text NOT NULL,
	"title" text,
	"severity" text,
	"opened_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"caused_by" text,
	"caused_by_sha" text
);
--> statement-breakpoint
CREATE TABLE "pipeline_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"url" text,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"service" text NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"commit_sha" text,
	"branch" text,
	"attempt" integer DEFAULT 1 NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pull_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"url" text,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"service" text NOT NULL,
	"repository" text,
	"number" integer,
	"title" text,
	"author" text,
	"state" text NOT NULL,
	"labels" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_revert" boolean DEFAULT false NOT NULL,
	"base_branch" text,
	"head_sha" text,
	"merge_commit_sha" text,
	"first_commit_at" timestamp with time zone,
	"opened_at" timestamp with time zone NOT NULL,
	"first_review_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"merged_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "services" (
	"name" text PRIMARY KEY NOT NULL,
	"team" text,
	"lifecycle" text,
	"tier" text,
	"repository" text,
	"tags" text[],
	"catalog" jsonb,
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"name" text PRIMARY KEY NOT NULL,
	"display_name" text,
	"source" text NOT NULL,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ingest_cursors" (
	"source" text NOT NULL,
	"scope" text NOT NULL,
	"kind" text NOT NULL,
	"cursor" jsonb NOT NULL,
	"etag" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ingest_cursors_source_scope_kind_pk" PRIMARY KEY("source","scope","kind")
);
--> statement-breakpoint
CREATE TABLE "ingest_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"parent_id" text,
	"job" text NOT NULL,
	"source" text NOT NULL,
	"scope" text,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"requests_used" integer,
	"rate_limit_remaining" integer
);
--> statement-breakpoint
CREATE TABLE "rejected_requests" (
	"endpoint" text NOT NULL,
	"reason" text NOT NULL,
	"day" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rejected_requests_endpoint_reason_day_pk" PRIMARY KEY("endpoint","reason","day")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"delivery_id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"event" text NOT NULL,
	"action" text,
	"status" text NOT NULL,
	"reason" text,
	"raw_payload_id" bigint,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "raw_payloads" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"source_id" text NOT NULL,
	"scope" text,
	"payload" jsonb NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "check_results" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"service" text NOT NULL,
	"check_id" text NOT NULL,
	"check_hash" text NOT NULL,
	"status" text NOT NULL,
	"evidence" jsonb,
	"facts_collected_at" timestamp with time zone,
	"evaluated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exemption_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"exemption_id" text NOT NULL,
	"action" text NOT NULL,
	"actor" text NOT NULL,
	"reason" text,
	"until" date,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exemptions" (
	"id" text PRIMARY KEY NOT NULL,
	"service" text NOT NULL,
	"check_id" text NOT NULL,
	"reason" text NOT NULL,
	"expires" date NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text
);
--> statement-breakpoint
CREATE TABLE "external_check_results" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"service" text NOT NULL,
	"check" text NOT NULL,
	"status" text NOT NULL,
	"details" text,
	"url" text,
	"reported_by" text NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"service" text NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"data" jsonb,
	"data_hash" text,
	"collected_at" timestamp with time zone NOT NULL,
	"checked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_snapshots" (
	"service" text NOT NULL,
	"day" date NOT NULL,
	"level" text,
	"score" real,
	"statuses" jsonb NOT NULL,
	"standards_hash" text NOT NULL,
	CONSTRAINT "scorecard_snapshots_service_day_pk" PRIMARY KEY("service","day")
);
--> statement-breakpoint
CREATE INDEX "changes_service_sha_idx" ON "changes" USING btree ("service","sha");--> statement-breakpoint
CREATE INDEX "changes_pull_request_idx" ON "changes" USING btree ("pull_request_id");--> statement-breakpoint
CREATE INDEX "deployment_changes_change_idx" ON "deployment_changes" USING btree ("change_id");--> statement-breakpoint
CREATE INDEX "deployments_service_finished_idx" ON "deployments" USING btree ("service","finished_at");--> statement-breakpoint
CREATE INDEX "deployments_finished_idx" ON "deployments" USING btree ("finished_at");--> statement-breakpoint
CREATE INDEX "deployments_rollback_of_idx" ON "deployments" USING btree ("rollback_of");--> statement-breakpoint
CREATE INDEX "deployments_commit_sha_idx" ON "deployments" USING btree ("commit_sha");--> statement-breakpoint
CREATE INDEX "incidents_service_opened_idx" ON "incidents" USING btree ("service","opened_at");--> statement-breakpoint
CREATE INDEX "incidents_resolved_idx" ON "incidents" USING btree ("resolved_at");--> statement-breakpoint
CREATE INDEX "incidents_caused_by_idx" ON "incidents" USING btree ("caused_by");--> statement-breakpoint
CREATE INDEX "pipeline_runs_service_finished_idx" ON "pipeline_runs" USING btree ("service","finished_at");--> statement-breakpoint
CREATE INDEX "pull_requests_service_merged_idx" ON "pull_requests" USING btree ("service","merged_at");--> statement-breakpoint
CREATE INDEX "pull_requests_merge_commit_idx" ON "pull_requests" USING btree ("merge_commit_sha");--> statement-breakpoint
CREATE INDEX "services_team_idx" ON "services" USING btree ("team");--> statement-breakpoint
CREATE INDEX "ingest_runs_source_started_idx" ON "ingest_runs" USING btree ("source","started_at");--> statement-breakpoint
CREATE INDEX "ingest_runs_parent_idx" ON "ingest_runs" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_received_idx" ON "webhook_deliveries" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "raw_payloads_identity_idx" ON "raw_payloads" USING btree ("source","kind","source_id");--> statement-breakpoint
CREATE INDEX "raw_payloads_scope_idx" ON "raw_payloads" USING btree ("source","scope");--> statement-breakpoint
CREATE INDEX "check_results_service_check_idx" ON "check_results" USING btree ("service","check_id","evaluated_at");--> statement-breakpoint
CREATE INDEX "exemptions_service_check_idx" ON "exemptions" USING btree ("service","check_id");--> statement-breakpoint
CREATE INDEX "external_check_results_service_check_idx" ON "external_check_results" USING btree ("service","check","reported_at");--> statement-breakpoint
CREATE UNIQUE INDEX "facts_identity_idx" ON "facts" USING btree ("service","kind","source","collected_at");--> statement-breakpoint
CREATE INDEX "scorecard_snapshots_day_idx" ON "scorecard_snapshots" USING btree ("day");