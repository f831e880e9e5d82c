CREATE TABLE "account_identities" (
	"provider" text NOT NULL,
	"subject" text NOT NULL,
	"account_id" bigint NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "account_identities_provider_subject_pk" PRIMARY KEY("provider","subject")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"login_id" text NOT NULL,
	"password_hash" text,
	"password_changed_at" timestamp with time zone,
	"name" text NOT NULL,
	"email" text,
	"company_id" bigint,
	"centre_code" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" bigint,
	CONSTRAINT "accounts_kind_check" CHECK (kind IN ('seeker', 'employer', 'counsellor', 'operator')),
	CONSTRAINT "accounts_kind_ties_check" CHECK ((kind <> 'employer' OR company_id IS NOT NULL) AND (kind <> 'counsellor' OR centre_code IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "app_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" bigint,
	"actor_kind" text,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"ip" text NOT NULL,
	"user_agent" text DEFAULT '' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"staff" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_centres" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sido_cd" char(2) NOT NULL,
	"address" text NOT NULL,
	"phone" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "oidc_flows" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"purpose" text NOT NULL,
	"account_id" bigint,
	"state" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"return_to" text DEFAULT '/' NOT NULL,
	"subject" text,
	"claims" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"account_id" bigint NOT NULL,
	"method" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text NOT NULL,
	"user_agent" text DEFAULT '' NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "account_identities" ADD CONSTRAINT "account_identities_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_centre_code_job_centres_code_fk" FOREIGN KEY ("centre_code") REFERENCES "public"."job_centres"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_flows" ADD CONSTRAINT "oidc_flows_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_identities_account_provider_key" ON "account_identities" USING btree ("account_id","provider");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_login_id_key" ON "accounts" USING btree ("login_id");--> statement-breakpoint
CREATE INDEX "accounts_company_id_idx" ON "accounts" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "accounts_centre_code_idx" ON "accounts" USING btree ("centre_code");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "sessions_account_id_idx" ON "sessions" USING btree ("account_id");--> statement-breakpoint
CREATE FUNCTION ilteo_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION ilteo_audit_log_append_only();--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION ilteo_audit_log_append_only();--> statement-breakpoint
INSERT INTO "job_centres" ("code", "name", "sido_cd", "address", "phone") VALUES
  ('seoul', '서울고용센터', '11', '서울특별시 중구 삼일대로 363', '02-2004-7301'),
  ('seoul-gangnam', '서울강남고용센터', '11', '서울특별시 강남구 테헤란로 410', '02-3468-4794'),
  ('seoul-gwanak', '서울관악고용센터', '11', '서울특별시 관악구 관악로 128', '02-3282-9200'),
  ('busan', '부산고용센터', '26', '부산광역시 부산진구 중앙대로 993', '051-860-1919'),
  ('daegu', '대구고용센터', '27', '대구광역시 중구 국채보상로 648', '053-667-6000'),
  ('incheon', '인천고용센터', '28', '인천광역시 남동구 인하로 501', '032-460-4701'),
  ('gwangju', '광주고용센터', '29', '광주광역시 북구 첨단과기로208번길 43', '062-609-8500'),
  ('daejeon', '대전고용센터', '30', '대전광역시 서구 문예로 25', '042-480-6000'),
  ('ulsan', '울산고용센터', '31', '울산광역시 남구 화합로 106', '052-228-1919'),
  ('sejong', '세종고용센터', '36', '세종특별자치시 한누리대로 2130', '044-864-1919'),
  ('suwon', '수원고용센터', '41', '경기도 수원시 권선구 호매실로 46-68', '031-231-7864'),
  ('seongnam', '성남고용센터', '41', '경기도 성남시 중원구 성남대로 997', '031-739-3170'),
  ('chuncheon', '춘천고용센터', '51', '강원특별자치도 춘천시 중앙로 67', '033-250-1900'),
  ('cheongju', '청주고용센터', '43', '충청북도 청주시 상당구 상당로 82', '043-230-6700'),
  ('cheonan', '천안고용센터', '44', '충청남도 천안시 서북구 원두정2길 21', '041-620-7400'),
  ('jeonju', '전주고용센터', '52', '전북특별자치도 전주시 덕진구 건산로 251', '063-270-9100'),
  ('mokpo', '목포고용센터', '46', '전라남도 목포시 교육로 35', '061-280-0500'),
  ('pohang', '포항고용센터', '47', '경상북도 포항시 남구 포스코대로 355', '054-280-3000'),
  ('changwon', '창원고용센터', '48', '경상남도 창원시 성산구 중앙대로 84', '055-239-0900'),
  ('jeju', '제주고용센터', '50', '제주특별자치도 제주시 동광로 89', '064-710-4444');
