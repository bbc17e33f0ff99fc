-- What made each analysis and each comparison and brief (`versions.analysis_version`,
-- `versions.brief_version`): records made by another version of newsweave, or stored before
-- this migration (NULL), are listed by `newsweave refresh` and remade by it.
ALTER TABLE analyses ADD COLUMN made_by TEXT;
ALTER TABLE briefs ADD COLUMN made_by TEXT;
