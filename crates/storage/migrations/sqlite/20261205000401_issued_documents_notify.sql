-- The PostgreSQL twin announces changes to issued documents to every server
-- process, which keep the public check's answers in memory. A server on an
-- SQLite file reads the file for every check, so nothing is announced here.
SELECT 1;
