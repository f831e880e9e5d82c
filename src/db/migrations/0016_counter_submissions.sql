CREATE TABLE "counter_submissions" (
	"key" text PRIMARY KEY NOT NULL,
	"counsellor_id" bigint NOT NULL,
	"centre_code" text NOT NULL,
	"kind" text NOT NULL,
	"citizen_id" bigint,
	"taken_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"ref" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "counter_submissions" ADD CONSTRAINT "counter_submissions_counsellor_id_accounts_id_fk" FOREIGN KEY ("counsellor_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "counter_submissions_centre_idx" ON "counter_submissions" USING btree ("centre_code","received_at");