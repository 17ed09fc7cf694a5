-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "externalId" TEXT;

-- CreateTable
CREATE TABLE "BoundaryVersion" (
    "id" SERIAL NOT NULL,
    "level" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "boundary" TEXT NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3),
    "source" TEXT NOT NULL,

    CONSTRAINT "BoundaryVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FigureSource" (
    "id" SERIAL NOT NULL,
    "placeCode" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "sheet" TEXT,
    "row" INTEGER,
    "asOf" TIMESTAMP(3) NOT NULL,
    "importedBy" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FigureSource_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BoundaryVersion_level_code_validFrom_idx" ON "BoundaryVersion"("level", "code", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "FigureSource_placeCode_field_key" ON "FigureSource"("placeCode", "field");

-- CreateIndex
CREATE UNIQUE INDEX "Case_externalId_key" ON "Case"("externalId");

