CREATE TABLE "journal_receipts" (
	"receipt" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"account_id" bigint NOT NULL,
	"instance" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"link" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX "journal_receipts_account_idx" ON "journal_receipts" USING btree ("account_id","received_at");