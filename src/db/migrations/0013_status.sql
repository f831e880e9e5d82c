CREATE TABLE "app_heartbeats" (
	"holder" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrective_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incident_id" bigint NOT NULL,
	"title" text NOT NULL,
	"owner" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"verification" text DEFAULT '' NOT NULL,
	"idempotency_key" text NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "incident_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incident_id" bigint NOT NULL,
	"status" text NOT NULL,
	"body" text NOT NULL,
	"author_id" bigint,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"component" text NOT NULL,
	"services" text[] NOT NULL,
	"impact" text NOT NULL,
	"title" text NOT NULL,
	"cause" text DEFAULT '' NOT NULL,
	"automatic" boolean NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maintenance_windows" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"components" text[] NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"author_id" bigint,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "maintenance_order" CHECK (ends_at > starts_at)
);
--> statement-breakpoint
CREATE TABLE "postmortems" (
	"incident_id" bigint PRIMARY KEY NOT NULL,
	"summary" text NOT NULL,
	"root_cause" text NOT NULL,
	"impact" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_intervals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"state" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"detail" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_observed" (
	"subject" text PRIMARY KEY NOT NULL,
	"observed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_rollups" (
	"subject" text NOT NULL,
	"grain" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"up_ms" bigint NOT NULL,
	"partial_ms" bigint NOT NULL,
	"down_ms" bigint NOT NULL,
	"maintenance_ms" bigint NOT NULL,
	"no_data_ms" bigint NOT NULL,
	"worst" text NOT NULL,
	CONSTRAINT "status_rollups_subject_grain_bucket_pk" PRIMARY KEY("subject","grain","bucket")
);
--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_updates" ADD CONSTRAINT "incident_updates_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_updates" ADD CONSTRAINT "incident_updates_author_id_accounts_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_windows" ADD CONSTRAINT "maintenance_windows_author_id_accounts_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortems" ADD CONSTRAINT "postmortems_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "corrective_actions_idem" ON "corrective_actions" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "corrective_actions_incident_idx" ON "corrective_actions" USING btree ("incident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_updates_dedupe_key" ON "incident_updates" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "incident_updates_incident_idx" ON "incident_updates" USING btree ("incident_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_dedupe_key" ON "incidents" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "incidents_started_idx" ON "incidents" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "incidents_open_idx" ON "incidents" USING btree ("component") WHERE resolved_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "maintenance_windows_idem" ON "maintenance_windows" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "status_intervals_open_key" ON "status_intervals" USING btree ("subject") WHERE ended_at IS NULL;--> statement-breakpoint
CREATE INDEX "status_intervals_subject_idx" ON "status_intervals" USING btree ("subject","started_at");