CREATE TABLE "command_outcomes" (
	"actor" text NOT NULL,
	"key" text NOT NULL,
	"command" text NOT NULL,
	"fingerprint" text NOT NULL,
	"outcome" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "command_outcomes_actor_key_pk" PRIMARY KEY("actor","key")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "entry_id" text;--> statement-breakpoint
CREATE INDEX "command_outcomes_created_idx" ON "command_outcomes" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_entry_id_idx" ON "audit_log" USING btree ("entry_id");