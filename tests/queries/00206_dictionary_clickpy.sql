-- ClickPy's two dictionaries (clickpy.md §1.2), DDL as ClickPy writes it, over Memory tables
-- with the reference's columns.
CREATE DATABASE pypi;
CREATE TABLE pypi.countries (name String, code String) ENGINE = Memory;
CREATE TABLE pypi.projects
(
    metadata_version String, name String, version String, summary String, description String, description_content_type String,
    author String, author_email String, maintainer String, maintainer_email String, license String, keywords String,
    classifiers Array(String), platform Array(String), home_page String, download_url String, requires_python String,
    requires Array(String), provides Array(String), obsoletes Array(String), requires_dist Array(String), provides_dist Array(String),
    obsoletes_dist Array(String), requires_external Array(String), project_urls Array(String), uploaded_via String,
    upload_time DateTime64(3), filename String, size Int64, path String, python_version String, packagetype String,
    comment_text String, has_signature Bool, md5_digest String, sha256_digest String, blake2_256_digest String
) ENGINE = Memory;
CREATE TABLE pypi.pypi_downloads_per_day (date Date, project String, count Int64) ENGINE = Memory;

CREATE DICTIONARY pypi.countries_dict
(
    `name` String,
    `code` String
)
PRIMARY KEY code
SOURCE(CLICKHOUSE(TABLE 'countries'))
LIFETIME(MIN 0 MAX 300)
LAYOUT(COMPLEX_KEY_HASHED());

CREATE DICTIONARY pypi.last_updated_dict
(
    `name` String,
    `last_update` DateTime64(3)
)
PRIMARY KEY name
SOURCE(CLICKHOUSE(QUERY 'SELECT name, max(upload_time) AS last_update FROM pypi.projects GROUP BY name'))
LIFETIME(MIN 0 MAX 300)
LAYOUT(COMPLEX_KEY_HASHED());

INSERT INTO pypi.countries VALUES ('United States of America', 'US'), ('Germany', 'DE'), ('India', 'IN');
INSERT INTO pypi.projects (name, version, upload_time) VALUES
    ('requests', '2.31.0', '2023-05-22 15:12:42.313'), ('requests', '2.32.3', '2024-05-29 15:37:47.000'),
    ('boto3', '1.34.0', '2024-12-01 10:00:00.500'), ('six', '1.16.0', '2021-05-05 14:18:18.000');
INSERT INTO pypi.pypi_downloads_per_day VALUES
    ('2024-12-01', 'requests', 100), ('2024-12-01', 'boto3', 300), ('2024-12-01', 'six', 50), ('2024-12-02', 'six', 70);

SELECT code, dictGet('pypi.countries_dict', 'name', code) FROM (SELECT arrayJoin(['US', 'IN', 'FR']) AS code) ORDER BY code;
SELECT name, dictGet('pypi.last_updated_dict', 'last_update', name), toTypeName(dictGet('pypi.last_updated_dict', 'last_update', name))
FROM (SELECT DISTINCT name FROM pypi.projects) ORDER BY name;

-- "Stable packages": the most downloaded projects whose last upload is older than six months
-- before the newest upload.
SELECT project, sum(count) AS c, formatDateTime(dictGet('pypi.last_updated_dict', 'last_update', project), '%d %M %Y') AS last_updated
FROM pypi.pypi_downloads_per_day
WHERE dictGet('pypi.last_updated_dict', 'last_update', project) < (SELECT max(upload_time) - INTERVAL 6 MONTH FROM pypi.projects)
GROUP BY project ORDER BY c DESC LIMIT 7;

SELECT name, status, type, `key.names`, `key.types`, `attribute.names`, `attribute.types`, element_count, source, lifetime_min, lifetime_max
FROM system.dictionaries WHERE database = 'pypi' ORDER BY name;
SHOW CREATE DICTIONARY pypi.countries_dict;
DROP DATABASE pypi;
