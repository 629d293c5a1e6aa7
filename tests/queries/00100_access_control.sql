-- Users, roles, grants, settings profiles and quotas defined in SQL, as the default user.
DROP USER IF EXISTS u_00100, u2_00100;
DROP ROLE IF EXISTS r_00100;
CREATE USER u_00100 IDENTIFIED WITH double_sha1_password BY 'qwerty';
SHOW CREATE USER u_00100;
CREATE USER u_00100; -- { serverError ACCESS_ENTITY_ALREADY_EXISTS }
CREATE USER IF NOT EXISTS u_00100 IDENTIFIED WITH no_password;
SHOW CREATE USER u_00100;
CREATE USER h_00100 IDENTIFIED WITH sha256_hash BY 'E8779CFA1360DFAC93259A468A88F1F28C346E0905A1FB061098B9AE6A6A704A' SALT 'SALT123';
SHOW CREATE USER h_00100;
CREATE USER bad_00100 IDENTIFIED WITH sha256_hash BY 'nothex'; -- { serverError BAD_ARGUMENTS }
CREATE ROLE r_00100;
GRANT SELECT, INSERT ON default.* TO r_00100;
GRANT r_00100 TO u_00100;
GRANT SELECT(a, b) ON db.t TO u_00100 WITH GRANT OPTION;
GRANT CREATE, DROP TABLE, TRUNCATE, dictGet ON db2.* TO u_00100;
SHOW GRANTS FOR u_00100;
SHOW GRANTS FOR r_00100;
REVOKE INSERT ON default.* FROM r_00100;
REVOKE SELECT ON default.secret FROM r_00100;
SHOW GRANTS FOR r_00100;
SELECT name, storage, auth_type FROM system.users ORDER BY name;
SELECT * FROM system.grants WHERE role_name = 'r_00100' ORDER BY access_type, table;
SELECT user_name, granted_role_name, granted_role_is_default, with_admin_option FROM system.role_grants WHERE user_name = 'u_00100';
GRANT FLY ON *.* TO u_00100; -- { serverError UNKNOWN_ACCESS_TYPE }
GRANT SELECT ON *.* TO nobody_00100; -- { serverError UNKNOWN_ROLE }
CREATE SETTINGS PROFILE p_00100 SETTINGS readonly = 1, max_execution_time = 10 TO u_00100;
SHOW CREATE SETTINGS PROFILE p_00100;
CREATE SETTINGS PROFILE p2_00100 SETTINGS nonexistent_setting = 1; -- { serverError UNKNOWN_SETTING }
SELECT name, num_elements, apply_to_list FROM system.settings_profiles WHERE name = 'p_00100';
SELECT profile_name, setting_name, value FROM system.settings_profile_elements WHERE profile_name = 'p_00100' ORDER BY index;
CREATE QUOTA q_00100 FOR INTERVAL 1 hour MAX queries = 10, errors = 5, FOR INTERVAL 1 day MAX read_rows = 1000 TO u_00100;
SHOW CREATE QUOTA q_00100;
SELECT name, keys, durations, apply_to_list FROM system.quotas WHERE name = 'q_00100';
ALTER USER u_00100 RENAME TO u2_00100;
SHOW USERS;
SHOW ROLES;
ALTER USER nobody_00100 IDENTIFIED WITH no_password; -- { serverError ACCESS_ENTITY_NOT_FOUND }
DROP USER default; -- { serverError ACCESS_STORAGE_READONLY }
DROP USER nobody_00100; -- { serverError ACCESS_ENTITY_NOT_FOUND }
DROP QUOTA q_00100;
DROP SETTINGS PROFILE p_00100;
DROP ROLE r_00100;
SHOW GRANTS FOR u2_00100;
DROP USER u2_00100, h_00100;
SHOW USERS;
SHOW GRANTS;
