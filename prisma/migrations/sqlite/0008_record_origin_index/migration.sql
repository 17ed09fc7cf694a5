-- CreateIndex
CREATE INDEX "VolunteerLog_generated_idx" ON "VolunteerLog"("generated");

-- CreateIndex
CREATE INDEX "Case_generated_idx" ON "Case"("generated");

