CREATE TABLE "certificate_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"workplace_id" bigint NOT NULL,
	"person_hash" text NOT NULL,
	"requested_by" bigint NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_on" date NOT NULL,
	"certificate_id" bigint
);
--> statement-breakpoint
CREATE TABLE "insurance_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"workplace_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"person_hash" text NOT NULL,
	"person_masked" text NOT NULL,
	"person_name" text NOT NULL,
	"acquired_on" date,
	"lost_on" date,
	"monthly_wage" integer,
	"daily_hours" numeric(3, 1),
	"occupation_cd" text,
	"loss_code" text,
	"loss_sub_code" text,
	"loss_reason" text,
	"corrects_id" bigint,
	"reported_by" bigint NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_on" date,
	"late" boolean DEFAULT false NOT NULL,
	"batch_key" text,
	CONSTRAINT "insurance_events_kind_check" CHECK (kind IN ('acquire', 'lose', 'correct', 'cancel')),
	CONSTRAINT "insurance_events_corrects_check" CHECK ((kind IN ('correct', 'cancel')) = (corrects_id IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "person_verifications" (
	"account_id" bigint PRIMARY KEY NOT NULL,
	"person_hash" text NOT NULL,
	"provider" text NOT NULL,
	"verified_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_disputes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"account_id" bigint NOT NULL,
	"event_id" bigint NOT NULL,
	"reason" text NOT NULL,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_by" bigint,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	CONSTRAINT "record_disputes_status_check" CHECK (status IN ('open', 'upheld', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "separation_certificates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"workplace_id" bigint NOT NULL,
	"person_hash" text NOT NULL,
	"person_masked" text NOT NULL,
	"person_name" text NOT NULL,
	"separated_on" date NOT NULL,
	"loss_code" text NOT NULL,
	"loss_sub_code" text NOT NULL,
	"reason" text NOT NULL,
	"recent_wages" jsonb NOT NULL,
	"ordinary_daily_wage" integer,
	"daily_hours" numeric(3, 1) NOT NULL,
	"base_days" jsonb NOT NULL,
	"filed_by" bigint NOT NULL,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_on" date,
	"late" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workplace_reporters" (
	"workplace_id" bigint NOT NULL,
	"account_id" bigint NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workplace_reporters_workplace_id_account_id_pk" PRIMARY KEY("workplace_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "workplaces" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"management_no" char(11) NOT NULL,
	"company_id" bigint NOT NULL,
	"name" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workplaces_management_no_check" CHECK (management_no ~ '^[0-9]{11}$')
);
--> statement-breakpoint
ALTER TABLE "certificate_requests" ADD CONSTRAINT "certificate_requests_workplace_id_workplaces_id_fk" FOREIGN KEY ("workplace_id") REFERENCES "public"."workplaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_requests" ADD CONSTRAINT "certificate_requests_requested_by_accounts_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_requests" ADD CONSTRAINT "certificate_requests_certificate_id_separation_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."separation_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_events" ADD CONSTRAINT "insurance_events_workplace_id_workplaces_id_fk" FOREIGN KEY ("workplace_id") REFERENCES "public"."workplaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_events" ADD CONSTRAINT "insurance_events_reported_by_accounts_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_verifications" ADD CONSTRAINT "person_verifications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_disputes" ADD CONSTRAINT "record_disputes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_disputes" ADD CONSTRAINT "record_disputes_event_id_insurance_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."insurance_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_disputes" ADD CONSTRAINT "record_disputes_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "separation_certificates" ADD CONSTRAINT "separation_certificates_workplace_id_workplaces_id_fk" FOREIGN KEY ("workplace_id") REFERENCES "public"."workplaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "separation_certificates" ADD CONSTRAINT "separation_certificates_filed_by_accounts_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplace_reporters" ADD CONSTRAINT "workplace_reporters_workplace_id_workplaces_id_fk" FOREIGN KEY ("workplace_id") REFERENCES "public"."workplaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplace_reporters" ADD CONSTRAINT "workplace_reporters_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplaces" ADD CONSTRAINT "workplaces_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_requests_dedupe_key" ON "certificate_requests" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "certificate_requests_workplace_idx" ON "certificate_requests" USING btree ("workplace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "insurance_events_dedupe_key" ON "insurance_events" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "insurance_events_person_idx" ON "insurance_events" USING btree ("person_hash");--> statement-breakpoint
CREATE INDEX "insurance_events_workplace_idx" ON "insurance_events" USING btree ("workplace_id","reported_at");--> statement-breakpoint
CREATE UNIQUE INDEX "person_verifications_person_key" ON "person_verifications" USING btree ("person_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "record_disputes_dedupe_key" ON "record_disputes" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "record_disputes_status_idx" ON "record_disputes" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "separation_certificates_dedupe_key" ON "separation_certificates" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "separation_certificates_person_idx" ON "separation_certificates" USING btree ("person_hash");--> statement-breakpoint
CREATE INDEX "workplace_reporters_account_idx" ON "workplace_reporters" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workplaces_management_no_key" ON "workplaces" USING btree ("management_no");--> statement-breakpoint
CREATE INDEX "workplaces_company_id_idx" ON "workplaces" USING btree ("company_id");--> statement-breakpoint
CREATE FUNCTION ilteo_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused): file a 정정 or 취소 instead', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;--> statement-breakpoint
CREATE TRIGGER insurance_events_no_update BEFORE UPDATE OR DELETE ON "insurance_events" FOR EACH ROW EXECUTE FUNCTION ilteo_records_append_only();--> statement-breakpoint
CREATE TRIGGER separation_certificates_no_update BEFORE UPDATE OR DELETE ON "separation_certificates" FOR EACH ROW EXECUTE FUNCTION ilteo_records_append_only();
