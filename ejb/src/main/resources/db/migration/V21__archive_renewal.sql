-- Until when each LTA signature's newest archive timestamp can be checked (its TSA certificate's end): the
-- long-term-evidence job renews the archive timestamps due within its renewal period, by this index.
ALTER TABLE record_signature ADD COLUMN archive_until TIMESTAMP WITH TIME ZONE;
CREATE INDEX record_signature_archive ON record_signature (evidence_level, archive_until);
ALTER TABLE institution_signature ADD COLUMN archive_until TIMESTAMP WITH TIME ZONE;
