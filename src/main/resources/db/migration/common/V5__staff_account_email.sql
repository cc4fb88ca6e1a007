-- An optional e-mail address per staff account, for messages Beacon sends staff by itself (an overdose
-- alarm reaches every partner and supervisor who has one). Nothing else uses it; login stays by username.
ALTER TABLE staff_account ADD COLUMN email VARCHAR(254);
