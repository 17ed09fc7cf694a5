-- CreateIndex
CREATE INDEX "Case_status_deadline_idx" ON "Case"("status", "deadline");

