-- A report version stores its four documents (JSON, Markdown, HTML, DOCX; 15-70 KB each for the 2021 report). PostgreSQL
-- compressed the three text documents with pglz: ~2.2 ms of the database's CPU per version, against ~0.4 ms with lz4
-- (8% larger; measured on Debian's PostgreSQL 15). The DOCX is a zip already: stored as it is, not compressed again.
-- Rows written before keep their compression; both read the same. A server built without lz4 (the embedded
-- PostgreSQL of the laptop and the tests) keeps pglz for the texts.
ALTER TABLE report_version ALTER COLUMN docx_doc SET STORAGE EXTERNAL;
DO $$
BEGIN
    ALTER TABLE report_version ALTER COLUMN json_doc SET COMPRESSION lz4,
                               ALTER COLUMN markdown_doc SET COMPRESSION lz4,
                               ALTER COLUMN html_doc SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'this PostgreSQL has no lz4: report documents stay compressed with pglz';
END
$$;
