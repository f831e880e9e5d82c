CREATE TABLE "counter_queues" (
	"counsellor_id" bigint PRIMARY KEY NOT NULL,
	"centre_code" text NOT NULL,
	"waiting" integer NOT NULL,
	"review" integer NOT NULL,
	"oldest_taken_at" timestamp with time zone,
	"reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "app_heartbeats" ADD COLUMN "journal_pending" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "counter_queues" ADD CONSTRAINT "counter_queues_counsellor_id_accounts_id_fk" FOREIGN KEY ("counsellor_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;