-- CreateIndex
CREATE INDEX "PartyOrganization_gridId_idx" ON "PartyOrganization"("gridId");


-- Whether any case or volunteer log is generated, and whether any is not (provenance of figures
-- over every place), each found in one index lookup. Partial indexes, written here by hand:
-- Prisma's schema cannot state them; a full index on "generated" would mislead the planner
-- into reading it for bool_or/bool_and over one community's cases.
CREATE INDEX "Case_generated_idx" ON "Case"("id") WHERE "generated";
CREATE INDEX "Case_recorded_idx" ON "Case"("id") WHERE NOT "generated";
CREATE INDEX "VolunteerLog_generated_idx" ON "VolunteerLog"("id") WHERE "generated";
CREATE INDEX "VolunteerLog_recorded_idx" ON "VolunteerLog"("id") WHERE NOT "generated";
