-- SOURCE(FILE(PATH ... FORMAT ...)): the file is read with the dictionary's structure (keys,
-- then range columns, then attributes) in any input format; paths follow file()'s rules.
CREATE DATABASE d203;
CREATE DICTIONARY d203.countries (code String, name String, population UInt64 DEFAULT 0)
PRIMARY KEY code SOURCE(FILE(PATH 'data/dict_countries.csv' FORMAT 'CSVWithNames')) LAYOUT(COMPLEX_KEY_HASHED()) LIFETIME(0);
SELECT dictGet('d203.countries', 'name', 'JP'), dictGet('d203.countries', 'population', 'DE'), dictGet('d203.countries', 'population', 'IT');
SELECT * FROM dictionary('d203.countries') ORDER BY code;

CREATE DICTIONARY d203.colors (id UInt64, color String) PRIMARY KEY id
SOURCE(FILE(PATH 'data/dict_colors.tsv' FORMAT 'TabSeparated')) LAYOUT(FLAT()) LIFETIME(0);
SELECT number, dictGet('d203.colors', 'color', number) FROM numbers(5);
SELECT name, status, element_count, source FROM system.dictionaries WHERE database = 'd203' ORDER BY name;

-- A missing file fails the load: the error is the query's and is recorded.
CREATE DICTIONARY d203.missing (id UInt64, v String) PRIMARY KEY id SOURCE(FILE(PATH 'data/no_such_file.csv' FORMAT 'CSV'))
LAYOUT(HASHED()) LIFETIME(0);
SELECT dictGet('d203.missing', 'v', 1); -- { serverError FILE_DOESNT_EXIST }
SELECT name, status, last_exception != '' FROM system.dictionaries WHERE database = 'd203' AND name = 'missing';
DROP DATABASE d203;
