DROP INDEX "postings_reg_dt_idx";--> statement-breakpoint
DROP INDEX "postings_close_dt_idx";--> statement-breakpoint
DROP INDEX "postings_wage_monthly_idx";--> statement-breakpoint
DROP INDEX "postings_region_cd_idx";--> statement-breakpoint
DROP INDEX "postings_jobs_cd_idx";--> statement-breakpoint
DROP INDEX "postings_grams_idx";--> statement-breakpoint
DROP INDEX "postings_title_trgm_idx";--> statement-breakpoint
DROP INDEX "postings_company_name_trgm_idx";--> statement-breakpoint
ALTER TABLE "postings" ADD COLUMN "keys" text[] GENERATED ALWAYS AS (ilteo_grams(title, company_name, job_cont) || ilteo_facets(region_cd, jobs_cd, emp_tp_cd, sal_tp_cd, career, min_edubg)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "postings_open_keys_idx" ON "postings" USING gin ("keys") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "postings_open_reg_dt_idx" ON "postings" USING btree ("reg_dt" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "postings_open_close_dt_idx" ON "postings" USING btree ("close_dt","id" DESC NULLS LAST) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "postings_open_wage_idx" ON "postings" USING btree ("wage_monthly" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE status = 'open';--> statement-breakpoint
ALTER TABLE "postings" DROP COLUMN "grams";