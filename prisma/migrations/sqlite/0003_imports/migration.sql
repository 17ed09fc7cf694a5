-- AlterTable
ALTER TABLE "Case" ADD COLUMN "externalId" TEXT;

-- CreateTable
CREATE TABLE "BoundaryVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "level" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "boundary" TEXT NOT NULL,
    "validFrom" DATETIME NOT NULL,
    "validTo" DATETIME,
    "source" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "FigureSource" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "placeCode" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "sheet" TEXT,
    "row" INTEGER,
    "asOf" DATETIME NOT NULL,
    "importedBy" TEXT NOT NULL,
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "BoundaryVersion_level_code_validFrom_idx" ON "BoundaryVersion"("level", "code", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "FigureSource_placeCode_field_key" ON "FigureSource"("placeCode", "field");

-- CreateIndex
CREATE UNIQUE INDEX "Case_externalId_key" ON "Case"("externalId");

