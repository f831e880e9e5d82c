CREATE TABLE "companies" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"busino" char(10) NOT NULL,
	"name" text NOT NULL,
	"ind_tp_nm" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "postings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"wanted_auth_no" text NOT NULL,
	"company_id" bigint NOT NULL,
	"company_name" text NOT NULL,
	"busino" char(10) NOT NULL,
	"ind_tp_nm" text NOT NULL,
	"title" text NOT NULL,
	"jobs_cd" char(3) NOT NULL,
	"sal_tp_cd" char(1) NOT NULL,
	"min_sal" integer NOT NULL,
	"max_sal" integer NOT NULL,
	"wage_monthly" integer NOT NULL,
	"work_hours_per_day" numeric(4, 1) NOT NULL,
	"work_hours_per_week" numeric(4, 1) NOT NULL,
	"region_cd" char(5) NOT NULL,
	"holiday_tp_cd" text NOT NULL,
	"min_edubg" char(2) NOT NULL,
	"career" char(1) NOT NULL,
	"min_career_months" integer DEFAULT 0 NOT NULL,
	"emp_tp_cd" text NOT NULL,
	"reg_dt" date NOT NULL,
	"close_dt" date,
	"zip_cd" text NOT NULL,
	"basic_addr" text NOT NULL,
	"detail_addr" text DEFAULT '' NOT NULL,
	"job_cont" text NOT NULL,
	"pf_cond" text DEFAULT '' NOT NULL,
	"etc_welfare" text DEFAULT '' NOT NULL,
	"sel_mthd" text NOT NULL,
	"rcpt_mthd" text NOT NULL,
	"collect_psncnt" integer NOT NULL,
	"contact_telno" text NOT NULL,
	"contact_name" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS (ilteo_search_text(title, company_name, job_cont)) STORED NOT NULL,
	"grams" text[] GENERATED ALWAYS AS (ilteo_grams(title, company_name, job_cont)) STORED NOT NULL,
	"choseong" text GENERATED ALWAYS AS (ilteo_choseong(title || ' ' || company_name)) STORED NOT NULL
);
--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "companies_busino_key" ON "companies" USING btree ("busino");--> statement-breakpoint
CREATE UNIQUE INDEX "postings_wanted_auth_no_key" ON "postings" USING btree ("wanted_auth_no");--> statement-breakpoint
CREATE INDEX "postings_reg_dt_idx" ON "postings" USING btree ("reg_dt" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "postings_close_dt_idx" ON "postings" USING btree ("close_dt");--> statement-breakpoint
CREATE INDEX "postings_wage_monthly_idx" ON "postings" USING btree ("wage_monthly" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "postings_region_cd_idx" ON "postings" USING btree ("region_cd");--> statement-breakpoint
CREATE INDEX "postings_jobs_cd_idx" ON "postings" USING btree ("jobs_cd");--> statement-breakpoint
CREATE INDEX "postings_company_id_idx" ON "postings" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "postings_grams_idx" ON "postings" USING gin ("grams");--> statement-breakpoint
CREATE INDEX "postings_title_trgm_idx" ON "postings" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "postings_company_name_trgm_idx" ON "postings" USING gin ("company_name" gin_trgm_ops);