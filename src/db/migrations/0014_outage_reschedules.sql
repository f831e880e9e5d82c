CREATE TABLE "outage_reschedule_runs" (
	"incident_id" bigint PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"moved" integer NOT NULL,
	"review" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outage_reschedules" (
	"incident_id" bigint NOT NULL,
	"claim_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"result" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "outage_reschedules_incident_id_claim_id_seq_pk" PRIMARY KEY("incident_id","claim_id","seq")
);
--> statement-breakpoint
ALTER TABLE "outage_reschedule_runs" ADD CONSTRAINT "outage_reschedule_runs_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outage_reschedules" ADD CONSTRAINT "outage_reschedules_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outage_reschedules" ADD CONSTRAINT "outage_reschedules_claim_id_benefit_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."benefit_claims"("id") ON DELETE no action ON UPDATE no action;