CREATE TABLE "check_acknowledgements" (
	"id" text PRIMARY KEY NOT NULL,
	"service" text NOT NULL,
	"check_id" text NOT NULL,
	"result_id" bigint NOT NULL,
	"note" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "check_acknowledgements_service_idx" ON "check_acknowledgements" USING btree ("service","check_id");