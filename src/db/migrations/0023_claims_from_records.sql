ALTER TABLE "benefit_claims" ADD COLUMN "facts_source" text DEFAULT 'typed' NOT NULL;--> statement-breakpoint
ALTER TABLE "benefit_claims" ADD COLUMN "record_facts" jsonb;