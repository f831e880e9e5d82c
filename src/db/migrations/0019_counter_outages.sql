CREATE TABLE "counter_outages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"counter_id" text NOT NULL,
	"counsellor_id" bigint NOT NULL,
	"centre_code" text NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone NOT NULL,
	"reported_from" timestamp with time zone,
	"received_at" timestamp with time zone NOT NULL,
	"rescheduled_at" timestamp with time zone,
	CONSTRAINT "counter_outages_order" CHECK (to_at > from_at)
);
--> statement-breakpoint
ALTER TABLE "outage_reschedules" DROP CONSTRAINT "outage_reschedules_incident_id_claim_id_seq_pk";--> statement-breakpoint
ALTER TABLE "outage_reschedules" ALTER COLUMN "incident_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outage_reschedules" ADD COLUMN "counter_outage_id" bigint;--> statement-breakpoint
ALTER TABLE "counter_outages" ADD CONSTRAINT "counter_outages_counsellor_id_accounts_id_fk" FOREIGN KEY ("counsellor_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_outages" ADD CONSTRAINT "counter_outages_centre_code_job_centres_code_fk" FOREIGN KEY ("centre_code") REFERENCES "public"."job_centres"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "counter_outages_key" ON "counter_outages" USING btree ("key");--> statement-breakpoint
CREATE INDEX "counter_outages_centre_idx" ON "counter_outages" USING btree ("centre_code","from_at");--> statement-breakpoint
CREATE INDEX "counter_outages_pending_idx" ON "counter_outages" USING btree ("from_at") WHERE rescheduled_at IS NULL;--> statement-breakpoint
ALTER TABLE "outage_reschedules" ADD CONSTRAINT "outage_reschedules_counter_outage_id_counter_outages_id_fk" FOREIGN KEY ("counter_outage_id") REFERENCES "public"."counter_outages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outage_reschedules_incident_key" ON "outage_reschedules" USING btree ("incident_id","claim_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "outage_reschedules_counter_key" ON "outage_reschedules" USING btree ("counter_outage_id","claim_id","seq");--> statement-breakpoint
ALTER TABLE "outage_reschedules" ADD CONSTRAINT "outage_reschedules_one_source" CHECK ((incident_id IS NULL) <> (counter_outage_id IS NULL));