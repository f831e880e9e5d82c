CREATE TABLE "posting_reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"wanted_auth_no" text NOT NULL,
	"reason" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "posting_reports_idempotency_key" ON "posting_reports" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "posting_reports_wanted_auth_no_idx" ON "posting_reports" USING btree ("wanted_auth_no");