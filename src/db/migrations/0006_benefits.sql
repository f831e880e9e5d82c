CREATE TABLE "benefit_claims" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"claimant_id" bigint NOT NULL,
	"centre_code" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"report_date" date NOT NULL,
	"company_name" text NOT NULL,
	"separation_date" date NOT NULL,
	"separation_reason" text NOT NULL,
	"justified_reason" text,
	"insured_months" integer NOT NULL,
	"insured_unit_days" integer NOT NULL,
	"average_daily_wage" integer NOT NULL,
	"ordinary_daily_wage" integer,
	"daily_hours" numeric(3, 1) NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"birth_date" date NOT NULL,
	"repeat_claimant" boolean DEFAULT false NOT NULL,
	"rule_version" text NOT NULL,
	"daily_amount" integer NOT NULL,
	"benefit_days" integer NOT NULL,
	"benefit_period_end" date NOT NULL,
	"decided_by" bigint,
	"decided_at" timestamp with time zone,
	"decision_code" text,
	"decision_note" text,
	"first_recognition_date" date,
	"cycle_days" integer,
	"planning_note" text DEFAULT '' NOT NULL,
	"personal_change_used" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"claim_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" bigint,
	"actor_kind" text,
	"event" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"days" integer,
	"amount" integer
);
--> statement-breakpoint
CREATE TABLE "claim_recognitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"claim_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"nominal_date" date NOT NULL,
	"scheduled_date" date NOT NULL,
	"moved_because" text,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"idempotency_key" text,
	"filed_at" timestamp with time zone,
	"worked_or_earned" boolean,
	"decided_by" bigint,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"paid_days" integer,
	"amount" integer
);
--> statement-breakpoint
CREATE TABLE "recognition_activities" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"recognition_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"activity_date" date NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "benefit_claims" ADD CONSTRAINT "benefit_claims_claimant_id_accounts_id_fk" FOREIGN KEY ("claimant_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_claims" ADD CONSTRAINT "benefit_claims_centre_code_job_centres_code_fk" FOREIGN KEY ("centre_code") REFERENCES "public"."job_centres"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_claims" ADD CONSTRAINT "benefit_claims_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_ledger" ADD CONSTRAINT "benefit_ledger_claim_id_benefit_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."benefit_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_recognitions" ADD CONSTRAINT "claim_recognitions_claim_id_benefit_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."benefit_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_recognitions" ADD CONSTRAINT "claim_recognitions_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_activities" ADD CONSTRAINT "recognition_activities_recognition_id_claim_recognitions_id_fk" FOREIGN KEY ("recognition_id") REFERENCES "public"."claim_recognitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "benefit_claims_idempotency_key" ON "benefit_claims" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "benefit_claims_claimant_idx" ON "benefit_claims" USING btree ("claimant_id");--> statement-breakpoint
CREATE INDEX "benefit_claims_centre_status_idx" ON "benefit_claims" USING btree ("centre_code","status");--> statement-breakpoint
CREATE INDEX "benefit_ledger_claim_idx" ON "benefit_ledger" USING btree ("claim_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "claim_recognitions_claim_seq_key" ON "claim_recognitions" USING btree ("claim_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "claim_recognitions_idempotency_key" ON "claim_recognitions" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "claim_recognitions_status_idx" ON "claim_recognitions" USING btree ("status","scheduled_date");--> statement-breakpoint
CREATE INDEX "recognition_activities_recognition_idx" ON "recognition_activities" USING btree ("recognition_id");--> statement-breakpoint
CREATE FUNCTION ilteo_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER benefit_ledger_no_update BEFORE UPDATE OR DELETE ON "benefit_ledger" FOR EACH ROW EXECUTE FUNCTION ilteo_append_only();--> statement-breakpoint
CREATE TRIGGER benefit_ledger_no_truncate BEFORE TRUNCATE ON "benefit_ledger" FOR EACH STATEMENT EXECUTE FUNCTION ilteo_append_only();
